// Pure rules of commitments on record (toezeggingen, docs/product.md#commitments-on-record): whether a
// commitment binds when recorded, who may confirm one that does not, how it ends,
// when it is overdue and when its reminder is due. The mandate check itself is
// commitmentStatusOnRecord in the mandates module. No I/O; tested in model.test.ts.
import { type Calendar, type IsoDate, isDueSoon } from '../../kernel/calendar.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { isEmailAddress } from '../assessments/index.js';
import {
  commitmentStatusOnRecord,
  covers,
  type Mandate,
  type MandateDecision,
  type MandateSubject,
  mandateInForce,
  mandatesHeldBy,
} from '../mandates/index.js';
import { CODE_PATTERN } from '../rules/index.js';

export const MADE_VIA = ['meeting', 'phone', 'letter', 'email'] as const;
export type MadeVia = (typeof MADE_VIA)[number];
export const DECISION_KINDS = ['commitMoney', 'grantExemption', 'agreePlan', 'other'] as const;
export const COMMITMENT_STATUSES = ['binding', 'needsConfirmation', 'declined', 'kept', 'broken', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** The Dutch names of the statuses (messages, the CSV register). */
export const STATUS_NL: Record<CommitmentStatus, string> = {
  binding: 'bindend',
  needsConfirmation: 'wacht op bevestiging',
  declined: 'afgewezen',
  kept: 'nagekomen',
  broken: 'niet nagekomen',
  withdrawn: 'ingetrokken',
};
/** A commitment still to be kept: it can be amended, ended, reminded of, and be overdue. */
export const OPEN_STATUSES = ['binding', 'needsConfirmation'] as const satisfies readonly CommitmentStatus[];
export const OUTCOMES = ['kept', 'broken', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const WHAT_MAX = 4000;
export const NAME_MAX = 200;
export const REASON_MAX = 2000;
/** Reminder this many working days before the due date (docs/product.md#commitments-on-record). */
export const REMINDER_WORKING_DAYS = 5;

/** What a commitment decides, for the mandate check. Amounts are in euro cents. */
export type Decision = MandateDecision;

export const isOpen = (s: CommitmentStatus): boolean => (OPEN_STATUSES as readonly string[]).includes(s);

/**
 * The mandates held by `subject` (role or name), in force on `onDate`, that cover
 * `decision`; within `collaborationId` also those scoped to that collaboration
 * (docs/product.md#mandates-within-a-collaboration).
 */
export const coveringMandates = (
  subject: MandateSubject,
  decision: Decision,
  mandates: readonly Mandate[],
  onDate: IsoDate,
  collaborationId: string | null = null,
): Mandate[] => mandatesHeldBy(subject, mandates, collaborationId).filter((m) => mandateInForce(m, onDate) && covers(m.scope, decision));

export interface StatusOnRecord {
  status: 'binding' | 'needsConfirmation';
  /** the maker's mandate that made it binding (recorded with the commitment) */
  mandateIds: string[];
}

/**
 * The status a commitment is recorded with (docs/product.md#commitments-on-record: made within
 * the maker's mandate it is binding; outside it, it needs confirmation):
 * - an outside person (no user of the municipality, e.g. an alderman without a Regie
 *   account) holds no mandate in the register: it needs confirmation;
 * - 'other' (a call-back, a meeting, sending information: nothing the mandate register
 *   covers) is ordinary work: binding when a staff user of the municipality made it,
 *   who answers for their own work; from an outside person it needs confirmation;
 * - money, an exemption or agreeing a plan binds only when a mandate the maker holds
 *   (by role or by name) was in force on the day it was made and covers it
 *   (commitmentStatusOnRecord).
 */
export function statusOnRecord(
  maker: MandateSubject,
  decision: Decision,
  madeOn: IsoDate,
  mandates: readonly Mandate[],
  /** an agreement within this collaboration: its own mandates count too (docs/product.md#mandates-within-a-collaboration) */
  collaborationId: string | null = null,
): StatusOnRecord {
  if (maker.userId === null) return { status: 'needsConfirmation', mandateIds: [] };
  if (decision.kind === 'other') return { status: 'binding', mandateIds: [] };
  const held = mandatesHeldBy(maker, mandates, collaborationId);
  const status = commitmentStatusOnRecord(held, { ...decision, madeOn, collaborationId });
  const used = coveringMandates(maker, decision, mandates, madeOn, collaborationId)[0];
  return { status, mandateIds: status === 'binding' && used ? [used.id] : [] };
}

export type ConfirmRight = { allowed: true; mandateIds: string[]; byBody: boolean } | { allowed: false };

/**
 * Whether any of `staff` (the active staff users of the municipality) holds, on `today`,
 * a mandate in force that covers the decision. When nobody does — € 25.000 while the
 * highest money mandate is € 20.000 — the decision is the delegating body's own (the
 * college or the mayor: it cannot delegate what it did not delegate).
 */
export const holderExists = (decision: Decision, mandates: readonly Mandate[], today: IsoDate, staff: readonly MandateSubject[]): boolean =>
  decision.kind === 'other' || staff.some((s) => coveringMandates(s, decision, mandates, today).length > 0);

/**
 * Who may confirm or decline a commitment that needs confirmation: whoever holds, on
 * `today`, a mandate in force that covers it (by role or by name); the mandate is
 * recorded with the confirmation. An 'other' commitment from an outside person has no
 * mandate to check against: the coordinator, who keeps the municipality's word across
 * cases (docs/product.md#who-uses-it), confirms it. When no user holds a covering mandate
 * (`noHolder`, see holderExists), the delegating body (college, mayor) decides and the
 * coordinator records its decision (`byBody`; the reason names the decision, e.g.
 * "collegebesluit 1 december 2026").
 */
export function confirmRight(actor: MandateSubject, decision: Decision, mandates: readonly Mandate[], today: IsoDate, noHolder = false): ConfirmRight {
  if (decision.kind === 'other') return actor.role === 'coordinator' ? { allowed: true, mandateIds: [], byBody: false } : { allowed: false };
  const m = coveringMandates(actor, decision, mandates, today)[0];
  if (m) return { allowed: true, mandateIds: [m.id], byBody: false };
  return noHolder && actor.role === 'coordinator' ? { allowed: true, mandateIds: [], byBody: true } : { allowed: false };
}

/** Open and past its due date: the due date itself is still on time. */
export const isOverdue = (status: CommitmentStatus, dueOn: IsoDate, today: IsoDate): boolean => isOpen(status) && dueOn < today;

/**
 * Whether the reminder is due on `today`: the commitment is open, not yet due, and the
 * due date is at most REMINDER_WORKING_DAYS working days away on the municipality's
 * calendar. A job that runs late still sends it before the due date passes.
 */
export const reminderDue = (cal: Calendar, status: CommitmentStatus, dueOn: IsoDate, today: IsoDate, workingDays = REMINDER_WORKING_DAYS): boolean =>
  isOpen(status) && dueOn >= today && isDueSoon(cal, today, dueOn, workingDays);

const filled = (s: string | null | undefined) => Boolean(s?.trim());
const UUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How a commitment may end (docs/product.md#commitments-on-record): only an open one ends, as kept, broken
 * (reason required) or withdrawn (reason required). Declined, kept, broken and
 * withdrawn are final: the record stays, nothing reopens it.
 */
export function outcomeProblems(from: CommitmentStatus, to: Outcome, reason: string | null | undefined): FieldProblem[] | 'notOpen' {
  if (!isOpen(from)) return 'notOpen';
  if ((to === 'broken' || to === 'withdrawn') && !filled(reason)) return [{ field: 'reason', key: 'error.reasonRequired' }];
  if ((reason ?? '').length > REASON_MAX) return [{ field: 'reason', key: 'error.tooLong', params: { max: REASON_MAX } }];
  return [];
}

export interface RecordFields {
  madeBy: { userId: string } | { name: string; role: string };
  madeTo?: { userId: string } | { name: string; email?: string | null };
  what: string;
  dueOn: IsoDate;
  madeVia: MadeVia;
  madeOn: IsoDate;
  decision: Decision;
}

/**
 * Everything wrong with a new commitment, all at once: what exactly is promised, a
 * due date not before the day it was made, a day made that is not in the future, a
 * named outside person with their role, and a decision the mandate check can read.
 */
export function recordProblems(f: RecordFields, today: IsoDate): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!filled(f.what)) p.push({ field: 'what', key: 'error.commitmentWhat' });
  else if (f.what.length > WHAT_MAX) p.push({ field: 'what', key: 'error.tooLong', params: { max: WHAT_MAX } });
  const long = (field: string, s: string) => s.trim().length > NAME_MAX && p.push({ field, key: 'error.tooLong', params: { max: NAME_MAX } });
  if ('name' in f.madeBy) {
    if (!filled(f.madeBy.name)) p.push({ field: 'madeBy.name', key: 'error.required' });
    else long('madeBy.name', f.madeBy.name);
    if (!filled(f.madeBy.role)) p.push({ field: 'madeBy.role', key: 'error.commitmentMakerRole' });
    else long('madeBy.role', f.madeBy.role);
  } else if (!UUID_FORMAT.test(f.madeBy.userId)) p.push({ field: 'madeBy.userId', key: 'error.commitmentMakerNotStaff' });
  if (f.madeTo && 'name' in f.madeTo) {
    if (!filled(f.madeTo.name)) p.push({ field: 'madeTo.name', key: 'error.required' });
    else long('madeTo.name', f.madeTo.name);
    // The address the person is told at when the commitment is withdrawn (docs/product.md#commitments-on-record).
    if (filled(f.madeTo.email) && !isEmailAddress((f.madeTo.email as string).trim())) p.push({ field: 'madeTo.email', key: 'error.invalidEmail' });
  } else if (f.madeTo && !UUID_FORMAT.test(f.madeTo.userId)) p.push({ field: 'madeTo.userId', key: 'error.unknownUser' });
  if (f.madeOn > today) p.push({ field: 'madeOn', key: 'error.commitmentMadeInFuture' });
  if (f.dueOn < f.madeOn) p.push({ field: 'dueOn', key: 'error.commitmentDueBeforeMade' });
  if (f.decision.kind === 'commitMoney' && !(Number.isSafeInteger(f.decision.amountCents) && f.decision.amountCents >= 1))
    p.push({ field: 'decision.amountCents', key: 'error.mandateAmount' });
  if (f.decision.kind === 'grantExemption' && !CODE_PATTERN.test(f.decision.ruleCode)) p.push({ field: 'decision.ruleCode', key: 'error.ruleCodeFormat' });
  return p;
}

/** An amendment changes what or when, says why, and changes something. */
export function amendmentProblems(
  current: { what: string; dueOn: IsoDate; madeOn: IsoDate },
  change: { what?: string; dueOn?: IsoDate; reason: string },
): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!filled(change.reason)) p.push({ field: 'reason', key: 'error.reasonRequired' });
  if (change.what !== undefined && !filled(change.what)) p.push({ field: 'what', key: 'error.commitmentWhat' });
  if (change.what !== undefined && change.what.length > WHAT_MAX) p.push({ field: 'what', key: 'error.tooLong', params: { max: WHAT_MAX } });
  if (change.dueOn !== undefined && change.dueOn < current.madeOn) p.push({ field: 'dueOn', key: 'error.commitmentDueBeforeMade' });
  const whatChanged = change.what !== undefined && change.what.trim() !== current.what;
  const dueChanged = change.dueOn !== undefined && change.dueOn !== current.dueOn;
  // Nothing changed: said of the fields sent (of both when none was sent), not of one that was not.
  if (!p.length && !whatChanged && !dueChanged) {
    const sent = [...(change.what !== undefined ? ['what'] : []), ...(change.dueOn !== undefined ? ['dueOn'] : [])];
    for (const field of sent.length ? sent : ['what', 'dueOn']) p.push({ field, key: 'error.noChange' });
  }
  return p;
}
