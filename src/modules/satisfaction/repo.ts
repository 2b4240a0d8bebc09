// Queries on the report mark's own tables (surveys, survey_followups,
// satisfaction_settings), each scoped to the municipality, and the few look-ups of
// the people a survey mails.
import type { Tx } from '../../platform/db/index.js';
import type { SurveyMoment } from './model.js';

export async function askAtPlanAgreement(trx: Tx, mId: string): Promise<boolean> {
  const row = await trx.selectFrom('satisfaction_settings').select('ask_at_plan_agreement').where('municipality_id', '=', mId).executeTakeFirst();
  return row?.ask_at_plan_agreement ?? false;
}

export async function saveSettings(trx: Tx, mId: string, askAtPlanAgreement: boolean, now: Date): Promise<void> {
  await trx
    .insertInto('satisfaction_settings')
    .values({ municipality_id: mId, ask_at_plan_agreement: askAtPlanAgreement, updated_at: now })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ ask_at_plan_agreement: askAtPlanAgreement, updated_at: now }))
    .execute();
}

export function findUser(trx: Tx, mId: string, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'role', 'active', 'pseudonymised_at'])
    .where('municipality_id', '=', mId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function activeCoordinators(trx: Tx, mId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('municipality_id', '=', mId)
    .where('role', '=', 'coordinator')
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** Insert the survey unless the case already has one for this moment; null when it had. */
export async function insertSurvey(
  trx: Tx,
  s: {
    mId: string;
    caseId: string;
    moment: SurveyMoment;
    reference: string;
    initiatorId: string;
    tokenHash: string;
    sentAt: Date;
    sentOn: string;
    expiresAt: Date;
  },
): Promise<string | null> {
  const row = await trx
    .insertInto('surveys')
    .values({
      municipality_id: s.mId,
      case_id: s.caseId,
      moment: s.moment,
      case_reference: s.reference,
      initiator_id: s.initiatorId,
      token_hash: s.tokenHash,
      sent_at: s.sentAt,
      sent_on: s.sentOn,
      link_expires_at: s.expiresAt,
    })
    .onConflict((oc) => oc.columns(['case_id', 'moment']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function surveyExists(trx: Tx, mId: string, caseId: string, moment: SurveyMoment): Promise<boolean> {
  const row = await trx
    .selectFrom('surveys')
    .select('id')
    .where('municipality_id', '=', mId)
    .where('case_id', '=', caseId)
    .where('moment', '=', moment)
    .executeTakeFirst();
  return row !== undefined;
}

export function lockSurveyByToken(trx: Tx, mId: string, tokenHash: string) {
  return trx.selectFrom('surveys').selectAll().where('municipality_id', '=', mId).where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export function lockSurvey(trx: Tx, mId: string, id: string) {
  return trx.selectFrom('surveys').selectAll().where('municipality_id', '=', mId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof lockSurvey>>>;

export async function lastFollowUpStatus(trx: Tx, mId: string, surveyId: string): Promise<'open' | 'done' | null> {
  const row = await trx
    .selectFrom('survey_followups')
    .select('status')
    .where('municipality_id', '=', mId)
    .where('survey_id', '=', surveyId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row?.status as 'open' | 'done' | undefined) ?? null;
}
