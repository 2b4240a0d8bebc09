// Collaborations (samenwerkingen): the types and the pure rules — what a valid
// collaboration, target, reading and party are, and the health check
// (docs/product.md#collaborations, docs/product.md#the-health-check-of-a-collaboration).
// No I/O: today and everything the check needs come in as arguments.
import { addDays, type IsoDate } from '../../kernel/calendar.js';
import { formatDate, isIsoDate } from '../../kernel/dates.js';
import type { FieldProblem } from '../../kernel/errors.js';

/** The four phases of policy: agendavorming, beleidsvorming, uitvoering, evaluatie. */
export const PHASES = ['agenda', 'policy', 'implementation', 'evaluation'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABEL: Record<'nl' | 'en', Record<Phase, string>> = {
  nl: { agenda: 'agendavorming', policy: 'beleidsvorming', implementation: 'uitvoering', evaluation: 'evaluatie' },
  en: { agenda: 'agenda setting', policy: 'policy making', implementation: 'implementation', evaluation: 'evaluation' },
};

export const PARTY_KINDS = ['department', 'municipality', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const ORG_TYPES = ['public', 'private', 'nonprofit', 'residents'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const CONTRIBUTION_KINDS = ['money', 'hours', 'assets', 'data', 'powers'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const END_KINDS = ['end', 'review'] as const;
export type EndKind = (typeof END_KINDS)[number];

export const NAME_MAX = 200;
export const TEXT_MAX = 4000;
export const NOTE_MAX = 2000;
export const UNIT_MAX = 40;
export const LINE_MAX = 300;
export const LINES_MAX = 20;

export interface CollaborationFields {
  name: string;
  description: string;
  goal: string;
  ownerUserId: string;
  startOn: IsoDate;
  endOn: IsoDate;
  endKind: EndKind;
}

export interface TargetFields {
  indicator: string;
  baseline: number;
  targetValue: number;
  unit: string;
  targetOn: IsoDate;
}

export interface ReadingFields {
  readOn: IsoDate;
  value: number;
  note: string;
}

export interface Contribution {
  kind: ContributionKind;
  /** euro cents for money, hours for hours; null for assets, data and powers */
  amount: number | null;
  description: string;
}

export interface PartyFields {
  kind: PartyKind;
  /** the department, when kind is department */
  departmentId: string | null;
  /** the other municipality of the installation, when kind is municipality */
  municipalityId: string | null;
  name: string;
  orgType: OrgType;
  kvkNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  decidesAlone: string[];
  decidesTogether: string[];
  finalSay: string[];
  yield: string;
  contributions: Contribution[];
}

function text(problems: FieldProblem[], field: string, v: string, max: number, required: boolean) {
  const t = v.trim();
  if (required && !t) problems.push({ field, key: 'error.required' });
  else if (t.length > max) problems.push({ field, key: 'error.tooLong', params: { max } });
}

/** Every problem of a collaboration's own fields at once (docs/product.md#collaborations). */
export function collaborationProblems(f: CollaborationFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, 'name', f.name, NAME_MAX, true);
  text(problems, 'description', f.description, TEXT_MAX, false);
  text(problems, 'goal', f.goal, TEXT_MAX, false);
  if (!isIsoDate(f.startOn)) problems.push({ field: 'startOn', key: 'error.isoDate' });
  if (!isIsoDate(f.endOn)) problems.push({ field: 'endOn', key: 'error.isoDate' });
  // Temporary by definition: an end (or review) date, not before the start.
  else if (isIsoDate(f.startOn) && f.endOn < f.startOn) problems.push({ field: 'endOn', key: 'error.collaborationEndBeforeStart' });
  return problems;
}

export function targetProblems(f: TargetFields, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, `${prefix}indicator`, f.indicator, NAME_MAX, true);
  text(problems, `${prefix}unit`, f.unit, UNIT_MAX, true);
  for (const k of ['baseline', 'targetValue'] as const)
    if (!Number.isFinite(f[k])) problems.push({ field: `${prefix}${k}`, key: 'error.wrongType', params: { expected: 'number' } });
  if (!isIsoDate(f.targetOn)) problems.push({ field: `${prefix}targetOn`, key: 'error.isoDate' });
  return problems;
}

export function readingProblems(f: ReadingFields, today: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(f.readOn)) problems.push({ field: 'readOn', key: 'error.isoDate' });
  // A reading is of something measured: not of a day still to come.
  else if (f.readOn > today) problems.push({ field: 'readOn', key: 'error.collaborationReadingInFuture' });
  if (!Number.isFinite(f.value)) problems.push({ field: 'value', key: 'error.wrongType', params: { expected: 'number' } });
  text(problems, 'note', f.note, NOTE_MAX, false);
  return problems;
}

/** A KvK number is eight digits (Handelsregisterwet; the Chamber of Commerce's number). */
export const isKvkNumber = (s: string): boolean => /^[0-9]{8}$/.test(s);

/** Every problem of a party at once; the look-ups (department, municipality) are the service's. */
export function partyProblems(f: PartyFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, 'name', f.name, NAME_MAX, true);
  if (f.kind === 'department' && !f.departmentId) problems.push({ field: 'departmentId', key: 'error.required' });
  if (f.kind === 'municipality' && !f.municipalityId) problems.push({ field: 'municipalityId', key: 'error.required' });
  if (f.kvkNumber !== null && !isKvkNumber(f.kvkNumber)) problems.push({ field: 'kvkNumber', key: 'error.kvkNumber' });
  if (f.contactName !== null) text(problems, 'contactName', f.contactName, NAME_MAX, false);
  if (f.contactEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.contactEmail)) problems.push({ field: 'contactEmail', key: 'error.invalidEmail' });
  for (const k of ['decidesAlone', 'decidesTogether', 'finalSay'] as const) {
    if (f[k].length > LINES_MAX) problems.push({ field: k, key: 'error.tooMany', params: { max: LINES_MAX } });
    for (const [i, line] of f[k].entries()) text(problems, `${k}.${i}`, line, LINE_MAX, true);
  }
  text(problems, 'yield', f.yield, TEXT_MAX, false);
  for (const [i, c] of f.contributions.entries()) {
    const measured = c.kind === 'money' || c.kind === 'hours';
    // Money (in euro cents) and hours have an amount; assets, data and powers a description.
    if (measured && (c.amount === null || !Number.isSafeInteger(c.amount) || c.amount < 0))
      problems.push({ field: `contributions.${i}.amount`, key: 'error.collaborationAmount' });
    if (!measured && c.amount !== null) problems.push({ field: `contributions.${i}.amount`, key: 'error.collaborationNoAmount' });
    text(problems, `contributions.${i}.description`, c.description, NOTE_MAX, !measured);
  }
  return problems;
}

