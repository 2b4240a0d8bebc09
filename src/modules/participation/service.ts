// Use-cases of response periods (docs/product.md#response-periods): opening and closing a
// period, the inventory of interests with its moderation and answers, and the mail
// with those answers when the plan is agreed. One transaction each; every change an
// event on the case's timeline.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { forPolicy, loadCaseFor } from '../cases/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { answersMail } from './mail.js';
import { countByTopic, isPeriodOpen, type PeriodInput, type PositionCounts, periodEndsOn, periodProblems, topicsOf } from './model.js';
import { type ParticipationAbility, participationPolicy } from './policy.js';
import { findPeriod, type PeriodRow, periodsOfCase, type ResponseRow, respondentCounts, standingResponsesOf, type TopicRow, topicsOfPeriods } from './repo.js';

const today = (ctx: Pick<Ctx, 'clock'>): IsoDate => dutchDate(ctx.clock.now());

export interface PeriodSummary extends PeriodRow {
  open: boolean;
  respondents: number;
  topics: TopicRow[];
}

export interface TopicInventory extends TopicRow {
  counts: PositionCounts;
  total: number;
  hidden: number;
}

export interface Inventory {
  period: PeriodSummary;
  topics: TopicInventory[];
  totals: PositionCounts;
  /** the standing confirmed responses, hidden ones included (shown greyed with the reason) */
  responses: (Omit<ResponseRow, 'email'> & { hiddenByName: string | null })[];
  abilities: Record<ParticipationAbility, boolean> & { editAnswers: boolean };
  slug: string;
}

async function summaries(trx: Tx, mId: string, periods: PeriodRow[], day: IsoDate): Promise<PeriodSummary[]> {
  const ids = periods.map((p) => p.id);
  const [topics, counts] = await Promise.all([topicsOfPeriods(trx, mId, ids), respondentCounts(trx, mId, ids)]);
  return periods.map((p) => ({ ...p, open: isPeriodOpen(p, day), respondents: counts.get(p.id) ?? 0, topics: topics.get(p.id) ?? [] }));
}

// ---- reading --------------------------------------------------------------------------

/** The periods of a case, newest first, with the actor's abilities on the case's participation. */
export async function listCasePeriods(ctx: Ctx, caseId: string) {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'viewInternal');
    const periods = await periodsOfCase(trx, mId, c.id);
    const abilities = participationPolicy.abilities(ctx.actor, forPolicy(c));
    const day = today(ctx);
    const hasOpen = periods.some((p) => isPeriodOpen(p, day));
    return {
      items: await summaries(trx, mId, periods, day),
      // One open period per case at a time (docs/product.md#response-periods).
      abilities: { ...abilities, open: abilities.open && !hasOpen && c.location.trim() !== '' },
      caseLocation: c.location,
    };
  });
}

async function loadPeriodFor(trx: Tx, ctx: Ctx, periodId: string, ability: ParticipationAbility, lock = false) {
  const mId = ctx.actor.municipalityId;
  const p = await findPeriod(trx, mId, periodId, lock);
  if (!p) throw notFound('responsePeriod');
  const c = await loadCaseFor(trx, ctx, p.caseId, 'view').catch((e: unknown) => {
    // A period of a case the actor may not read is not found either.
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) throw notFound('responsePeriod');
    throw e;
  });
  if (!participationPolicy.can(ctx.actor, forPolicy(c), 'view')) throw notFound('responsePeriod');
  participationPolicy.authorize(ctx.actor, forPolicy(c), ability);
  return { p, c };
}

/** The inventory of interests of one period (docs/product.md#the-inventory-of-interests). */
export async function getInventory(ctx: Ctx, periodId: string): Promise<Inventory> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const { p, c } = await loadPeriodFor(trx, ctx, periodId, 'view');
    const [summary] = await summaries(trx, mId, [p], today(ctx));
    const responses = await standingResponsesOf(trx, mId, [p.id]);
    const topics = summary?.topics ?? [];
    const counted = countByTopic(
      topics.map((t) => t.id),
      responses,
    );
    const hiders = [...new Set(responses.map((r) => r.hiddenBy).filter((x): x is string => !!x))];
    const names = hiders.length
      ? new Map(
          (await trx.selectFrom('users').select(['id', 'name']).where('municipality_id', '=', mId).where('id', 'in', hiders).execute()).map((u) => [
            u.id,
            u.name,
          ]),
        )
      : new Map<string, string>();
    const abilities = participationPolicy.abilities(ctx.actor, forPolicy(c));
    const m = await getMunicipality(trx, mId);
    return {
      period: summary as PeriodSummary,
      topics: topics.map((t, i) => ({ ...t, ...(counted.topics[i] as (typeof counted.topics)[number]) })),
      totals: counted.totals,
      // The e-mail address is for the confirmation and the answer mail only: no list shows it.
      responses: responses.map(({ email: _email, ...r }) => ({ ...r, hiddenByName: r.hiddenBy ? (names.get(r.hiddenBy) ?? null) : null })),
      abilities: { ...abilities, close: abilities.close && summary?.open === true, editAnswers: abilities.answer && p.answersLockedAt === null },
      slug: m.slug,
    };
  });
}

