// The resident's report mark: pure rules (docs/product.md#the-report-mark). Dates
// and times come in as arguments; nothing here reads the clock or the database.

/** When the initiator is asked: at closing, and at plan agreement where the municipality switched that on. */
export const SURVEY_MOMENTS = ['closed', 'planAgreed'] as const;
export type SurveyMoment = (typeof SURVEY_MOMENTS)[number];

/** An answer can be changed for this many days after the first answer (docs/product.md#the-report-mark). */
export const CHANGE_WINDOW_DAYS = 14;
/** The open answer's maximum length. */
export const COMMENT_MAX = 2000;
/** Below this mark the coordinator follows up (docs/product.md#a-low-mark-is-followed-up). */
export const LOW_BELOW = 6;

const DAY_MS = 86_400_000;

export interface SurveyCase {
  initiatorId: string | null;
  /** the retention job removed the initiator's personal data */
  personalDataRemoved: boolean;
}

/**
 * Whether a survey goes out for a case at a moment (docs/product.md#the-report-mark):
 * only to a known initiator whose personal data is still there, at closing always and
 * at plan agreement only when the municipality asks then, and never twice for the same
 * case and moment.
 */
export function surveyDue(o: {
  moment: SurveyMoment;
  c: SurveyCase;
  initiatorPseudonymised: boolean;
  askAtPlanAgreement: boolean;
  alreadySent: boolean;
}): boolean {
  if (!o.c.initiatorId || o.c.personalDataRemoved || o.initiatorPseudonymised) return false;
  if (o.alreadySent) return false;
  return o.moment === 'closed' || o.askAtPlanAgreement;
}

export interface SurveyTimes {
  linkExpiresAt: Date;
  firstAnsweredAt: Date | null;
}

/** The last moment an answer may still be changed: 14 days after the first answer. */
export const changeableUntil = (firstAnsweredAt: Date): Date => new Date(firstAnsweredAt.getTime() + CHANGE_WINDOW_DAYS * DAY_MS);

/**
 * What the personal link allows now (docs/product.md#the-report-mark): a first answer
 * while the link lives (as long as every link in mail); after the first answer,
 * changing it for 14 days (the link keeps working for that long); after that only
 * reading. An unanswered link past its lifetime has expired.
 */
export function linkState(s: SurveyTimes, now: Date): 'answer' | 'change' | 'closed' | 'expired' {
  if (s.firstAnsweredAt === null) return now < s.linkExpiresAt ? 'answer' : 'expired';
  return now < changeableUntil(s.firstAnsweredAt) ? 'change' : 'closed';
}

export const isLow = (mark: number): boolean => mark < LOW_BELOW;

/**
 * Whether an answer tells the coordinators (docs/product.md#a-low-mark-is-followed-up):
 * when the mark becomes low, on the first answer or on a change from 6 or higher. A
 * low mark changed to another low mark was told already.
 */
export const notifiesCoordinators = (previousMark: number | null, mark: number): boolean => isLow(mark) && (previousMark === null || !isLow(previousMark));

/**
 * Whether a survey is on the coordinator's to-do list: its mark is low and no
 * follow-up marked it done. A mark changed to 6 or higher leaves the list; its
 * follow-ups stay on record.
 */
export const needsFollowUp = (mark: number | null, lastFollowUpStatus: 'open' | 'done' | null): boolean =>
  mark !== null && isLow(mark) && lastFollowUpStatus !== 'done';

export interface SurveyAnswer {
  mark: number;
  directorClear: number | null;
  planConcrete: number | null;
  promisesKept: number | null;
  speed: number | null;
  comment: string | null;
}

const within = (v: number | null, lo: number, hi: number) => v === null || (Number.isInteger(v) && v >= lo && v <= hi);

/** Every problem with an answer at once, per field (docs/product.md#nothing-half-written). */
export function answerProblems(a: SurveyAnswer): { field: string; key: string }[] {
  const problems: { field: string; key: string }[] = [];
  if (!Number.isInteger(a.mark) || a.mark < 1 || a.mark > 10) problems.push({ field: 'mark', key: 'error.surveyMark' });
  for (const f of ['directorClear', 'planConcrete', 'promisesKept', 'speed'] as const) {
    if (!within(a[f], 1, 5)) problems.push({ field: f, key: 'error.surveyScore' });
  }
  if (a.comment !== null && a.comment.length > COMMENT_MAX) problems.push({ field: 'comment', key: 'error.tooLong' });
  return problems;
}

/** An average mark with one decimal, as a report mark is read ("7,4"); none without answers. */
export const averageOf = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

/** The share of sent surveys that were answered; none when none were sent (never 0 of 0). */
export const responseRateOf = (answered: number, sent: number): number | null => (sent === 0 ? null : answered / sent);

/** Counts per mark 1..10, every mark present. */
export function distributionOf(rows: readonly { mark: number; count: number }[]): { mark: number; count: number }[] {
  const by = new Map(rows.map((r) => [r.mark, r.count]));
  return Array.from({ length: 10 }, (_, i) => ({ mark: i + 1, count: by.get(i + 1) ?? 0 }));
}
