// The dossier, the case "on paper" (docs/product.md#the-dossier): what it says, as ordered text blocks,
// and the SHA-256 of that content. Pure: the same data always gives the same blocks
// and the same hash, whatever day or machine it is made on. The time it was made is
// not part of the content; render.ts prints it next to the hash.
//
// The dossier is in Dutch only: it is a record of the municipality, and an
// administrative body uses Dutch (Awb artikel 2:6 lid 1). One language also means one
// content hash per case state, which a verifier can recompute.
import { createHash } from 'node:crypto';
import type { IsoDate } from '../../kernel/calendar.js';
import { formatDate, formatDateTime } from '../../kernel/dates.js';
import { formatMoney, label } from '../../kernel/format.js';
import { ROLE_LABEL } from '../../platform/auth/index.js';
import type { MandateScope } from '../mandates/index.js';
import type { DossierPeriod } from '../participation/index.js';
import {
  ACTION_STATUS_LABEL,
  ANSWER_KIND_LABEL,
  CASE_STATUS_LABEL,
  CHANNEL_LABEL,
  COMMITMENT_STATUS_LABEL,
  DOMAIN_LABEL,
  LATE_STATUS_LABEL,
  MADE_VIA_LABEL,
} from './format.js';
import { describeEvent } from './timeline.js';

// ---- the data -------------------------------------------------------------------------

/** An instant as an ISO 8601 string (UTC), so the data is plain JSON. */
export type Instant = string;