/** Tidy free-text lines: trimmed, empty lines left out. */
export const cleanLines = (lines: string[]): string[] => lines.map((l) => l.trim()).filter(Boolean);

// ---- the health check -----------------------------------------------------------------

/** How long without a progress reading before it is flagged (docs/product.md#the-health-check-of-a-collaboration). */
export const READING_DAYS = 90;
/** How long in one phase before it is flagged. */
export const PHASE_DAYS = 365;

export interface HealthInput {
  today: IsoDate;
  ownerName: string;
  endOn: IsoDate;
  endKind: EndKind;
  phase: Phase;
  phaseSince: IsoDate;
  startOn: IsoDate;
  targets: { indicator: string }[];
  /** the latest reading of any target, or null */
  lastReadingOn: IsoDate | null;
  parties: { name: string; contributions: number; yield: string; finalSay: string[] }[];
  /** agreements of the collaboration past their due date and still open, with who made them */
  overdueAgreements: { madeBy: string; what: string; dueOn: IsoDate }[];
}

export type HealthIssue =
  | { code: 'goalWithoutTarget'; actor: string }
  | { code: 'partyWithoutContribution'; actor: string; party: string }
  | { code: 'partyWithoutYield'; actor: string; party: string }
  | { code: 'powerNotSettled'; actor: string }
  | { code: 'agreementOverdue'; actor: string; dueOn: IsoDate; what: string }
  | { code: 'endPassed'; actor: string; endOn: IsoDate }
  | { code: 'noRecentReading'; actor: string; since: IsoDate | null }
  | { code: 'phaseStale'; actor: string; phase: Phase; since: IsoDate };

export const HEALTH_CODES = [
  'goalWithoutTarget',
  'partyWithoutContribution',
  'partyWithoutYield',
  'powerNotSettled',
  'agreementOverdue',
  'endPassed',
  'noRecentReading',
  'phaseStale',
] as const satisfies readonly HealthIssue['code'][];

/**
 * The health check of a collaboration (docs/product.md#the-health-check-of-a-collaboration):
 * what is missing or overdue, each with who should act. The owner acts on the
 * collaboration as a whole; a party acts on its own contribution, yield and agreements.
 */
