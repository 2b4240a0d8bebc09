// Dutch texts of the access log and the retention term
// (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd, docs/product.md#bewaartermijn).
// Merged into nl.ts; en.audit.ts must have every key.
export const nlAudit = {
  'accessLog.title': 'Logboek inzage persoonsgegevens',
  'accessLog.lead':
    'Wie de contactgegevens van een initiatiefnemer, een zaakdossier, een export met persoonsgegevens of een bijlage inzag, wanneer en vanaf welk adres. Het logboek kan niet worden gewijzigd.',
  'accessLog.adminText': 'Wie welke persoonsgegevens inzag en wanneer: contactgegevens, zaakdossiers, exports en bijlagen.',
  'accessLog.filters': 'Logboek filteren',
  'accessLog.kind': 'Soort inzage',
  'accessLog.kind.contactDetails': 'Contactgegevens',
  'accessLog.kind.dossier': 'Zaakdossier',
  'accessLog.kind.export': 'Export',
  'accessLog.kind.crossMunicipality': 'Andere gemeente (afspraak)',
  'accessLog.kind.attachment': 'Bijlage gedownload',
  'accessLog.actor': 'Medewerker',
  'accessLog.from': 'Vanaf',
  'accessLog.to': 'Tot en met',
  'accessLog.at': 'Moment',
  'accessLog.case': 'Zaak',
  'accessLog.initiator': 'Initiatiefnemer',
  'accessLog.address': 'Adres',
  'accessLog.caption': 'Inzage in persoonsgegevens, nieuwste eerst ({count} getoond)',
  'accessLog.empty': 'Geen inzage gevonden met deze filters.',
  'accessLog.unknown': 'onbekend',
  'settings.retention': 'Bewaartermijn persoonsgegevens (maanden)',
  'settings.retentionHelp':
    'Zoveel maanden na het afronden van een zaak worden de gegevens van de initiatiefnemer vervangen door een pseudoniem (6 tot en met 240). Leeg: bewaren.',
  'event.personalDataRemoved': 'Persoonsgegevens verwijderd na de bewaartermijn van {months} maanden',
};
