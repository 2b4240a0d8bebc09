// One word for one thing (docs/product.md, glossary): the variants we chose against may
// not come back in the web app's catalogues, the server's messages and CSV labels, the
// dossier or the mails. Residents' pages use plain words (B1, CONTRIBUTING.md).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../pages/admin/RuleImport.js';
import { en } from './en.js';
import { interpolate, type MessageKey } from './index.js';
import { nl } from './nl.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Dutch variant → the word Regie uses instead. */
const BANNED_NL: [RegExp, string][] = [
  [/vrijstelling/i, 'ontheffing'],
  [/deadline/i, 'uiterlijk'],
  [/\(optioneel\)|\boptioneel\b/i, '(niet verplicht)'],
  [/t\/m geen einde|tot en met geen einde/i, 'zonder einddatum'],
];

/** The texts Regie writes in Dutch, outside the web catalogue: the dossier, the mails, the server's messages. */
const SERVER_TEXT_FILES = [
  ...readdirSync(new URL('src/modules/dossier/', root))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `src/modules/dossier/${f}`),
  'src/modules/notifications/mails.ts',
  'src/modules/cases/mail.ts',
  'src/platform/i18n.ts',
];

describe('one word for one thing', () => {
  it.each(BANNED_NL)('the Dutch catalogue never says %s (say "%s")', (banned) => {
    expect(Object.entries(nl).filter(([, text]) => banned.test(text))).toEqual([]);
  });

  it.each(SERVER_TEXT_FILES)('%s uses the chosen words', (path) => {
    const text = read(path);
    const found = BANNED_NL.filter(([banned]) => banned.test(text)).map(([banned, instead]) => `${banned} (say "${instead}")`);
    expect(found).toEqual([]);
  });

  it('the English catalogue says "due by", not "deadline"', () => {
    expect(Object.entries(en).filter(([, text]) => /deadline/i.test(text))).toEqual([]);
  });

  it('a period without an end says "zonder einddatum"', () => {
    expect(nl['rules.periodOpen']).toContain('zonder einddatum');
    expect(nl['form.optional']).toBe('(niet verplicht)');
  });
});

describe('plain words on the resident’s pages (B1)', () => {
  // The catalogue keys the initiator's pages show (MyCase, MyCases, the outcome of the
  // assessment, commitments made to them, the intake form) and the public home page.
  const residentKeys = Object.keys(nl).filter(
    (k) => /^(home|myCase|myCases|intake|withdraw|respond)\./.test(k) || /Initiator$/.test(k) || k === 'commitmentStatus.bindingInitiator',
  ) as (keyof typeof nl)[];
  it.each([/integrale toets/i, /\bbindend\b/i, /planklok/i])('none says %s', (jargon) => {
    expect(residentKeys.length).toBeGreaterThan(10);
    expect(residentKeys.filter((k) => jargon.test(nl[k])).map((k) => `${k}: ${nl[k]}`)).toEqual([]);
  });
});

describe('the rule import report', () => {
  const t = (key: MessageKey, params?: Record<string, string | number>) => interpolate(nl[key], params);
  it('names a column in Dutch, with the file’s column name beside it', () => {
    expect(fieldLabel(t, 'validFrom')).toBe('Geldig vanaf (validFrom)');
    expect(fieldLabel(t, 'legalSource, domain')).toBe('Bron (legalSource), Domein (domain)');
    expect(fieldLabel(t, 'remark')).toBe('remark'); // an unknown column is named as the file names it
  });
});
