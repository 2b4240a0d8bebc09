import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../../testing/pdf.js';
import { contentHash, dossierBlocks } from './model.js';
import { pdfSafe, renderDossierPdf } from './render.js';
import { sampleDossier } from './sample.js';

const generatedAt = new Date('2026-03-16T13:45:00Z');
const render = (compress = true) =>
  renderDossierPdf(dossierBlocks(sampleDossier()), { title: 'Zaakdossier VB-2026-000001', author: 'Gemeente Voorbeeld', generatedAt, compress });
/** Text as extracted, with line breaks and runs of spaces made single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the dossier PDF', () => {
  it('prints the content with Dutch characters, the date it was made and the content hash', async () => {
    const { pdf, hash } = await render();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(hash).toBe(contentHash(sampleDossier()));
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Zaakdossier VB-2026-000001');
    expect(text).toContain('Opgemaakt op 16 maart 2026, 14:45'); // Europe/Amsterdam
    expect(text).toMatch(new RegExp(`SHA-256 van de inhoud: ?${hash}`));
    // ë, é, ó, ’ and € come out as themselves (WinAnsi in the built-in fonts)
    expect(text).toContain('Beëindiging van de milieuactiviteit');
    expect(text).toContain('kan wonen op de verdieping wél');
    expect(text).toContain('vóór de verbouwing');
    expect(text).toContain('Thema’s');
    expect(text).toContain('€ 12.500,00');
    expect(text).toContain('OP-4.12');
    expect(text).toContain('De gemeente betaalt de helft van het bodemonderzoek');
  });

  it('sets the title and the creation date from the clock in the metadata', async () => {
    const info = await pdfInfo((await render()).pdf);
    expect(info.Title).toBe('Zaakdossier VB-2026-000001');
    expect(info.Author).toBe('Gemeente Voorbeeld');
    expect(String(info.CreationDate)).toMatch(/^D:20260316134500Z/);
  });

  it('renders the same text uncompressed', async () => {
    const a = flat(await pdfText((await render(true)).pdf));
    const b = flat(await pdfText((await render(false)).pdf));
    expect(b).toBe(a);
  });

  it('shows characters outside the fonts as their nearest plain form, never as a wrong glyph', () => {
    expect(pdfSafe('Café België ’s-Hertogenbosch € – —')).toBe('Café België ’s-Hertogenbosch € – —');
    expect(pdfSafe('≥ 10 → ok')).toBe('>= 10 -> ok');
    expect(pdfSafe('Łódź ĳs')).toBe('Lódz ijs');
    expect(pdfSafe('日本')).toBe('??');
  });
});
