// Lays the dossier's blocks out as a PDF with pdfkit's built-in PDF fonts
// (Helvetica, Courier: their metrics ship with pdfkit, nothing is fetched at run time).
//
// The PDF prints the SHA-256 of the dossier's CONTENT (model.canonicalContent of the
// very blocks laid out here), not of the PDF file: a file cannot contain a hash of its
// own bytes, since printing the hash changes them. A verifier recomputes the hash from
// the same case data (model.contentHash) and compares it with the printed one; the
// moment the PDF was made is printed next to it and is not part of the content.
import PDFDocument from 'pdfkit';
import { formatDateTime } from '../../kernel/dates.js';
import { type Block, hashBlocks } from './model.js';

export interface RenderOptions {
  /** document title (PDF metadata and page footer) */
  title: string;
  /** the municipality (PDF metadata: author) */
  author: string;
  /** when it is made, from the clock; printed and set as the PDF's CreationDate */
  generatedAt: Date;
  /** tests may switch compression off to read the content streams */
  compress?: boolean;
}

// The built-in fonts are encoded in WinAnsi (Windows-1252): Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '‑': '-',
  '‐': '-',
  '−': '-',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
};
const inWinAnsi = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

/**
 * Text the built-in fonts can show: Dutch letters (ë, é, ĳ as ij), quotes and the
 * euro sign stay; a character outside the font's encoding becomes its nearest ASCII
 * form, or "?", instead of a wrong glyph. Only the rendering changes: the hash covers
 * the content as it is.
 */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (inWinAnsi(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const plain = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...plain].every(inWinAnsi) && plain.length > 0 ? plain : '?';
    }
  }
  return out;
}

const MARGIN = 56; // 2 cm
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const MONO = 'Courier';

/** The dossier as a PDF, and the content hash printed on it. */
export function renderDossierPdf(blocks: readonly Block[], opts: RenderOptions): Promise<{ pdf: Buffer; hash: string }> {
  const hash = hashBlocks(blocks);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 16, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: pdfSafe(opts.title),
      Author: pdfSafe(opts.author),
      Subject: 'Zaakdossier',
      Creator: 'Regie',
      CreationDate: opts.generatedAt,
      ModDate: opts.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const write = (text: string, font: string, size: number, x = left, w = width, extra: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font(font)
      .fontSize(size)
      .text(pdfSafe(text), x, doc.y, { width: w, ...extra });

  /** Start a new page unless `points` fit above the bottom margin (no orphaned heading or bullet). */
  const keepSpace = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  /** A list entry with a hanging indent: wrapped lines align with the text, not the bullet. */
  const bullet = (mark: string, text: string, size: number, x: number) => {
    doc.font(FONT).fontSize(size);
    keepSpace(doc.currentLineHeight(true));
    const y = doc.y;
    doc.text(mark, x, y, { lineBreak: false });
    doc.text(pdfSafe(text), x + 10, y, { width: left + width - x - 10 });
  };

  const stamp = () => {
    doc.moveDown(0.6);
    write(`Opgemaakt op ${formatDateTime(opts.generatedAt)} (Nederlandse tijd)`, FONT, 9);
    doc.font(FONT).fontSize(9).text('SHA-256 van de inhoud: ', left, doc.y, { width, continued: true }).font(MONO).fontSize(8.5).text(hash);
    write(
      'Deze hash is berekend over de inhoud van het dossier (de tekst hieronder, in vaste volgorde), niet over het PDF-bestand zelf. ' +
        'Wie hem wil controleren, berekent hem opnieuw uit dezelfde gegevens in Regie.',
      ITALIC,
      8,
    );
  };

  let stamped = false;
  for (const blk of blocks) {
    if (!stamped && blk.kind === 'section') {
      stamp();
      stamped = true;
    }
    switch (blk.kind) {
      case 'title':
        write(blk.text, BOLD, 18);
        break;
      case 'section':
        doc.moveDown(1);
        keepSpace(60);
        write(blk.text, BOLD, 14);
        doc
          .moveTo(left, doc.y + 2)
          .lineTo(left + width, doc.y + 2)
          .lineWidth(0.5)
          .strokeColor('#999999')
          .stroke();
        doc.moveDown(0.4);
        break;
      case 'subsection':
        doc.moveDown(0.5);
        keepSpace(40);
        write(blk.text, BOLD, 11.5);
        break;
      case 'field':
        doc
          .font(BOLD)
          .fontSize(10)
          .text(pdfSafe(`${blk.label ?? ''}: `), left, doc.y, { width, continued: true })
          .font(FONT)
          .text(pdfSafe(blk.text));
        break;
      case 'text':
        write(blk.text, FONT, 10);
        break;
      case 'item':
        bullet('•', blk.text, 10, left + 6);
        break;
      case 'subitem':
        bullet('–', blk.text, 9.5, left + 22);
        break;
      default: {
        const never: never = blk.kind;
        throw new Error(`unknown block kind ${String(never)}`);
      }
    }
  }
  if (!stamped) stamp();

  // Page footers, once the number of pages is known. The bottom margin is lifted
  // while writing in it, or pdfkit would start a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#555555')
      .text(pdfSafe(`${opts.title} — pagina ${i + 1} van ${range.count}`), left, doc.page.height - MARGIN + 8, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done.then((pdf) => ({ pdf, hash }));
}
