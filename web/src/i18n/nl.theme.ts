// Dutch texts of the municipality's own look and contact details
// (docs/product.md#the-municipalitys-own-look). Merged into nl.ts; en.theme.ts must have every key.
export const nlTheme = {
  'settings.look': 'Contact en huisstijl',
  'settings.lookHint': 'Deze gegevens staan op elke pagina: de kleur in knoppen en links, het logo in de kop, de contactgegevens onderaan.',
  'settings.contactEmail': 'E-mailadres voor contact',
  'settings.contactPhone': 'Telefoonnummer voor contact',
  'settings.contactWebsite': 'Website',
  'settings.contactWebsiteHint': 'Een volledig adres dat begint met https://, bijvoorbeeld https://www.gemeente.nl.',
  'settings.primaryColor': 'Huisstijlkleur',
  'settings.primaryColorHint': 'Als #rrggbb, bijvoorbeeld #01689b. Witte tekst op deze kleur moet goed leesbaar zijn: een contrast van ten minste 4,5:1.',
  'settings.logo': 'Logo',
  'settings.logoHint': 'Een PNG- of SVG-bestand van ten hoogste 100 kB. Regie bewaart het zelf.',
  'settings.logoCurrent': 'Huidig logo',
  'settings.logoRemove': 'Logo verwijderen',
  'settings.error.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'settings.error.website': 'Geef een adres dat begint met https://.',
  'settings.error.colour': 'Geef de kleur als #rrggbb, bijvoorbeeld #01689b.',
  'settings.error.logo': 'Kies een PNG- of SVG-bestand van ten hoogste 100 kB.',
  'layout.logoAlt': 'Logo {name}',
  'footer.email': 'E-mail',
  'footer.phone': 'Telefoon',
  'footer.website': 'Website',
};