// ---- changing -------------------------------------------------------------------------

export interface OpenPeriod extends PeriodInput {
  caseId: string;
}

/**
 * Open a response period on a case (docs/product.md#response-periods): the case must have a
 * location, and have no other open period. The end date is counted in working days.
 */
export async function openPeriod(ctx: Ctx, input: OpenPeriod): Promise<PeriodSummary> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, input.caseId, 'viewInternal', { lock: true });
    participationPolicy.authorize(ctx.actor, forPolicy(c), 'open');
    if (!c.location.trim()) throw new AppError(409, 'conflict', 'error.caseWithoutLocation');
    const problems = periodProblems(input);
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
    const day = today(ctx);
    const existing = await periodsOfCase(trx, mId, c.id);
    if (existing.some((p) => isPeriodOpen(p, day))) throw conflict('error.periodAlreadyOpen');
    const m = await getMunicipality(trx, mId);
    const endsOn = periodEndsOn(calendarOf(m), day, input.workingDays);
    const themes = await trx
      .selectFrom('case_themes as ct')
      .innerJoin('themes as t', 't.id', 'ct.theme_id')
      .select('t.name')
      .where('ct.municipality_id', '=', mId)
      .where('ct.case_id', '=', c.id)
      .orderBy('t.name')
      .execute();
    const now = ctx.clock.now();
    const topics = topicsOf(input.topics);
    const questions = input.questions.map((q) => q.trim());
    const row = await trx
      .insertInto('response_periods')
      .values({
        municipality_id: mId,
        case_id: c.id,
        reference: c.reference,
        themes: JSON.stringify(themes.map((t) => t.name)),
        summary: input.summary.trim(),
        location: input.location.trim(),
        working_days: input.workingDays,
        opened_on: day,
        ends_on: endsOn,
        questions: JSON.stringify(questions),
        opened_by: ctx.actor.userId,
        opened_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('response_topics')
      .values(topics.map((name, position) => ({ municipality_id: mId, period_id: row.id, position, name })))
      .execute();
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'participation.periodOpened', payload: { periodId: row.id, endsOn, workingDays: input.workingDays, topics } },
    });
    const p = (await findPeriod(trx, mId, row.id)) as PeriodRow;
    return (await summaries(trx, mId, [p], day))[0] as PeriodSummary;
  });
}

/** Close a period before its end date, with a reason (docs/product.md#response-periods). */
export async function closePeriod(ctx: Ctx, opts: { periodId: string; reason: string; ifMatch?: VersionCondition }): Promise<void> {
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const { p } = await loadPeriodFor(trx, ctx, opts.periodId, 'close', true);
    if (!versionMatches(opts.ifMatch, p.version)) throw staleVersion();
    if (!isPeriodOpen(p, today(ctx))) throw conflict('error.periodClosed');
    const reason = opts.reason.trim();
    if (!reason) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'reason', key: 'error.required' }]);
    await trx
      .updateTable('response_periods')
      .set({ closed_at: ctx.clock.now(), closed_by: ctx.actor.userId, closed_reason: reason, version: p.version + 1 })
      .where('municipality_id', '=', mId)
      .where('id', '=', p.id)
      .execute();
    await recordEvent(trx, ctx, { caseId: p.caseId, visibility: 'shared', event: { type: 'participation.periodClosed', payload: { periodId: p.id, reason } } });
  });
}

/**
 * Hide a confirmed response, with a reason (docs/product.md#the-inventory-of-interests): it
 * no longer counts anywhere; staff still see it, greyed, with the reason.
 */
