// Pure verdict rules of the integrated assessment ("ja, tenzij"; docs/product.md#rules):
// what an answer needs, the round's term in working days, yes by silence, late
// answers, who may overrule an objection, and whether a commitment binds. No I/O;
// table-tested in model.test.ts.
import { addWorkingDays, type Calendar, type IsoDate } from '../../kernel/calendar.js';
import { withinPeriod } from '../../kernel/dates.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { type Mandate, type MandateSubject, mandatesHeldBy } from '../mandates/index.js';
import { type Domain, isCitable, type RulePeriod } from '../rules/index.js';

// ---- answers --------------------------------------------------------------------------

export const ANSWER_KINDS = ['yes', 'yesWithConditions', 'objection'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface Answer {
  kind: AnswerKind;
  conditions?: string | null;
  /** the register rules an objection cites */
  ruleIds?: readonly string[];
  /** why the cited rules apply to this case */
  whyApplies?: string | null;
  /** how the initiative could be done ("hoe wel") */
  howItCouldBeDone?: string | null;
}

/** A register rule as an answer or an overrule needs it. */
export interface CitedRule extends RulePeriod {
  id: string;
  code: string;
  domain: Domain;
  strict: boolean;
}

const filled = (s: string | null | undefined) => Boolean(s?.trim());

/**
 * What an answer needs (docs/product.md#what-an-answer-needs), every problem at once:
 * - yes with conditions states the conditions; a plain yes carries none, so no
 *   condition hides in an answer that reads as unconditional;
 * - an objection cites at least one rule from the register, each citable on
 *   `onDate` (an expired or not yet valid rule cannot be cited), explains why it
 *   applies to this case, and says how it could be done, unless every cited rule
 *   is strict (safety, public order, crime: applied as written).
 * `citedRules` are the register rules found for `answer.ruleIds`; an id without a
 * rule there is not in this municipality's register.
 */
export function answerProblems(answer: Answer, citedRules: readonly CitedRule[], onDate: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  switch (answer.kind) {
    case 'yes':
      if (filled(answer.conditions)) problems.push({ field: 'conditions', key: 'error.conditionsOnlyWithYesWithConditions' });
      break;
    case 'yesWithConditions':
      if (!filled(answer.conditions)) problems.push({ field: 'conditions', key: 'error.conditionsRequired' });
      break;
    case 'objection': {
      const ids = answer.ruleIds ?? [];
      if (ids.length === 0) problems.push({ field: 'ruleIds', key: 'error.objectionNeedsRule' });
      const rules = ids.map((id) => citedRules.find((r) => r.id === id));
      rules.forEach((rule, i) => {
        if (!rule) problems.push({ field: `ruleIds.${i}`, key: 'error.ruleNotInRegister' });
        else if (!isCitable(rule, onDate)) problems.push({ field: `ruleIds.${i}`, key: 'error.ruleNotCitable', params: { code: rule.code, date: onDate } });
      });
      if (!filled(answer.whyApplies)) problems.push({ field: 'whyApplies', key: 'error.whyRequired' });
      const allStrict = rules.length > 0 && rules.every((r) => r?.strict === true);
      if (!allStrict && !filled(answer.howItCouldBeDone)) problems.push({ field: 'howItCouldBeDone', key: 'error.howRequired' });
      break;
    }
    default: {
      const never: never = answer.kind;
      return never;
    }
  }
  return problems;
}

// ---- the round's term -----------------------------------------------------------------

/**
 * The last day of a round: `workingDays` Dutch working days after the day it opened
 * (that day not counted; default 10: docs/product.md#the-assessment-round). Weekends, the Atw public holidays and
 * the municipality's own closing days are skipped, so the term never ends on a day
 * off: an end that would fall on a holiday has already moved to the next working day.
 */
export function roundTermEnd(cal: Calendar, openedOn: IsoDate, workingDays = 10): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`a round term is a whole number of working days ≥ 1, not ${workingDays}`);
  return addWorkingDays(cal, openedOn, workingDays);
}

