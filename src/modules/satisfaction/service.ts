// The report mark's use-cases (docs/product.md#the-report-mark): sending the one survey
// of a case and moment (called by the cases and plans modules inside the transaction
// of the closing or the agreement), answering and changing it through the personal
// link, the coordinator's follow-up of a low mark and the admin's setting. One
// transaction each; every change to a case is an event (without the mark) and every
// mail goes through the outbox in that transaction.
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { surveyFollowUpsLink, surveyLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { newToken, sha256 } from '../identity/index.js';
import { MAIL_LINK_DAYS } from '../notifications/index.js';
import { getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { satisfactionMails } from './mails.js';
import { answerProblems, changeableUntil, linkState, notifiesCoordinators, type SurveyAnswer, type SurveyMoment, surveyDue } from './model.js';
import { satisfactionPolicy } from './policy.js';
import {
  activeCoordinators,
  askAtPlanAgreement,
  findUser,
  insertSurvey,
  lockSurvey,
  lockSurveyByToken,
  type SurveyRow,
  saveSettings,
  surveyExists,
} from './repo.js';

/** What of a case the survey needs: the caller has it locked in its transaction. */
export type CaseForSurvey = Pick<CaseRow, 'id' | 'municipality_id' | 'reference' | 'initiator_id' | 'personal_data_removed_at'>;

/**
 * A case was closed (status → closed, not withdrawn): its initiator gets the one
 * survey for this case at closing (docs/product.md#the-report-mark). Called by the
 * cases module in the transaction of the closing.
 */
export async function onCaseClosed(trx: Tx, ctx: Ctx, c: CaseForSurvey): Promise<void> {
  await sendSurvey(trx, ctx, c, 'closed');
}

/** Both agreed the plan: a survey too, where the municipality asks then (docs/product.md#the-report-mark). */
export async function onPlanAgreed(trx: Tx, ctx: Ctx, c: CaseForSurvey): Promise<void> {
  await sendSurvey(trx, ctx, c, 'planAgreed');
}

async function sendSurvey(trx: Tx, ctx: Ctx, c: CaseForSurvey, moment: SurveyMoment): Promise<void> {
  const mId = c.municipality_id;
  const initiator = c.initiator_id ? await findUser(trx, mId, c.initiator_id) : undefined;
  const due = surveyDue({
    moment,
    c: { initiatorId: c.initiator_id, personalDataRemoved: c.personal_data_removed_at !== null },
    initiatorPseudonymised: !initiator || initiator.pseudonymised_at !== null || !initiator.active,
    askAtPlanAgreement: moment === 'planAgreed' ? await askAtPlanAgreement(trx, mId) : false,
    alreadySent: await surveyExists(trx, mId, c.id, moment),
  });
  if (!due || !initiator) return;
  const now = ctx.clock.now();
  // The link's municipality goes in front, so it is looked up in the right tenant;
  // only its SHA-256 is stored (docs/product.md#links-in-mail).
  const token = `${mId}.${newToken()}`;
  const id = await insertSurvey(trx, {
    mId,
    caseId: c.id,
    moment,
    reference: c.reference,
    initiatorId: initiator.id,
    tokenHash: sha256(token),
    sentAt: now,
    sentOn: dutchDate(now),
    expiresAt: new Date(now.getTime() + MAIL_LINK_DAYS * 86_400_000),
  });
  if (!id) return; // never a second survey for the same case and moment
  const m = await getMunicipality(trx, mId);
  await enqueueMail(trx, {
    municipalityId: mId,
    to: initiator.email,
    ...satisfactionMails.survey(initiator.locale, {
      name: initiator.name,
      reference: c.reference,
      moment,
      link: surveyLink(ctx.config.publicUrl, token),
      days: MAIL_LINK_DAYS,
      municipality: m.name,
    }),
  });
  await recordEvent(trx, ctx, { caseId: c.id, visibility: 'internal', event: { type: 'satisfaction.surveySent', payload: { moment } } });
}

// ---- the survey behind the personal link ------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SurveyView {
  municipality: string;
  caseReference: string;
  moment: SurveyMoment;
  /** what the link allows now: a first answer, a change, or only reading */
  may: 'answer' | 'change' | 'none';
  changeableUntil: Date | null;
  answer: SurveyAnswer | null;
}

async function withSurveyLink<T>(deps: Deps, token: string, fn: (trx: Tx, s: SurveyRow, m: { name: string }) => Promise<T>): Promise<T> {
  const mId = token.slice(0, token.indexOf('.'));
  if (!UUID.test(mId)) throw notFound('link');
  return deps.db.tenant(mId, async (trx) => {
    const s = await lockSurveyByToken(trx, mId, sha256(token));
    if (!s) throw notFound('link');
    return fn(trx, s, await getMunicipality(trx, mId));
  });
}

const expired = () => new AppError(410, 'gone', 'error.surveyLinkExpired');

function viewOf(s: SurveyRow, m: { name: string }, now: Date): SurveyView {
  const state = linkState({ linkExpiresAt: s.link_expires_at, firstAnsweredAt: s.first_answered_at }, now);
  return {
    municipality: m.name,
    caseReference: s.case_reference,
    moment: s.moment as SurveyMoment,
    may: state === 'answer' || state === 'change' ? state : 'none',
    changeableUntil: s.first_answered_at ? changeableUntil(s.first_answered_at) : null,
    answer:
      s.mark === null
        ? null
        : {
            mark: s.mark,
            directorClear: s.director_clear,
            planConcrete: s.plan_concrete,
            promisesKept: s.promises_kept,
            speed: s.speed,
            comment: s.comment,
          },
  };
}

/** The survey as its link shows it: the answer so far, prefilled (an unanswered link past its lifetime: 410). */
export async function readSurvey(deps: Deps, token: string): Promise<SurveyView> {
  return withSurveyLink(deps, token, async (_trx, s, m) => {
    const now = deps.clock.now();
    if (linkState({ linkExpiresAt: s.link_expires_at, firstAnsweredAt: s.first_answered_at }, now) === 'expired') throw expired();
    return viewOf(s, m, now);
  });
}

/**
 * Answer the survey, or change the answer within 14 days of the first
 * (docs/product.md#the-report-mark). One answer per survey: a change replaces it, so
 * every figure counts it once with its latest values. A mark that becomes low tells
 * the coordinators (docs/product.md#a-low-mark-is-followed-up).
 */
export async function answerSurvey(deps: Deps, token: string, input: SurveyAnswer): Promise<SurveyView> {
  return withSurveyLink(deps, token, async (trx, s, m) => {
    const now = deps.clock.now();
    const state = linkState({ linkExpiresAt: s.link_expires_at, firstAnsweredAt: s.first_answered_at }, now);
    if (state === 'expired') throw expired();
    if (state === 'closed') throw conflict('error.surveyClosed');
    const answer: SurveyAnswer = { ...input, comment: input.comment?.trim() || null };
    const problems = answerProblems(answer);
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
    const change = s.first_answered_at !== null;
    const notify = notifiesCoordinators(s.mark, answer.mark);
    const updated = await trx
      .updateTable('surveys')
      .set({
        mark: answer.mark,
        director_clear: answer.directorClear,
        plan_concrete: answer.planConcrete,
        promises_kept: answer.promisesKept,
        speed: answer.speed,
        comment: answer.comment,
        first_answered_at: s.first_answered_at ?? now,
        answered_on: s.answered_on ?? dutchDate(now),
        changed_at: change ? now : null,
        ever_low: s.ever_low || notify,
      })
      .where('municipality_id', '=', s.municipality_id)
      .where('id', '=', s.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const origin = { municipalityId: s.municipality_id, actorId: s.initiator_id, at: now };
    await recordEvent(trx, origin, {
      caseId: s.case_id,
      visibility: 'internal',
      event: { type: 'satisfaction.answered', payload: { moment: s.moment as SurveyMoment, change } },
    });
    if (notify) {
      for (const k of await activeCoordinators(trx, s.municipality_id)) {
        await enqueueMail(trx, {
          municipalityId: s.municipality_id,
          to: k.email,
          ...satisfactionMails.lowMark(k.locale, {
            name: k.name,
            reference: s.case_reference,
            mark: answer.mark,
            link: surveyFollowUpsLink(deps.config.publicUrl),
            municipality: m.name,
          }),
        });
      }
    }
    return viewOf(updated, m, now);
  });
}

// ---- the coordinator's follow-up ---------------------------------------------------

/**
 * The coordinator records what was done about a low mark (docs/product.md#a-low-mark-is-followed-up):
 * the note, open or done, by whom and when. An event on the case says it was
 * followed up, without the mark.
 */
export async function recordFollowUp(ctx: Ctx, opts: { surveyId: string; note: string; status: 'open' | 'done' }): Promise<void> {
  satisfactionPolicy.authorize(ctx.actor, null, 'followUp');
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const s = await lockSurvey(trx, mId, opts.surveyId);
    if (!s) throw notFound('survey');
    if (s.mark === null) throw conflict('error.surveyNotAnswered');
    if (!s.ever_low) throw conflict('error.surveyNotLow');
    await trx
      .insertInto('survey_followups')
      .values({
        municipality_id: mId,
        survey_id: s.id,
        note: opts.note.trim(),
        status: opts.status,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.clock.now(),
      })
      .execute();
    await recordEvent(trx, ctx, { caseId: s.case_id, visibility: 'internal', event: { type: 'satisfaction.followedUp', payload: { status: opts.status } } });
  });
}

// ---- the municipality's setting ------------------------------------------------------

export interface SatisfactionSettings {
  askAtPlanAgreement: boolean;
}

export async function getSatisfactionSettings(ctx: Ctx): Promise<SatisfactionSettings> {
  satisfactionPolicy.authorize(ctx.actor, null, 'manageSettings');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => ({ askAtPlanAgreement: await askAtPlanAgreement(trx, ctx.actor.municipalityId) }));
}

/** Switch the survey at plan agreement on or off (docs/product.md#the-report-mark); off by default. */
export async function updateSatisfactionSettings(ctx: Ctx, s: SatisfactionSettings): Promise<SatisfactionSettings> {
  satisfactionPolicy.authorize(ctx.actor, null, 'manageSettings');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    await saveSettings(trx, ctx.actor.municipalityId, s.askAtPlanAgreement, ctx.clock.now());
    return { askAtPlanAgreement: await askAtPlanAgreement(trx, ctx.actor.municipalityId) };
  });
}
