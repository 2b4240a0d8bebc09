// Response periods, responses and the inventory of interests: the pure rules
// (docs/product.md#response-periods, #responding-to-a-case, #the-inventory-of-interests).
// Dates and the calendar come in as arguments; nothing here reads the clock or the database.
import { addWorkingDays, type Calendar, type IsoDate } from '../../kernel/calendar.js';
import type { FieldProblem } from '../../kernel/errors.js';

export const RELATIONS = ['neighbour', 'business', 'organisation', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const POSITIONS = ['support', 'concern', 'objection'] as const;
export type Position = (typeof POSITIONS)[number];

/** The topic every period has besides the director's own: for what fits none of them. */
export const OTHER_TOPIC = 'Anders';
export const MAX_TOPICS = 12;
export const MAX_QUESTIONS = 5;
export const TOPIC_MAX = 60;
export const QUESTION_MAX = 300;
export const SUMMARY_MAX = 4000;
export const LOCATION_MAX = 300;
export const MAX_WORKING_DAYS = 130;
export const ANSWER_MAX = 4000;
export const TEXT_MAX = 4000;
/** How long the confirmation link of a response lives (as the confirmation of a public intake). */
export const CONFIRM_LINK_HOURS = 72;

/**
 * The last day of a period opened on `openedOn` for `workingDays` Dutch working days
 * (docs/product.md#response-periods): the opening day does not count, the end is
 * always a working day (the kernel's calendar, as for every term counted in working days).
 */
export function periodEndsOn(cal: Calendar, openedOn: IsoDate, workingDays: number): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`a response period lasts a whole number of working days ≥ 1, not ${workingDays}`);
  return addWorkingDays(cal, openedOn, workingDays);
}

/**
 * The topics as the period keeps them: the director's own, trimmed, without
 * duplicates (case-insensitive), and "Anders" always last.
 */
export function topicsOf(given: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of given) {
    const t = raw.trim();
    const key = t.toLocaleLowerCase('nl');
    if (!t || seen.has(key) || key === OTHER_TOPIC.toLocaleLowerCase('nl')) continue;
    seen.add(key);
    out.push(t);
  }
  return [...out, OTHER_TOPIC];
}

export interface PeriodInput {
  summary: string;
  location: string;
  workingDays: number;
  topics: readonly string[];
  questions: readonly string[];
}

/** Every problem with a period to open, at once (docs/product.md#nothing-half-written). */
export function periodProblems(p: PeriodInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!p.summary.trim()) problems.push({ field: 'summary', key: 'error.required' });
  if (!p.location.trim()) problems.push({ field: 'location', key: 'error.required' });
  if (!Number.isInteger(p.workingDays) || p.workingDays < 1 || p.workingDays > MAX_WORKING_DAYS)
    problems.push({ field: 'workingDays', key: 'error.responseTermRange', params: { max: MAX_WORKING_DAYS } });
  const own = topicsOf(p.topics).length - 1;
  if (own < 1 || own > MAX_TOPICS) problems.push({ field: 'topics', key: 'error.responseTopicsCount', params: { max: MAX_TOPICS } });
  const questions = p.questions.map((q) => q.trim());
  if (questions.length > MAX_QUESTIONS || questions.some((q) => !q))
    problems.push({ field: 'questions', key: 'error.responseQuestions', params: { max: MAX_QUESTIONS } });
  return problems;
}

export interface PeriodState {
  endsOn: IsoDate;
  closedAt: Date | null;
}

/** Open: not closed early and the end date not passed (the end date itself is still open). */
export const isPeriodOpen = (p: PeriodState, today: IsoDate): boolean => p.closedAt === null && today <= p.endsOn;

/**
 * Whether a response may be given now (docs/product.md#responding-to-a-case): only while
 * the period is open. `closed` for one closed early or past its end date.
 */
export function responseRefusal(p: PeriodState, today: IsoDate): 'closed' | null {
  return isPeriodOpen(p, today) ? null : 'closed';
}

/**
 * Whether a response may still be confirmed: its link unexpired and the period not
 * closed early. A response given in time may be confirmed after the end date, within
 * its link's lifetime: it was given while the period was open.
 */
export function confirmRefusal(r: { tokenExpiresAt: Date; confirmedAt: Date | null }, p: PeriodState, now: Date): 'expired' | 'closed' | 'confirmed' | null {
  if (r.confirmedAt) return 'confirmed';
  if (now.getTime() > r.tokenExpiresAt.getTime()) return 'expired';
  if (p.closedAt && p.closedAt.getTime() < now.getTime()) return 'closed';
  return null;
}

export interface ResponseForCount {
  id: string;
  email: string;
  position: Position;
  topicIds: readonly string[];
  confirmedAt: Date | null;
  hiddenAt: Date | null;
}

/**
 * The responses that stand (docs/product.md#responding-to-a-case): confirmed ones only,
 * and of one address to one period only the one confirmed last — a later confirmed
 * response replaces the earlier one. Unconfirmed responses never count.
 */
export function standingResponses<R extends ResponseForCount>(rs: readonly R[]): R[] {
  const byAddress = new Map<string, R>();
  for (const r of rs) {
    if (!r.confirmedAt) continue;
    const key = r.email.trim().toLowerCase();
    const before = byAddress.get(key);
    if (!before || (before.confirmedAt as Date).getTime() <= r.confirmedAt.getTime()) byAddress.set(key, r);
  }
  return rs.filter((r) => byAddress.get(r.email.trim().toLowerCase()) === r);
}

export type PositionCounts = Record<Position, number>;
const zero = (): PositionCounts => ({ support: 0, concern: 0, objection: 0 });

export interface TopicCount {
  topicId: string;
  counts: PositionCounts;
  total: number;
  hidden: number;
}

/**
 * The inventory's figures (docs/product.md#the-inventory-of-interests): per topic and
 * position the standing responses that are not hidden; a response about two topics
 * counts under both. Hidden responses are counted apart, never in the figures.
 */
export function countByTopic(
  topicIds: readonly string[],
  rs: readonly ResponseForCount[],
): { topics: TopicCount[]; totals: PositionCounts; respondents: number } {
  const standing = standingResponses(rs);
  const topics = topicIds.map((topicId) => ({ topicId, counts: zero(), total: 0, hidden: 0 }));
  const byId = new Map(topics.map((t) => [t.topicId, t]));
  const totals = zero();
  let respondents = 0;
  for (const r of standing) {
    if (!r.hiddenAt) {
      totals[r.position]++;
      respondents++;
    }
    for (const id of new Set(r.topicIds)) {
      const t = byId.get(id);
      if (!t) continue;
      if (r.hiddenAt) t.hidden++;
      else {
        t.counts[r.position]++;
        t.total++;
      }
    }
  }
  return { topics, totals, respondents };
}

/** The name the public and the dossier may show: only when the respondent chose to show it. */
export const publicName = (r: { name: string; showName: boolean }): string | null => (r.showName ? r.name : null);