/**
 * Who is recorded as "yes by silence" once the term has ended: every asked party
 * that has not answered and could have (`unreachedPartyIds` could not). The term includes its last day, so nothing is due until the
 * day after. The outcome is as of the term end whatever day the job runs, so a job
 * that runs days late (Regie was down) records the same result, on the same date.
 * Returns null while the term runs.
 */
export function silenceOutcome(
  termEnd: IsoDate,
  answeredPartyIds: readonly string[],
  allPartyIds: readonly string[],
  today: IsoDate,
  unreachedPartyIds: readonly string[] = [],
): { asOf: IsoDate; partyIds: string[] } | null {
  if (today <= termEnd) return null;
  // No silent consent from nobody (docs/product.md#yes-by-silence): a party that nobody could answer
  // for (its department has no active specialist) is not reached, and its silence is no yes.
  const skip = new Set([...answeredPartyIds, ...unreachedPartyIds]);
  return { asOf: termEnd, partyIds: [...new Set(allPartyIds)].filter((p) => !skip.has(p)) };
}

/** An answer after the round closed is late and goes to the coordinator (docs/product.md#late-objection). */
export const isLate = (roundClosedAt: Date | null, answerAt: Date): boolean => roundClosedAt !== null && answerAt.getTime() > roundClosedAt.getTime();

// ---- overruling an objection --------------------------------------------------------

export interface ObjectionForOverrule {
  citedRules: ReadonlyArray<Pick<CitedRule, 'code' | 'domain' | 'strict'>>;
}

export type OverruleDecision = { allowed: true; mandateIds: string[] } | { allowed: false; reason: 'strict' | 'noMandate' };

/**
 * Whether `actor` may overrule an objection on `onDate`. An objection on a strict
 * rule is never overruled: it is resolved by changing the plan. Otherwise the actor
 * needs, for every domain of the cited rules, an 'overrule' mandate in that domain,
 * held by role or by name and in force that day. The mandates used are returned to
 * be recorded with the overrule. An objection citing no rule fails closed.
 */
export function mayOverrule(actor: MandateSubject, objection: ObjectionForOverrule, mandates: readonly Mandate[], onDate: IsoDate): OverruleDecision {
  if (objection.citedRules.some((r) => r.strict)) return { allowed: false, reason: 'strict' };
  const domains = [...new Set(objection.citedRules.map((r) => r.domain))];
  if (!domains.length) return { allowed: false, reason: 'noMandate' };
  const usable = mandatesHeldBy(actor, mandates).filter((m) => withinPeriod(m, onDate));
  const used: string[] = [];
  for (const domain of domains) {
    const m = usable.find((x) => x.scope.kind === 'overrule' && x.scope.domain === domain);
    if (!m) return { allowed: false, reason: 'noMandate' };
    used.push(m.id);
  }
  return { allowed: true, mandateIds: used };
}

// ---- rounds and answer windows --------------------------------------------------------

/**
 * A round is opened on a case that is being worked on: in intake, planning or
 * executing. Not on a case that is only submitted (no director yet) nor on a closed or
 * withdrawn case: there is nothing left to assess (docs/product.md#the-assessment-round).
 */
export const ROUND_CASE_STATUSES = ['intake', 'planning', 'executing'] as const;
export const mayOpenRoundOn = (caseStatus: string): boolean => (ROUND_CASE_STATUSES as readonly string[]).includes(caseStatus);

/** An e-mail address as Regie checks one: name@domain.tld, no spaces, at most 320 characters (RFC 5321). */
export const isEmailAddress = (s: string): boolean => s.length <= 320 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s);

const UUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ROUND_LIMITS = { proposal: 4000, name: 200, organisation: 200, minDays: 1, maxDays: 60 } as const;

export interface RoundInput {
  proposal: string;
  departmentIds: readonly string[];
  outsideParties: readonly { name: string; email: string; organisation?: string | null }[];
  termWorkingDays?: number;
  sharedDepartments?: readonly unknown[];
}

