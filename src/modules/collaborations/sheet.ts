// The collaboration sheet (docs/product.md#collaborations): one collaboration on
// paper for a council or board meeting — goal, targets and progress, parties with
// their contribution, power and yield, the health check. Laid out with pdfkit's
// built-in fonts, as the case dossier is.
import PDFDocument from 'pdfkit';
import type { IsoDate } from '../../kernel/calendar.js';
import { formatDate, formatDateTime } from '../../kernel/dates.js';
import { formatMoney } from '../../kernel/format.js';
import { STATUS_NL } from '../commitments/index.js';
import { pdfSafe } from '../dossier/index.js';
import { type Contribution, type OrgType, type PartyKind, PHASE_LABEL } from './model.js';
import type { CollaborationView } from './service.js';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

const ORG_TYPE: Record<OrgType, string> = { public: 'overheid', private: 'bedrijf', nonprofit: 'maatschappelijke organisatie', residents: 'bewoners' };
const PARTY_KIND: Record<PartyKind, string> = { department: 'afdeling van de gemeente', municipality: 'andere gemeente', organisation: 'organisatie' };
const number = (n: number) => String(n).replace('.', ',');

export function contributionText(c: Contribution): string {
  const what = c.description ? `: ${c.description}` : '';
  switch (c.kind) {
    case 'money':
      return `Geld, ${formatMoney(c.amount ?? 0)}${what}`;
    case 'hours':
      return `Uren, ${c.amount ?? 0} uur${what}`;
    case 'assets':
      return `Middelen${what}`;
    case 'data':
      return `Gegevens${what}`;
    case 'powers':
      return `Bevoegdheden${what}`;
  }
}

/** The sheet as lines: a heading, a labelled field, a paragraph or a list entry. */
type Line = { kind: 'title' | 'section' | 'sub' | 'text' | 'item'; text: string } | { kind: 'field'; label: string; text: string };