export function healthCheck(h: HealthInput): HealthIssue[] {
  const owner = h.ownerName;
  const issues: HealthIssue[] = [];
  if (!h.targets.length) issues.push({ code: 'goalWithoutTarget', actor: owner });
  for (const p of h.parties) {
    if (p.contributions === 0) issues.push({ code: 'partyWithoutContribution', actor: p.name, party: p.name });
    if (!p.yield.trim()) issues.push({ code: 'partyWithoutYield', actor: owner, party: p.name });
  }
  // Power is settled once some party has the final say on something.
  if (!h.parties.some((p) => p.finalSay.some((l) => l.trim()))) issues.push({ code: 'powerNotSettled', actor: owner });
  for (const a of h.overdueAgreements) issues.push({ code: 'agreementOverdue', actor: a.madeBy, dueOn: a.dueOn, what: a.what });
  // Temporary by definition: past its end (or review) date without a decision to extend.
  if (h.endOn < h.today) issues.push({ code: 'endPassed', actor: owner, endOn: h.endOn });
  // No reading in 90 days: counted from the last reading, or from the start when there is none.
  const readingFrom = h.lastReadingOn ?? h.startOn;
  if (h.targets.length && addDays(readingFrom, READING_DAYS) < h.today) issues.push({ code: 'noRecentReading', actor: owner, since: h.lastReadingOn });
  if (addDays(h.phaseSince, PHASE_DAYS) < h.today) issues.push({ code: 'phaseStale', actor: owner, phase: h.phase, since: h.phaseSince });
  return issues;
}

/** The issue as a plain sentence naming who should act, Dutch first. */
export function healthSentence(i: HealthIssue, locale: 'nl' | 'en' = 'nl'): string {
  const nl = locale === 'nl';
  switch (i.code) {
    case 'goalWithoutTarget':
      return nl
        ? `Het doel heeft geen meetbaar streefcijfer. ${i.actor} legt vast waaraan de samenwerking wordt afgemeten.`
        : `The goal has no measurable target. ${i.actor} should record what the collaboration will be measured by.`;
    case 'partyWithoutContribution':
      return nl
        ? `${i.party} brengt nog niets in. ${i.actor} geeft aan wat het bijdraagt: geld, uren, middelen, gegevens of bevoegdheden.`
        : `${i.party} contributes nothing yet. ${i.actor} should state what it brings: money, hours, assets, data or powers.`;
    case 'partyWithoutYield':
      return nl
        ? `Voor ${i.party} staat niet vast wat het oplevert. ${i.actor} spreekt dat met ${i.party} af.`
        : `What ${i.party} gets out of it is not settled. ${i.actor} should agree it with ${i.party}.`;
    case 'powerNotSettled':
      return nl
        ? `Niemand heeft ergens het laatste woord. ${i.actor} legt met de partijen vast wie waarover beslist.`
        : `No party has the final say on anything. ${i.actor} should settle with the parties who decides what.`;
    case 'agreementOverdue':
      return nl
        ? `De afspraak "${i.what}" had op ${formatDate(i.dueOn)} klaar moeten zijn. ${i.actor} komt de afspraak na of meldt waarom niet.`
        : `The agreement "${i.what}" was due on ${formatDate(i.dueOn, 'en')}. ${i.actor} should keep it or say why not.`;
    case 'endPassed':
      return nl
        ? `De einddatum (${formatDate(i.endOn)}) is voorbij zonder besluit om te verlengen. ${i.actor} besluit: verlengen of afronden.`
        : `The end date (${formatDate(i.endOn, 'en')}) has passed without a decision to extend. ${i.actor} should decide: extend or wind up.`;
    case 'noRecentReading':
      return nl
        ? `Er is al meer dan 90 dagen geen voortgang gemeten. ${i.actor} legt een nieuwe meting vast.`
        : `No progress has been measured for more than 90 days. ${i.actor} should record a new reading.`;
    case 'phaseStale':
      return nl
        ? `De samenwerking staat sinds ${formatDate(i.since)} in de fase ${PHASE_LABEL.nl[i.phase]}. ${i.actor} bekijkt of het tijd is voor de volgende fase.`
        : `The collaboration has been in ${PHASE_LABEL.en[i.phase]} since ${formatDate(i.since, 'en')}. ${i.actor} should consider whether it is time for the next phase.`;
  }
}

// ---- agreements within a collaboration ------------------------------------------------

/** How long an outside party's link to confirm an agreement works (docs/product.md#agreements-within-a-collaboration). */
export const AGREEMENT_LINK_DAYS = 30;

/** A party's agreement is recorded in its name, with its kind as the maker's role. */
export const PARTY_ROLE_NL: Record<PartyKind, string> = {
  department: 'afdeling',
  municipality: 'andere gemeente',
  organisation: 'externe organisatie',
};

/**
 * Who confirms an agreement a party made (docs/product.md#agreements-within-a-collaboration):
 * an outside organisation or another municipality confirms its own word, through a
 * one-time link to its contact person; a department of the municipality has no word of
 * its own outside the mandate register, so its agreement is confirmed like any
 * commitment that needs confirmation.
 */
export const partyConfirms = (kind: PartyKind): boolean => kind !== 'department';

/**
 * Whether the outside party's link still works: once, until it expires. A link of an
 * agreement that has been answered is used.
 */
export function agreementLinkState(link: { link_expires_at: Date | null; party_answer: string | null }, now: Date): 'open' | 'used' | 'expired' {
  if (link.party_answer !== null) return 'used';
  if (link.link_expires_at === null || link.link_expires_at <= now) return 'expired';
  return 'open';
}
