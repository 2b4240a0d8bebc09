// Dutch texts of the case page's sections and menu, the footer, and the privacy and
// accessibility statements. Merged into nl.ts; en.ux.ts must have every key.
export const nlUx = {
  // case page: sections, in-page menu, summary, forms on demand
  'caseUx.onThisPage': 'Op deze pagina',
  'caseUx.summary': 'Stand van de zaak',
  'caseUx.summaryStatus': 'Status',
  'caseUx.summaryClock': 'Planklok',
  'caseUx.summaryNoClock': 'loopt niet',
  'caseUx.summaryDue': '(plan klaar op {date})',
  'caseUx.summaryRound': 'Toetsronde',
  'caseUx.summaryNoRound': 'nog geen',
  'caseUx.notesTitle': 'Notities',
  'caseUx.noteSubmit': 'Notitie opslaan',
  'caseUx.messageOpen': 'Bericht schrijven',
  'caseUx.suspendSubmit': 'Opschorten met deze reden',
  'caseUx.openRoundOpen': 'Nieuwe toetsronde voorbereiden',
  'caseUx.commitmentOpen': 'Nieuwe toezegging invullen',
  'caseUx.withdrawLead': 'Intrekken beëindigt de zaak voorgoed. Dit kunt u niet ongedaan maken.',
  'caseUx.withdrawOpen': 'Zaak intrekken…',
  'caseUx.withdrawConfirm': 'Weet u zeker dat u zaak {reference} wilt intrekken? Dit kunt u niet ongedaan maken.',
  'caseUx.withdrawYes': 'Ja, zaak intrekken',
  'caseUx.withdrawNo': 'Nee, niet intrekken',

  // footer
  'footer.label': 'Over deze website',
  'footer.privacy': 'Privacyverklaring',
  'footer.accessibility': 'Toegankelijkheidsverklaring',
  'footer.contact': 'Contact',
  'footer.contactText': 'Vragen over uw zaak? Neem contact op met uw case-regisseur of met {municipality}.',
  'footer.contactTextAnonymous': 'Vragen over uw aanvraag? Neem contact op met uw gemeente.',

  // privacy statement (AVG article 13)
  'privacy.title': 'Privacyverklaring',
  'privacy.lead':
    'Als u een aanvraag doet, legt de gemeente persoonsgegevens van u vast in Regie. Hier leest u welke gegevens, waarom, hoe lang en welke rechten u heeft (artikel 13 van de Algemene verordening gegevensbescherming, AVG).',
  'privacy.controllerTitle': 'Wie is verantwoordelijk',
  'privacy.controller':
    'De gemeente waar u uw aanvraag doet is verwerkingsverantwoordelijke. Elke gemeente heeft een functionaris gegevensbescherming (FG); u bereikt die via de gemeente.',
  'privacy.whatTitle': 'Welke gegevens wij vastleggen',
  'privacy.what1': 'uw naam, e-mailadres en (als u die geeft) uw telefoonnummer;',
  'privacy.what2': 'als u namens een bedrijf vraagt: de bedrijfsnaam en het KvK-nummer;',
  'privacy.what3': 'uw vraag in uw eigen woorden, de locatie of het adres, het gebied en de thema’s die u kiest;',
  'privacy.what4': 'wat er met uw zaak gebeurt: het plan, berichten, notities, toetsen en toezeggingen, met datum en wie het deed.',
  'privacy.whyTitle': 'Waarom',
  'privacy.why':
    'Wij gebruiken deze gegevens om uw vraag te behandelen: één case-regisseur maakt met u een plan en laat de afdelingen samen toetsen. De grondslag is de uitvoering van een taak van algemeen belang (artikel 6 lid 1 sub e AVG). Wij gebruiken uw gegevens niet voor iets anders en verkopen ze niet.',
  'privacy.whoTitle': 'Wie uw gegevens ziet',
  'privacy.who':
    'Medewerkers van de gemeente die aan uw zaak werken, en partijen die de gemeente om een toets vraagt (bijvoorbeeld een omgevingsdienst), alleen voor zover zij die nodig hebben.',
  'privacy.howLongTitle': 'Hoe lang',
  'privacy.howLong':
    'Zolang uw zaak loopt. Daarna bewaart de gemeente het dossier zo lang als de Archiefwet en de selectielijst voor gemeenten voorschrijven, en vernietigt het daarna.',
  'privacy.rightsTitle': 'Uw rechten',
  'privacy.rights':
    'U mag uw gegevens inzien, laten verbeteren of aanvullen, laten verwijderen als wij ze niet meer nodig hebben, de verwerking laten beperken en bezwaar maken. Vraag het aan de gemeente. Bent u het niet eens met hoe de gemeente met uw gegevens omgaat, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',

  // accessibility statement (Dutch model, digitoegankelijk.nl)
  'a11y.title': 'Toegankelijkheidsverklaring',
  'a11y.lead':
    'De gemeente wil dat iedereen Regie kan gebruiken: om een aanvraag te doen, uw zaak te volgen en als medewerker zaken te behandelen. Deze verklaring volgt het model van de Nederlandse overheid.',
  'a11y.statusTitle': 'Status',
  'a11y.status':
    'Regie voldoet gedeeltelijk aan de eisen: de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA (EN 301 549). Elke pagina wordt bij elke wijziging automatisch getest in een browser, ook op een scherm van 320 pixels breed, met het toetsenbord en met axe.',
  'a11y.knownTitle': 'Bekende problemen',
  'a11y.known1': 'Brede tabellen (zoals het plan en de uitkomst van een toets) schuiven op een smal scherm binnen hun eigen kader opzij.',
  'a11y.known2': 'Het zaakdossier (PDF) is nog geen volledig toegankelijke PDF (PDF/UA).',
  'a11y.known3': 'Er is nog geen onderzoek door een onafhankelijke deskundige gedaan; de status is op eigen tests gebaseerd.',
  'a11y.contactTitle': 'Contact en klachten',
  'a11y.contact':
    'Loopt u tegen een probleem aan? Meld het bij de gemeente; u krijgt binnen 5 werkdagen antwoord. Bent u niet tevreden over de afhandeling, dan kunt u een klacht indienen bij de gemeente en daarna bij de Nationale ombudsman.',
  'a11y.contactMunicipality': 'U bereikt {municipality} via de contactgegevens op de website van de gemeente.',
};