export async function hideResponse(ctx: Ctx, opts: { responseId: string; reason: string }): Promise<void> {
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const r = await trx
      .selectFrom('responses')
      .select(['id', 'period_id', 'hidden_at', 'confirmed_at', 'replaced_at'])
      .where('municipality_id', '=', mId)
      .where('id', '=', opts.responseId)
      .forUpdate()
      .executeTakeFirst();
    // An unconfirmed or replaced response is in no list: there is nothing to hide.
    if (!r || !r.confirmed_at || r.replaced_at) throw notFound('response');
    const { p } = await loadPeriodFor(trx, ctx, r.period_id, 'moderate').catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) throw notFound('response');
      throw e;
    });
    if (r.hidden_at) throw conflict('error.responseAlreadyHidden');
    const reason = opts.reason.trim();
    if (!reason) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'reason', key: 'error.required' }]);
    await trx
      .updateTable('responses')
      .set({ hidden_at: ctx.clock.now(), hidden_by: ctx.actor.userId, hidden_reason: reason })
      .where('municipality_id', '=', mId)
      .where('id', '=', r.id)
      .execute();
    await recordEvent(trx, ctx, {
      caseId: p.caseId,
      visibility: 'internal',
      event: { type: 'participation.responseHidden', payload: { periodId: p.id, responseId: r.id, reason } },
    });
  });
}

/**
 * Write or change the answer to an interest topic, "wat we met uw reactie doen"
 * (docs/product.md#the-inventory-of-interests): until the plan is agreed.
 */
export async function answerTopic(ctx: Ctx, opts: { periodId: string; topicId: string; answer: string }): Promise<void> {
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const { p } = await loadPeriodFor(trx, ctx, opts.periodId, 'answer', true);
    const topic = await trx
      .selectFrom('response_topics')
      .select(['id', 'name', 'answer'])
      .where('municipality_id', '=', mId)
      .where('period_id', '=', p.id)
      .where('id', '=', opts.topicId)
      .executeTakeFirst();
    if (!topic) throw notFound('topic');
    if (p.answersLockedAt) throw conflict('error.answersLocked');
    const answer = opts.answer.trim();
    if (!answer) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'answer', key: 'error.required' }]);
    if (answer === topic.answer) return;
    await trx
      .updateTable('response_topics')
      .set({ answer, answered_at: ctx.clock.now(), answered_by: ctx.actor.userId })
      .where('municipality_id', '=', mId)
      .where('id', '=', topic.id)
      .execute();
    await trx
      .updateTable('response_periods')
      .set({ version: p.version + 1 })
      .where('municipality_id', '=', mId)
      .where('id', '=', p.id)
      .execute();
    await recordEvent(trx, ctx, {
      caseId: p.caseId,
      visibility: 'shared',
      event: { type: 'participation.interestAnswered', payload: { periodId: p.id, topicId: topic.id, topic: topic.name } },
    });
  });
}

/**
 * The plan of the case was agreed (docs/product.md#answers-when-the-plan-is-agreed): the
 * answers per topic are fixed, and every confirmed, standing, not hidden respondent who
 * has not had them yet gets one mail with the answers to the topics they chose, in the
 * language they responded in. Runs in the plan agreement's transaction; the plans
 * module calls it, so participation never imports plans and the graph stays acyclic.
 */
export async function onPlanAgreed(trx: Tx, ctx: Ctx, caseId: string): Promise<void> {
  const mId = ctx.actor.municipalityId;
  const periods = await periodsOfCase(trx, mId, caseId);
  if (!periods.length) return;
  const now = ctx.clock.now();
  const ids = periods.map((p) => p.id);
  await trx
    .updateTable('response_periods')
    .set({ answers_locked_at: now })
    .where('municipality_id', '=', mId)
    .where('id', 'in', ids)
    .where('answers_locked_at', 'is', null)
    .execute();
  const [topics, responses, m] = await Promise.all([topicsOfPeriods(trx, mId, ids), standingResponsesOf(trx, mId, ids), getMunicipality(trx, mId)]);
  const due = responses.filter((r) => !r.hiddenAt && !r.answerMailedAt);
  if (!due.length) return;
  const reference = periods[0]?.reference ?? '';
  for (const r of due) {
    const chosen = new Set(r.topicIds);
    const answers = (topics.get(r.periodId) ?? []).filter((t) => chosen.has(t.id)).map((t) => ({ topic: t.name, answer: t.answer }));
    await enqueueMail(trx, {
      municipalityId: mId,
      to: r.email,
      ...answersMail(r.locale, { name: r.name, reference, agreedOn: dutchDate(now), answers, municipality: m.name }),
    });
  }
  await trx
    .updateTable('responses')
    .set({ answer_mailed_at: now })
    .where('municipality_id', '=', mId)
    .where(
      'id',
      'in',
      due.map((r) => r.id),
    )
    .execute();
}
