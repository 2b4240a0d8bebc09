import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './i18n.js';

describe('negotiateLocale', () => {
  it.each([
    // [Accept-Language, stored user locale, answer]
    [undefined, undefined, 'nl'], // nobody says anything: Dutch
    [undefined, 'en', 'en'], // an API client without a header: the user's stored language
    ['en', 'nl', 'en'], // the interface's choice wins over the stored language
    ['nl', 'en', 'nl'],
    ['en-GB,en;q=0.9', undefined, 'en'],
    ['de-DE,de;q=0.9', 'en', 'en'], // no Dutch or English preference: the stored language
    ['de-DE,en;q=0.5,nl;q=0.8', undefined, 'nl'], // highest-ranked of the two we speak
    ['fr', undefined, 'nl'],
  ] as const)('%s with stored %s → %s', (header, stored, expected) => {
    expect(negotiateLocale(header, stored)).toBe(expected);
  });
});
