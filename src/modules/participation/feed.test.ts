import { describe, expect, it } from 'vitest';
import { periodsFeed, xmlText } from './feed.js';

describe('xmlText: what goes into the feed is escaped', () => {
  it.each([
    ['the five reserved characters', `a & b < c > d "e" 'f'`, 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;'],
    ['an escape already in the text is escaped again, not trusted', '&amp;', '&amp;amp;'],
    ['a CDATA end and markup stay text', ']]><script>', ']]&gt;&lt;script&gt;'],
    ['control characters XML 1.0 cannot carry are dropped', 'a\u0000b\u0008c\u001fd', 'abcd'],
    ['tab and newlines stay', 'a\tb\nc', 'a\tb\nc'],
    ['a lone surrogate is dropped, a pair stays', 'x\uD800y 😀', 'xy 😀'],
    ['U+FFFE is dropped', 'a\uFFFEb', 'ab'],
  ])('%s', (_label, input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });
});

describe('periodsFeed: Atom 1.0', () => {
  const feed = periodsFeed({
    publicUrl: 'https://regie.example.nl',
    municipality: { name: 'Gemeente <Voorbeeld> & Co', slug: 'voorbeeld' },
    periods: [
      {
        id: '7b6c0a39-5d8e-4d53-9a62-1d3c0c4f3a10',
        reference: 'VB-2026-000001',
        summary: 'Terras "De Haven" & <meer>',
        location: 'Havenkade 1',
        endsOn: '2026-03-16',
        themes: ['Economie'],
        updatedAt: new Date('2026-03-02T08:00:00Z'),
      },
    ],
    now: new Date('2026-03-05T08:00:00Z'),
  });

  it('has the feed id, title, updated (the newest entry), author and links', () => {
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(feed).toContain('<id>https://regie.example.nl/reageren/voorbeeld</id>');
    expect(feed).toContain('<title>Reageren op zaken — Gemeente &lt;Voorbeeld&gt; &amp; Co</title>');
    expect(feed).toContain('<updated>2026-03-02T08:00:00.000Z</updated>');
    expect(feed).toContain('<author><name>Gemeente &lt;Voorbeeld&gt; &amp; Co</name></author>');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://regie.example.nl/api/v1/municipalities/voorbeeld/response-periods.atom"/>',
    );
  });

  it('has one entry per period with id, title, updated, link and an escaped summary', () => {
    expect(feed).toContain(
      '<entry><id>urn:uuid:7b6c0a39-5d8e-4d53-9a62-1d3c0c4f3a10</id><title>VB-2026-000001 — Havenkade 1 (Economie)</title><updated>2026-03-02T08:00:00.000Z</updated><link rel="alternate" type="text/html" href="https://regie.example.nl/reageren/voorbeeld/7b6c0a39-5d8e-4d53-9a62-1d3c0c4f3a10"/><summary>Terras &quot;De Haven&quot; &amp; &lt;meer&gt;',
    );
    expect(feed.match(/<entry>/g)).toHaveLength(1);
  });

  it('without entries is updated as of now', () => {
    const empty = periodsFeed({ publicUrl: 'https://x.nl', municipality: { name: 'X', slug: 'x' }, periods: [], now: new Date('2026-03-05T08:00:00Z') });
    expect(empty).toContain('<updated>2026-03-05T08:00:00.000Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});