/**
 * Everything wrong with a new round, all at once, before anything is written
 * (docs/product.md#nothing-half-written): a proposal, at least one party, no party twice, a name
 * and a valid e-mail address for every outside party, a term of 1 to 60 working days.
 * Whether the departments exist is the service's look-up.
 */
export function roundProblems(o: RoundInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const L = ROUND_LIMITS;
  if (!o.proposal.trim()) problems.push({ field: 'proposal', key: 'error.required' });
  else if (o.proposal.trim().length > L.proposal) problems.push({ field: 'proposal', key: 'error.tooLong', params: { max: L.proposal } });
  // another municipality's department counts as a party too (docs/product.md#another-municipalitys-department-in-a-round)
  if (o.departmentIds.length + o.outsideParties.length + (o.sharedDepartments?.length ?? 0) === 0)
    problems.push({ field: 'departmentIds', key: 'error.roundNeedsParty' });
  o.departmentIds.forEach((d, i) => {
    if (!UUID_FORMAT.test(d)) problems.push({ field: `departmentIds.${i}`, key: 'error.unknownDepartment' });
    else if (o.departmentIds.indexOf(d) !== i) problems.push({ field: `departmentIds.${i}`, key: 'error.duplicateParty' });
  });
  const emails = o.outsideParties.map((p) => p.email.trim().toLowerCase());
  o.outsideParties.forEach((p, i) => {
    const at = `outsideParties.${i}`;
    if (!p.name.trim()) problems.push({ field: `${at}.name`, key: 'error.required' });
    else if (p.name.trim().length > L.name) problems.push({ field: `${at}.name`, key: 'error.tooLong', params: { max: L.name } });
    if ((p.organisation?.trim().length ?? 0) > L.organisation)
      problems.push({ field: `${at}.organisation`, key: 'error.tooLong', params: { max: L.organisation } });
    if (!isEmailAddress(emails[i] as string)) problems.push({ field: `${at}.email`, key: 'error.invalidEmail' });
    else if (emails.indexOf(emails[i] as string) !== i) problems.push({ field: `${at}.email`, key: 'error.duplicateParty' });
  });
  const days = o.termWorkingDays;
  if (days !== undefined && !(Number.isInteger(days) && days >= L.minDays && days <= L.maxDays))
    problems.push({ field: 'termWorkingDays', key: 'error.termWorkingDays', params: { min: L.minDays, max: L.maxDays } });
  return problems;
}

/**
 * An admitted late objection reopens the round for that party for this many working
 * days after the admission (docs/product.md#late-objection: the round reopens for that party): long
 * enough to amend the objection, e.g. into a yes with conditions, short enough to keep
 * the plan clock honest.
 */
export const REOPEN_WORKING_DAYS = 5;

export interface RoundWindow {
  closedAt: Date | null;
  termEndsOn: IsoDate;
}

/**
 * Whether a party may give or amend its answer on `today`: while its round is open and
 * the term has not ended (its last day included), or while an admitted late objection
 * keeps the round reopened for it. Otherwise only a late objection is possible.
 */
export function answerWindowOpen(round: RoundWindow, reopenedUntil: IsoDate | null, today: IsoDate): boolean {
  if (reopenedUntil !== null && today <= reopenedUntil) return true;
  return round.closedAt === null && today <= round.termEndsOn;
}

/** One party across rounds: the same department, or the same outside e-mail address. */
export const partyKey = (p: { kind: 'department' | 'outside'; departmentId: string | null; email: string | null }): string =>
  p.kind === 'department' ? `department:${p.departmentId}` : `outside:${(p.email ?? '').trim().toLowerCase()}`;

// ---- no serial objections -------------------------------------------------------------

/** An earlier round on the same proposal, as the serial-objection rule needs it. */
export interface EarlierRound {
  roundId: string;
  openedOn: IsoDate;
  termEndsOn: IsoDate;
  /** whether the same party (same department / same outside e-mail) was asked */
  partyAsked: boolean;
  /** the rule codes the party's final answer in that round objected with */
  objectedCodes: readonly string[];
}

