// The open response periods of a municipality as an Atom 1.0 feed (RFC 4287), so
// neighbours and local media can follow them in a feed reader
// (docs/product.md#the-public-list-of-response-periods). Built as text: every value
// that goes into the XML passes `xmlText`, which escapes what XML reserves and drops
// what XML 1.0 cannot carry at all.
import { responsePeriodLink, responsePeriodsLink } from '../../platform/links.js';
import type { PublicPeriod } from './public.js';

/**
 * Text for XML content and attribute values: & < > " ' escaped; characters XML 1.0
 * does not allow (control characters other than tab, newline and carriage return,
 * lone surrogates, U+FFFE and U+FFFF) removed.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;

export interface FeedInput {
  publicUrl: string;
  municipality: { name: string; slug: string };
  periods: readonly (Pick<PublicPeriod, 'id' | 'reference' | 'summary' | 'location' | 'endsOn' | 'themes'> & { updatedAt: Date })[];
  /** the feed's `updated` when there are no entries */
  now: Date;
}

export function periodsFeed(f: FeedInput): string {
  const listUrl = responsePeriodsLink(f.publicUrl, f.municipality.slug);
  const selfUrl = `${f.publicUrl}/api/v1/municipalities/${f.municipality.slug}/response-periods.atom`;
  const newest = f.periods.reduce((max, p) => (p.updatedAt.getTime() > max ? p.updatedAt.getTime() : max), 0);
  const updated = new Date(newest || f.now.getTime()).toISOString();
  const entries = f.periods.map((p) => {
    const link = responsePeriodLink(f.publicUrl, f.municipality.slug, p.id);
    const themes = p.themes.length ? ` (${p.themes.join(', ')})` : '';
    return [
      '<entry>',
      el('id', `urn:uuid:${p.id}`),
      el('title', `${p.reference} — ${p.location}${themes}`),
      el('updated', p.updatedAt.toISOString()),
      `<link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      el('summary', `${p.summary}\n\nReageren kan tot en met ${p.endsOn}.`),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    el('id', listUrl),
    el('title', `Reageren op zaken — ${f.municipality.name}`),
    el('updated', updated),
    `<author>${el('name', f.municipality.name)}</author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(listUrl)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