export interface DossierMandate {
  /** a role label or a person's name */
  holder: string;
  scope: MandateScope;
  delegatedBy: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export interface DossierRule {
  code: string;
  title: string;
  legalSource: string;
  strict: boolean;
}

export interface DossierAnswer {
  kind: 'yes' | 'yesWithConditions' | 'objection' | 'silence';
  conditions: string | null;
  rules: DossierRule[];
  whyApplies: string | null;
  howItCouldBeDone: string | null;
  answeredAt: Instant;
  answeredBy: string;
  /** silence: the day of the term end it counts as of */
  asOf: IsoDate | null;
  late: boolean;
  overrule: { reason: string; by: string; at: Instant; mandates: DossierMandate[] } | null;
  /** the party's own withdrawal of its objection (docs/product.md#a-standing-objection) */
  withdrawal?: { reason: string; by: string; at: Instant } | null;
}

export interface DossierRound {
  number: number;
  proposal: string;
  sameProposalAs: number | null;
  openedOn: IsoDate;
  termEndsOn: IsoDate;
  closedAt: Instant | null;
  parties: { name: string; organisation: string | null; answer: DossierAnswer | null }[];
}

export interface DossierLateObjection {
  party: string;
  roundNumber: number;
  at: Instant;
  /** afterClose: after the round closed; serial: could have been raised in an earlier round on the same proposal */
  cause: 'afterClose' | 'serial';
  rules: DossierRule[];
  whyApplies: string | null;
  status: 'pending' | 'admitted' | 'setAside';
  decision: { by: string; at: Instant; reason: string } | null;
}

export interface DossierOutcomeItem {
  party: string;
  roundNumber: number;
  answer: DossierAnswer;
  /** an objection's state (docs/product.md#a-standing-objection): how it was resolved; null while it stands */
  resolution?: { by: 'overrule' | 'withdrawn'; byName: string } | { by: 'newRound'; roundNumber: number } | null;
}

export type DossierDecision =
  | { kind: 'commitMoney'; amountCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' }
  | { kind: 'other' };

export interface DossierCommitment {
  madeBy: { name: string; role: string };
  madeTo: string;
  what: string;
  dueOn: IsoDate;
  madeVia: string;
  madeOn: IsoDate;
  decision: DossierDecision;
  status: string;
  statusReason: string | null;
  mandates: DossierMandate[];
  history: { at: Instant; by: string | null; change: string }[];
}

export interface DossierEvent {
  at: Instant;
  actor: string | null;
  type: string;
  visibility: 'internal' | 'shared';
  payload: Record<string, unknown>;
}

export interface DossierData {
  municipality: string;
  case: {
    reference: string;
    title: string;
    description: string;
    location: string;
    area: string | null;
    themes: string[];
    status: string;
    channel: string;
    initiator: { name: string; company: string | null };
    director: string | null;
    submittedAt: Instant;
    intakeAt: Instant | null;
    clockStartedOn: IsoDate | null;
    planDueOn: IsoDate | null;
    suspensions: { startedOn: IsoDate; endedOn: IsoDate | null; reason: string }[];
    closedAt: Instant | null;
    withdrawnReason: string | null;
  };
  /** the agreed plan version, or the newest one when none is agreed yet */
  plan: {
    version: number;
    agreed: boolean;
    goal: string;
    directorAgreed: { by: string; at: Instant } | null;
    initiatorAgreed: { by: string; at: Instant } | null;
    actions: { position: number; description: string; owner: string; dueOn: IsoDate; status: string }[];
    /** a newer version in preparation, not yet agreed */
    newerDraftVersion: number | null;
  } | null;
  assessment: {
    rounds: DossierRound[];
    /** the consolidated outcome: each party's answer of its latest round, as on the case page */
    outcome: { conditions: DossierOutcomeItem[]; objections: DossierOutcomeItem[] };
    lateObjections: DossierLateObjection[];
  };
  commitments: DossierCommitment[];
  timeline: DossierEvent[];
  /** the response periods with their inventory of interests; absent or empty: the section is left out */
  participation?: DossierPeriod[];
  /** the files on the case, with their SHA-256; absent or empty: the section is left out */
  attachments?: DossierAttachment[];
}

/** A file on the case as the dossier lists it (docs/product.md#attachments). */
export interface DossierAttachment {
  on: 'intake' | 'message' | 'answer' | 'commitment';
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Instant;
}

// ---- the content ----------------------------------------------------------------------

export type BlockKind = 'title' | 'section' | 'subsection' | 'field' | 'text' | 'item' | 'subitem';

/** One piece of the document, in reading order; a field has a label ("Kenmerk") and a value. */
export interface Block {
  kind: BlockKind;
  text: string;
  label?: string;
}

const b = {
  title: (text: string): Block => ({ kind: 'title', text }),
  section: (text: string): Block => ({ kind: 'section', text }),
  subsection: (text: string): Block => ({ kind: 'subsection', text }),
  field: (lbl: string, text: string): Block => ({ kind: 'field', label: lbl, text }),
  text: (text: string): Block => ({ kind: 'text', text }),
  item: (text: string): Block => ({ kind: 'item', text }),
  subitem: (text: string): Block => ({ kind: 'subitem', text }),
};
/** A field only when it has a value. */
const opt = (lbl: string, v: string | null | undefined): Block[] => (v?.trim() ? [b.field(lbl, v.trim())] : []);

export function describeScope(s: MandateScope): string {
  switch (s.kind) {
    case 'overrule':
      return `bezwaren overrulen in het domein ${label(DOMAIN_LABEL, s.domain)}`;
    case 'commitMoney':
      return `geld toezeggen tot ${formatMoney(s.upToCents)}`;
    case 'grantExemption':
      return `ontheffing verlenen van regel ${s.ruleCode}`;
    case 'agreePlan':
      return 'een plan van aanpak overeenkomen';
    default: {
      const never: never = s;
      return String(never);
    }
  }
}

export const describeMandate = (m: DossierMandate): string =>
  `${m.holder}: ${describeScope(m.scope)} (gedelegeerd door ${m.delegatedBy}; geldig van ${formatDate(m.validFrom)}${m.validUntil ? ` tot en met ${formatDate(m.validUntil)}` : ', zonder einddatum'})`;

const describeRule = (r: DossierRule) => `${r.code} — ${r.title} (${r.legalSource})${r.strict ? ' — strikt: geldt zoals hij er staat' : ''}`;

function describeDecision(d: DossierDecision): string {
  switch (d.kind) {
    case 'commitMoney':
      return `geld toezeggen: ${formatMoney(d.amountCents)}`;
    case 'grantExemption':
      return `ontheffing van regel ${d.ruleCode}`;
    case 'agreePlan':
      return 'een plan van aanpak overeenkomen';
    case 'other':
      return 'overig';
    default: {
      const never: never = d;
      return String(never);
    }
  }
}

function caseBlocks(d: DossierData): Block[] {
  const c = d.case;
  return [
    b.section('1. De zaak'),
    b.field('Kenmerk', c.reference),
    b.field('Titel', c.title),
    b.field('Omschrijving', c.description),
    b.field('Locatie', c.location),
    ...opt('Gebied', c.area),
    ...opt('Thema’s', c.themes.join(', ')),
    b.field('Initiatiefnemer', c.initiator.company ? `${c.initiator.name} (${c.initiator.company})` : c.initiator.name),
    b.field('Case-regisseur', c.director ?? 'nog niet toegewezen'),
    b.field('Status', label(CASE_STATUS_LABEL, c.status)),
    b.field('Ingediend', `${formatDateTime(c.submittedAt)} via ${label(CHANNEL_LABEL, c.channel)}`),
    ...opt('Intake', c.intakeAt ? formatDateTime(c.intakeAt) : null),
    ...opt('Planklok gestart', c.clockStartedOn ? formatDate(c.clockStartedOn) : null),
    ...opt('Plan uiterlijk', c.planDueOn ? formatDate(c.planDueOn) : null),
    ...c.suspensions.map((s) => b.field('Opgeschort', `${formatDate(s.startedOn)} tot ${s.endedOn ? formatDate(s.endedOn) : 'heden'}: ${s.reason}`)),
    ...opt(c.status === 'withdrawn' ? 'Ingetrokken' : 'Afgesloten', c.closedAt ? formatDateTime(c.closedAt) : null),
    ...opt('Reden van intrekking', c.withdrawnReason),
  ];
}

function planBlocks(d: DossierData): Block[] {
  const p = d.plan;
  const out: Block[] = [b.section('2. Het plan van aanpak')];
  if (!p) return [...out, b.text('Er is nog geen plan van aanpak opgesteld.')];
  const agreedBy = (x: { by: string; at: Instant } | null) => (x ? `${x.by}, ${formatDateTime(x.at)}` : 'nog niet');
  out.push(
    b.field('Versie', p.agreed ? `${p.version} (overeengekomen)` : `${p.version} (nog niet door beide partijen overeengekomen)`),
    b.field('Akkoord case-regisseur', agreedBy(p.directorAgreed)),
    b.field('Akkoord initiatiefnemer', agreedBy(p.initiatorAgreed)),
    b.field('Doel', p.goal),
  );
  if (!p.actions.length) out.push(b.text('Het plan heeft geen acties.'));
  for (const a of p.actions) {
    out.push(
      b.item(`${a.position}. ${a.description} — eigenaar: ${a.owner}; uiterlijk ${formatDate(a.dueOn)}; status: ${label(ACTION_STATUS_LABEL, a.status)}`),
    );
  }
  if (p.newerDraftVersion !== null) out.push(b.text(`Versie ${p.newerDraftVersion} is in voorbereiding en nog niet overeengekomen.`));
  return out;
}

function answerBlocks(a: DossierAnswer): Block[] {
  const by =
    a.kind === 'silence'
      ? `geen antwoord binnen de termijn; vastgelegd per ${a.asOf ? formatDate(a.asOf) : formatDateTime(a.answeredAt)}`
      : `${a.answeredBy}, ${formatDateTime(a.answeredAt)}`;
  const out: Block[] = [b.subitem(`Beantwoord: ${by}${a.late ? ' (te laat)' : ''}`)];
  if (a.conditions?.trim()) out.push(b.subitem(`Voorwaarden: ${a.conditions.trim()}`));
  for (const r of a.rules) out.push(b.subitem(`Regel: ${describeRule(r)}`));
  if (a.whyApplies?.trim()) out.push(b.subitem(`Waarom van toepassing: ${a.whyApplies.trim()}`));
  if (a.howItCouldBeDone?.trim()) out.push(b.subitem(`Hoe het wel kan: ${a.howItCouldBeDone.trim()}`));
  if (a.overrule) {
    out.push(b.subitem(`Overruled door ${a.overrule.by}, ${formatDateTime(a.overrule.at)}: ${a.overrule.reason}`));
    for (const m of a.overrule.mandates) out.push(b.subitem(`Op grond van mandaat: ${describeMandate(m)}`));
  }
  if (a.withdrawal) out.push(b.subitem(`Ingetrokken door ${a.withdrawal.by}, ${formatDateTime(a.withdrawal.at)}: ${a.withdrawal.reason}`));
  return out;
}

/** How an objection stands in the outcome (docs/product.md#a-standing-objection): standing, or how it was resolved. */
function objectionState(x: DossierOutcomeItem): string {
  const r = x.resolution;
  if (r?.by === 'newRound') return `opgelost door ronde ${r.roundNumber}: de partij maakt geen bezwaar meer`;
  if (r?.by === 'withdrawn') return `opgelost: ingetrokken door ${r.byName}`;
  if (r?.by === 'overrule' || x.answer.overrule) return `overruled door ${x.answer.overrule?.by ?? (r?.by === 'overrule' ? r.byName : '')}`;
  return 'staat';
}

function assessmentBlocks(d: DossierData): Block[] {
  const { rounds, lateObjections } = d.assessment;
  const out: Block[] = [b.section('3. De integrale toets')];
  if (!rounds.length) return [...out, b.text('Er is nog geen toetsronde gehouden.')];
  // One consolidated outcome (docs/product.md#one-consolidated-outcome): every condition and every objection
  // with the rules cited, per party; then the rounds in full.
  const { conditions, objections } = d.assessment.outcome;
  out.push(b.subsection('Uitkomst'));
  if (!conditions.length && !objections.length) out.push(b.text('Geen voorwaarden en geen bezwaren.'));
  for (const x of conditions) out.push(b.item(`Voorwaarden van ${x.party} (ronde ${x.roundNumber}): ${x.answer.conditions ?? ''}`));
  for (const x of objections) {
    const state = objectionState(x);
    out.push(b.item(`Bezwaar van ${x.party} (ronde ${x.roundNumber}, ${state}): ${x.answer.rules.map((r) => r.code).join(', ')}`));
  }
  for (const r of rounds) {
    out.push(
      b.subsection(`Toetsronde ${r.number}`),
      b.field('Voorstel', r.proposal),
      ...(r.sameProposalAs !== null ? [b.field('Zelfde voorstel als', `ronde ${r.sameProposalAs}`)] : []),
      b.field('Termijn', `geopend ${formatDate(r.openedOn)}, loopt tot en met ${formatDate(r.termEndsOn)}`),
      b.field('Status', r.closedAt ? `gesloten ${formatDateTime(r.closedAt)}` : 'open'),
    );
    for (const p of r.parties) {
      const who = p.organisation ? `${p.name} (${p.organisation})` : p.name;
      out.push(b.item(`${who}: ${p.answer ? label(ANSWER_KIND_LABEL, p.answer.kind) : 'nog geen antwoord'}`));
      if (p.answer) out.push(...answerBlocks(p.answer));
    }
  }
  if (lateObjections.length) {
    out.push(b.subsection('Late bezwaren'));
    for (const l of lateObjections) {
      const cause = l.cause === 'serial' ? 'had in een eerdere ronde over hetzelfde voorstel gekund' : 'na het sluiten van de ronde';
      out.push(b.item(`${l.party} (ronde ${l.roundNumber}), ${formatDateTime(l.at)}, ${cause}: ${label(LATE_STATUS_LABEL, l.status)}`));
      for (const r of l.rules) out.push(b.subitem(`Regel: ${describeRule(r)}`));
      if (l.whyApplies?.trim()) out.push(b.subitem(`Waarom van toepassing: ${l.whyApplies.trim()}`));
      if (l.decision) out.push(b.subitem(`Besluit door ${l.decision.by}, ${formatDateTime(l.decision.at)}: ${l.decision.reason}`));
    }
  }
  return out;
}

function commitmentBlocks(d: DossierData): Block[] {
  const out: Block[] = [b.section('4. Toezeggingen')];
  if (!d.commitments.length) return [...out, b.text('Er zijn geen toezeggingen vastgelegd.')];
  d.commitments.forEach((c, i) => {
    out.push(
      b.subsection(`Toezegging ${i + 1}`),
      b.field('Wat', c.what),
      b.field('Gedaan door', `${c.madeBy.name} (${label(ROLE_LABEL, c.madeBy.role)})`),
      b.field('Aan', c.madeTo),
      b.field('Gedaan', `${label(MADE_VIA_LABEL, c.madeVia)} op ${formatDate(c.madeOn)}`),
      b.field('Uiterlijk', formatDate(c.dueOn)),
      b.field('Besluit', describeDecision(c.decision)),
      b.field(
        'Status',
        c.statusReason?.trim() ? `${label(COMMITMENT_STATUS_LABEL, c.status)} — ${c.statusReason.trim()}` : label(COMMITMENT_STATUS_LABEL, c.status),
      ),
      ...c.mandates.map((m) => b.field('Mandaat', describeMandate(m))),
    );
    if (c.history.length) out.push(b.field('Geschiedenis', `${c.history.length} ${c.history.length === 1 ? 'wijziging' : 'wijzigingen'}, oudste eerst`));
    for (const h of c.history) out.push(b.subitem(`${formatDateTime(h.at)}${h.by ? ` — ${h.by}` : ''}: ${h.change}`));
  });
  return out;
}

/**
 * Who did it: the user; an outside party answering through its link has no user, so
 * its name (in the event) is shown; what nobody did by hand was Regie (the jobs).
 */
function whoActed(e: DossierEvent): string {
  if (e.actor) return e.actor;
  return typeof e.payload.partyName === 'string' && e.payload.partyName ? e.payload.partyName : 'Regie';
}

function timelineBlocks(d: DossierData): Block[] {
  const out: Block[] = [b.section('5. Tijdlijn')];
  if (!d.timeline.length) return [...out, b.text('Geen gebeurtenissen.')];
  out.push(b.text(`${d.timeline.length} gebeurtenissen, oudste eerst.`));
  for (const e of d.timeline) {
    out.push(b.item(`${formatDateTime(e.at)} — ${whoActed(e)}: ${describeEvent(e.type, e.payload)}${e.visibility === 'internal' ? ' (intern)' : ''}`));
  }
  return out;
}

const POSITION_WORDS = (c: { support: number; concern: number; objection: number }) => `steun ${c.support}, zorg ${c.concern}, bezwaar ${c.objection}`;

/**
 * The inventory of interests per response period (docs/product.md#the-dossier): topics,
 * counts per position and the answers; never an e-mail address, a respondent's name
 * only when they chose to show it. Left out for a case without response periods, so
 * the dossier of such a case reads and hashes as before.
 */
function participationBlocks(d: DossierData): Block[] {
  const periods = d.participation ?? [];
  if (!periods.length) return [];
  const out: Block[] = [b.section('6. Reacties van belanghebbenden')];
  periods.forEach((p, i) => {
    out.push(
      b.subsection(`Reactieperiode ${i + 1}`),
      b.field('Periode', `${formatDate(p.openedOn)} tot en met ${formatDate(p.endsOn)}`),
      b.field('Locatie', p.location),
      b.field('Samenvatting', p.summary),
      ...opt('Voortijdig gesloten', p.closedReason),
      b.field('Reacties', `${p.respondents} (${POSITION_WORDS(p.totals)})${p.hidden ? `; ${p.hidden} verborgen, niet meegeteld` : ''}`),
    );
    for (const t of p.topics) {
      out.push(b.item(`${t.name}: ${POSITION_WORDS(t.counts)}`));
      out.push(b.subitem(t.answer?.trim() ? `Wat we ermee doen: ${t.answer.trim()}` : 'Nog geen antwoord geschreven.'));
    }
    if (p.shownNames.length) out.push(b.field('Namen (met toestemming getoond)', p.shownNames.join(', ')));
  });
  return out;
}

const ATTACHMENT_ON_WORDS: Record<DossierAttachment['on'], string> = {
  intake: 'bij de aanvraag',
  message: 'in het gesprek',
  answer: 'bij het antwoord van een afdeling',
  commitment: 'bij een toezegging',
};

/**
 * The files on the case (docs/product.md#attachments): name, type, size, what they hang
 * on and their SHA-256, so a copy can be checked against the dossier. Left out for a
 * case without files, so the dossier of such a case reads and hashes as before.
 */
function attachmentBlocks(d: DossierData): Block[] {
  const files = d.attachments ?? [];
  if (!files.length) return [];
  const out: Block[] = [b.section(`${d.participation?.length ? 7 : 6}. Bijlagen`)];
  for (const f of files) {
    out.push(
      b.item(`${f.fileName} (${f.mediaType}, ${f.size} bytes), ${ATTACHMENT_ON_WORDS[f.on]}, ${formatDateTime(f.uploadedAt)}`),
      b.subitem(`SHA-256: ${f.sha256}`),
    );
  }
  return out;
}

/** The document's content, in reading order. */
export function dossierBlocks(d: DossierData): Block[] {
  return [
    b.title(`Zaakdossier ${d.case.reference}`),
    b.text(`${d.municipality} — ${d.case.title}`),
    ...caseBlocks(d),
    ...planBlocks(d),
    ...assessmentBlocks(d),
    ...commitmentBlocks(d),
    ...timelineBlocks(d),
    ...participationBlocks(d),
    ...attachmentBlocks(d),
  ];
}

/**
 * The canonical form the hash covers: one JSON array [kind, label, text] per block,
 * one block per line (JSON escapes any newline inside a text), Unicode NFC, UTF-8.
 * Unambiguous and readable, so anyone can recompute it from the same data.
 */
export function canonicalContent(blocks: readonly Block[]): string {
  return blocks.map((x) => JSON.stringify([x.kind, x.label ?? null, x.text.normalize('NFC')])).join('\n');
}

/** SHA-256 (hex) of the canonical content of the dossier of `d`. */
export function contentHash(d: DossierData): string {
  return hashBlocks(dossierBlocks(d));
}

export const hashBlocks = (blocks: readonly Block[]): string => createHash('sha256').update(canonicalContent(blocks), 'utf8').digest('hex');