/** A cited rule version with its code; several versions of one code may be given. */
export interface RuleVersion extends RulePeriod {
  code: string;
}

/** A rule could be cited in a round if one of its versions was in force on a day of the term. */
const citableDuring = (versions: readonly RuleVersion[], from: IsoDate, to: IsoDate) =>
  versions.some((v) => v.validFrom <= to && (v.validUntil === null || v.validUntil >= from));

/**
 * Serial objections (docs/product.md#serial-objections): an objection in a later round on the same
 * proposal that cites a rule the same party could already have cited in an earlier
 * round where it was asked, and did not object with there, is not an ordinary answer:
 * it goes the late-objection path (recorded as late, the coordinator admits it or sets
 * it aside). Rules are compared by code, so a new version of the same rule counts as
 * the same rule. Returns the earliest such round and the codes concerned, or null.
 * `citedVersions` are all register versions of the codes the new objection cites.
 */
export function serialObjection(citedVersions: readonly RuleVersion[], earlier: readonly EarlierRound[]): { roundId: string; codes: string[] } | null {
  const codes = [...new Set(citedVersions.map((v) => v.code))];
  const sorted = [...earlier].sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0));
  for (const r of sorted) {
    if (!r.partyAsked) continue;
    const could = codes.filter(
      (code) =>
        !r.objectedCodes.some((c) => normalizeRuleCode(c) === normalizeRuleCode(code)) &&
        citableDuring(
          citedVersions.filter((v) => v.code === code),
          r.openedOn,
          r.termEndsOn,
        ),
    );
    if (could.length) return { roundId: r.roundId, codes: could };
  }
  return null;
}

// ---- the consolidated outcome ---------------------------------------------------------

/**
 * One consolidated outcome (docs/product.md#one-consolidated-outcome), one answer per party: a
 * party asked in several rounds counts with its answer in the latest round in which it
 * has one, so a condition or objection overtaken by a later round is not shown twice.
 */
export function latestPerParty<T extends { partyKey: string; roundNumber: number }>(answers: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const a of answers) {
    const seen = best.get(a.partyKey);
    if (!seen || a.roundNumber > seen.roundNumber) best.set(a.partyKey, a);
  }
  return [...best.values()].sort((a, b) => a.roundNumber - b.roundNumber || a.partyKey.localeCompare(b.partyKey));
}

// ---- the same proposal ----------------------------------------------------------------

/** A proposal as compared across rounds: trimmed, runs of whitespace as one space, case-insensitive. */
export const normalizeProposal = (s: string): string => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export interface ProposalRound {
  id: string;
  number: number;
  proposal: string;
  sameProposalAs: string | null;
}

/**
 * Which earlier round a new round is linked to as "the same proposal" (docs/product.md#serial-objections):
 * an explicit `sameProposalAs` is kept as given; without one, the latest earlier round
 * of the case whose proposal text is the same (normalizeProposal) — a changed proposal
 * must actually change, so repeating it word for word cannot escape the rule.
 */
export function proposalLink(proposal: string, explicit: string | null | undefined, earlier: readonly ProposalRound[]): string | null {
  if (explicit) return explicit;
  const text = normalizeProposal(proposal);
  const same = earlier.filter((r) => normalizeProposal(r.proposal) === text).sort((a, b) => b.number - a.number);
  return same[0]?.id ?? null;
}

/**
 * The earlier rounds of a case that are on the same proposal as `round`
 * (docs/product.md#serial-objections): those it links to by `sameProposalAs`, and every earlier
 * round whose proposal text is the same as the text of a round already found, whatever
 * `sameProposalAs` says — followed until nothing new is found. Earlier means a lower
 * round number. Returned by round number.
 */
