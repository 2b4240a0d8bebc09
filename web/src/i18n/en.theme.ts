// English texts of the municipality's own look and contact details; every key of nl.theme.ts.
import type { nlTheme } from './nl.theme.js';

export const enTheme: Record<keyof typeof nlTheme, string> = {
  'settings.look': 'Contact and house style',
  'settings.lookHint': 'These appear on every page: the colour in buttons and links, the logo in the header, the contact details at the bottom.',
  'settings.contactEmail': 'Contact e-mail address',
  'settings.contactPhone': 'Contact phone number',
  'settings.contactWebsite': 'Website',
  'settings.contactWebsiteHint': 'A full address starting with https://, for example https://www.example.nl.',
  'settings.primaryColor': 'House colour',
  'settings.primaryColorHint': 'As #rrggbb, for example #01689b. White text on this colour must be easy to read: a contrast of at least 4.5:1.',
  'settings.logo': 'Logo',
  'settings.logoHint': 'A PNG or SVG file of at most 100 kB. Regie stores it itself.',
  'settings.logoCurrent': 'Current logo',
  'settings.logoRemove': 'Remove logo',
  'settings.error.email': 'Enter a valid e-mail address, such as name@example.com.',
  'settings.error.website': 'Give an address starting with https://.',
  'settings.error.colour': 'Give the colour as #rrggbb, for example #01689b.',
  'settings.error.logo': 'Choose a PNG or SVG file of at most 100 kB.',
  'layout.logoAlt': 'Logo of {name}',
  'footer.email': 'E-mail',
  'footer.phone': 'Phone',
  'footer.website': 'Website',
};