export function sheetLines(v: CollaborationView, municipality: string, opts: { partyView?: boolean } = {}): Line[] {
  const d = (x: IsoDate) => formatDate(x);
  const l: Line[] = [
    { kind: 'title', text: `Samenwerking: ${v.name}` },
    { kind: 'field', label: 'Gemeente', text: municipality },
    { kind: 'field', label: 'Eigenaar', text: v.ownerName },
    { kind: 'field', label: 'Fase', text: `${PHASE_LABEL.nl[v.phase]} (sinds ${d(v.phaseSince)})` },
    { kind: 'field', label: 'Looptijd', text: `${d(v.startOn)} tot ${d(v.endOn)} (${v.endKind === 'review' ? 'evaluatiedatum' : 'einddatum'})` },
  ];
  if (v.areas.length) l.push({ kind: 'field', label: 'Gebieden', text: v.areas.map((a) => a.name).join(', ') });
  if (v.themes.length) l.push({ kind: 'field', label: 'Thema’s', text: v.themes.map((a) => a.name).join(', ') });
  if (v.description) l.push({ kind: 'text', text: v.description });

  l.push({ kind: 'section', text: 'Doel' }, { kind: 'text', text: v.goal || 'Nog geen doel vastgelegd.' });
  l.push({ kind: 'section', text: 'Streefcijfers en voortgang' });
  if (!v.targets.length) l.push({ kind: 'text', text: 'Nog geen meetbare streefcijfers.' });
  for (const t of v.targets) {
    l.push({ kind: 'sub', text: t.indicator });
    l.push({ kind: 'field', label: 'Nulmeting', text: `${number(t.baseline)} ${t.unit}` });
    l.push({ kind: 'field', label: 'Streefwaarde', text: `${number(t.targetValue)} ${t.unit} op ${d(t.targetOn)}` });
    if (!t.readings.length) l.push({ kind: 'item', text: 'Nog geen metingen.' });
    for (const r of t.readings) l.push({ kind: 'item', text: `${d(r.readOn)}: ${number(r.value)} ${t.unit}${r.note ? ` (${r.note})` : ''}` });
  }

  l.push({ kind: 'section', text: 'Partijen: inbreng, zeggenschap en opbrengst' });
  if (!v.parties.length) l.push({ kind: 'text', text: 'Nog geen partijen.' });
  for (const p of v.parties) {
    l.push({ kind: 'sub', text: p.name });
    l.push({ kind: 'field', label: 'Soort', text: `${PARTY_KIND[p.kind]}, ${ORG_TYPE[p.orgType]}${p.kvkNumber ? `, KvK ${p.kvkNumber}` : ''}` });
    if (p.contactName || p.contactEmail) l.push({ kind: 'field', label: 'Contactpersoon', text: [p.contactName, p.contactEmail].filter(Boolean).join(', ') });
    l.push({ kind: 'field', label: 'Inbreng', text: p.contributions.length ? '' : 'geen' });
    for (const c of p.contributions) l.push({ kind: 'item', text: contributionText(c) });
    if (p.decidesAlone.length) l.push({ kind: 'field', label: 'Beslist alleen over', text: p.decidesAlone.join('; ') });
    if (p.decidesTogether.length) l.push({ kind: 'field', label: 'Beslist samen over', text: p.decidesTogether.join('; ') });
    if (p.finalSay.length) l.push({ kind: 'field', label: 'Heeft het laatste woord over', text: p.finalSay.join('; ') });
    l.push({ kind: 'field', label: 'Opbrengst', text: p.yield || 'niet vastgelegd' });
  }

  // The agreements within the collaboration, with their state (docs/product.md#agreements-within-a-collaboration).
  l.push({ kind: 'section', text: 'Afspraken' });
  if (!v.agreements.length) l.push({ kind: 'text', text: 'Nog geen afspraken.' });
  for (const a of v.agreements) {
    l.push({ kind: 'sub', text: a.what });
    l.push({ kind: 'field', label: 'Van', text: a.madeBy.name });
    l.push({ kind: 'field', label: 'Aan', text: a.madeTo.name });
    l.push({ kind: 'field', label: 'Uiterlijk', text: d(a.dueOn) });
    const state = `${STATUS_NL[a.status]}${a.overdue ? ', te laat' : ''}${a.statusReason ? ` (${a.statusReason})` : ''}`;
    l.push({ kind: 'field', label: 'Stand', text: state });
  }

  // An outside party's sheet: its own agreements only, and no health check (docs/product.md#an-outside-partys-read-access).
  if (opts.partyView) return l;
  l.push({ kind: 'section', text: 'Gezondheidscheck' });
  if (!v.health.issues.length) l.push({ kind: 'text', text: 'Geen bevindingen.' });
  for (const i of v.health.issues) l.push({ kind: 'item', text: i.text });
  return l;
}

/** The sheet as a PDF. */
export function renderSheet(v: CollaborationView, opts: { municipality: string; generatedAt: Date; compress?: boolean; partyView?: boolean }): Promise<Buffer> {
  const title = `Samenwerking ${v.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: opts.compress ?? true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: pdfSafe(title), Author: pdfSafe(opts.municipality), Subject: 'Samenwerkingsblad', Creator: 'Regie', CreationDate: opts.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const write = (text: string, font: string, size: number, x = MARGIN) =>
    doc
      .font(font)
      .fontSize(size)
      .text(pdfSafe(text), x, doc.y, { width: width - (x - MARGIN) });
  for (const line of sheetLines(v, opts.municipality, { partyView: opts.partyView })) {
    switch (line.kind) {
      case 'title':
        write(line.text, BOLD, 18);
        doc.moveDown(0.3);
        break;
      case 'section':
        doc.moveDown(0.8);
        write(line.text, BOLD, 13.5);
        doc.moveDown(0.2);
        break;
      case 'sub':
        doc.moveDown(0.4);
        write(line.text, BOLD, 11.5);
        break;
      case 'field':
        doc
          .font(BOLD)
          .fontSize(10)
          .text(pdfSafe(`${line.label}: `), MARGIN, doc.y, { width, continued: true })
          .font(FONT)
          .text(pdfSafe(line.text));
        break;
      case 'text':
        write(line.text, FONT, 10);
        break;
      case 'item':
        write(`• ${line.text}`, FONT, 10, MARGIN + 8);
        break;
    }
  }
  doc.moveDown(1);
  write(`Opgemaakt op ${formatDateTime(opts.generatedAt)} (Nederlandse tijd)`, FONT, 8);
  doc.end();
  return done;
}