export function roundsOnSameProposal(round: ProposalRound, caseRounds: readonly ProposalRound[]): ProposalRound[] {
  const earlier = caseRounds.filter((r) => r.number < round.number);
  const found = new Map<string, ProposalRound>();
  const queue: ProposalRound[] = [round];
  while (queue.length) {
    const s = queue.shift() as ProposalRound;
    const text = normalizeProposal(s.proposal);
    for (const r of earlier) {
      if (found.has(r.id)) continue;
      if (r.id === s.sameProposalAs || normalizeProposal(r.proposal) === text) {
        found.set(r.id, r);
        queue.push(r);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.number - b.number);
}

/**
 * Whether an answer given on `today` is late: when the round's own window has passed
 * (closed, or its term over) and the party answers only because an admitted late
 * objection reopened the round for it (docs/product.md#late-objection). Such an answer — the late
 * objection amended — stays marked late.
 */
export function answeredInReopenedWindow(round: RoundWindow, reopenedUntil: IsoDate | null, today: IsoDate): boolean {
  const ownWindow = round.closedAt === null && today <= round.termEndsOn;
  return !ownWindow && reopenedUntil !== null && today <= reopenedUntil;
}

// ---- an overrule stays overruled ------------------------------------------------------

/** A rule code as compared across rounds and register entries: trimmed, case-insensitive ("op-4.12 " is OP-4.12). */
export const normalizeRuleCode = (code: string): string => code.trim().toLocaleUpperCase('nl');

/**
 * An overrule stays overruled (docs/product.md#overrule-within-mandate): the overrule, among those of
 * the same party (same department or outside address, whoever answers for it) in rounds
 * on the same proposal, whose objection cited one of `citedCodes`. Repeating that
 * objection is refused; the earliest such overrule is named. Null when none applies.
 */
export function repeatedOverrule<T extends { codes: readonly string[]; at: Date }>(citedCodes: readonly string[], overrules: readonly T[]): T | null {
  const cited = new Set(citedCodes.map(normalizeRuleCode));
  const hits = overrules.filter((o) => o.codes.some((c) => cited.has(normalizeRuleCode(c))));
  return [...hits].sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
}

// ---- how an objection is resolved ----------------------------------------------------

/** What the outcome needs of an answer: its kind and how an objection was resolved, if it was. */
export interface OutcomeAnswer {
  kind: AnswerKind | 'silence';
  overrule: { by: { name: string }; at: Date; reason: string } | null;
  withdrawal: { by: { name: string }; at: Date; reason: string } | null;
}

/**
 * How an objection was resolved (docs/product.md#a-standing-objection): overruled within mandate,
 * withdrawn by the party itself, or taken away by a new round in which the party no
 * longer objects (its answer there is a yes, a yes with conditions or a yes by
 * silence). An objection without one stands.
 */
export type ObjectionResolution =
  | { by: 'overrule' | 'withdrawn'; byName: string; at: Date; reason: string }
  | { by: 'newRound'; roundId: string; roundNumber: number };

/** One party in one round with its answers there: earlier ones kept by an admitted late objection, then its current one. */
export interface PartyInRound<A extends OutcomeAnswer> {
  partyKey: string;
  roundId: string;
  roundNumber: number;
  partyId: string;
  partyName: string;
  answers: readonly A[];
}

export interface OutcomeEntry<A extends OutcomeAnswer> {
  roundId: string;
  roundNumber: number;
  partyId: string;
  partyName: string;
  answer: A;
}

export interface ObjectionEntry<A extends OutcomeAnswer> extends OutcomeEntry<A> {
  standing: boolean;
  resolution: ObjectionResolution | null;
}

const ownResolution = (a: OutcomeAnswer): ObjectionResolution | null =>
  a.overrule
    ? { by: 'overrule', byName: a.overrule.by.name, at: a.overrule.at, reason: a.overrule.reason }
    : a.withdrawal
      ? { by: 'withdrawn', byName: a.withdrawal.by.name, at: a.withdrawal.at, reason: a.withdrawal.reason }
      : null;

/**
 * One consolidated outcome with every objection's state (docs/product.md#one-consolidated-outcome,
 * docs/product.md#a-standing-objection). Per party its latest round counts (latestPerParty): its
 * conditions and objections there. An objection of an earlier round stays in the outcome
 * when it was resolved — an overrule stays overruled across rounds, a withdrawal stays
 * withdrawn, and one the party dropped in a later round shows as resolved by that round;
 * an earlier objection overtaken by a later objection of the same party is not shown twice.
 */
export function outcomeWithResolutions<A extends OutcomeAnswer>(
  items: readonly PartyInRound<A>[],
): { conditions: OutcomeEntry<A>[]; objections: ObjectionEntry<A>[] } {
  const latest = latestPerParty(items);
  const latestOf = new Map(latest.map((l) => [l.partyKey, l]));
  const entry = (i: PartyInRound<A>, answer: A) => ({ roundId: i.roundId, roundNumber: i.roundNumber, partyId: i.partyId, partyName: i.partyName, answer });
  const conditions: (OutcomeEntry<A> & { key: string })[] = [];
  const objections: (ObjectionEntry<A> & { key: string })[] = [];
  for (const i of items) {
    const last = latestOf.get(i.partyKey) as PartyInRound<A>;
    const isLatest = last === i;
    const now = last.answers[last.answers.length - 1];
    for (const a of i.answers) {
      if (isLatest && a.kind === 'yesWithConditions') conditions.push({ ...entry(i, a), key: i.partyKey });
      if (a.kind !== 'objection') continue;
      let resolution = ownResolution(a);
      if (!resolution && !isLatest) {
        if (now?.kind === 'objection') continue; // overtaken by the party's later objection
        resolution = { by: 'newRound', roundId: last.roundId, roundNumber: last.roundNumber };
      }
      objections.push({ ...entry(i, a), standing: resolution === null, resolution, key: i.partyKey });
    }
  }
  const order = (x: { roundNumber: number; key: string }, y: { roundNumber: number; key: string }) =>
    x.roundNumber - y.roundNumber || x.key.localeCompare(y.key);
  return { conditions: conditions.sort(order).map(({ key: _k, ...c }) => c), objections: objections.sort(order).map(({ key: _k, ...o }) => o) };
}

// ---- the round summary ----------------------------------------------------------------

export const SUMMARY_STATES = ['none', 'open', 'objections', 'incomplete', 'conditions', 'consent'] as const;
export type SummaryState = (typeof SUMMARY_STATES)[number];

export interface RoundSummary {
  state: SummaryState;
  roundNumber: number | null;
  /** asked in the latest round and not answered while it is open */
  pending: number;
  yes: number;
  silence: number;
  conditions: number;
  objections: number;
  /** asked in the latest round, closed without an answer and without silence: nobody could answer */
  notReached: number;
  /** objections in the whole outcome that stand (not overruled, withdrawn or taken away by a new round) */
  standingObjections: number;
}

/**
 * The summary of the assessment that the case page leads with (docs/product.md#one-consolidated-outcome),
 * always true: while the latest round is open it says so, with who has not answered yet;
 * a standing objection is named as such; "every party agrees" only once the round has
 * closed, every party asked was reached, and no objection stands. Counts are of the
 * current answers in the latest round.
 */
export function roundSummary(
  latest: { number: number; closed: boolean; answers: readonly (AnswerKind | 'silence' | null)[] } | null,
  standingObjections: number,
): RoundSummary {
  const count = (k: AnswerKind | 'silence') => latest?.answers.filter((a) => a === k).length ?? 0;
  const unanswered = latest?.answers.filter((a) => a === null).length ?? 0;
  const s = {
    roundNumber: latest?.number ?? null,
    pending: latest && !latest.closed ? unanswered : 0,
    yes: count('yes'),
    silence: count('silence'),
    conditions: count('yesWithConditions'),
    objections: count('objection'),
    notReached: latest?.closed ? unanswered : 0,
    standingObjections,
  };
  const state: SummaryState = !latest
    ? 'none'
    : !latest.closed
      ? 'open'
      : standingObjections > 0
        ? 'objections'
        : s.notReached > 0
          ? 'incomplete'
          : s.conditions > 0
            ? 'conditions'
            : 'consent';
  return { state, ...s };
}
