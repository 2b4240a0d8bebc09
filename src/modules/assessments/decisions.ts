// Decisions on objections: overrule within mandate (docs/product.md#overrule-within-mandate) and
// the coordinator's decision on a late objection (docs/product.md#late-objection). One
// transaction each.
import { addWorkingDays } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import { findCase, forPolicy, loadCaseFor } from '../cases/index.js';
import { loadMandates } from '../mandates/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { mayOverrule, REOPEN_WORKING_DAYS } from './model.js';
import { mailLateDecision } from './notices.js';
import { assessmentPolicy } from './policy.js';
import { type LateObjectionListRow, lateObjectionRows } from './queries.js';
import { answersByIds, findParty, findRound, overrulesOfAnswers, setCurrentAnswer, withdrawalsOfAnswers } from './repo.js';
import { closeIfAllAnswered } from './submit.js';

/**
 * Overrule within mandate (docs/product.md#overrule-within-mandate): set aside a party's
 * current objection, with a recorded reason. A
 * strict objection is never overruled (409: change the plan); otherwise the actor needs
 * an overrule mandate in force for every domain of the cited rules (403 without one).
 * The mandates used are recorded with the overrule.
 */
export async function overruleObjection(ctx: Ctx, o: { partyId: string; reason: string }): Promise<{ overruleId: string; mandateIds: string[] }> {
  const mId = ctx.actor.municipalityId;
  const reason = o.reason.trim();
  return ctx.db.tenant(mId, async (trx) => {
    // Lock order everywhere: round, then party (the silence job locks rounds first).
    const found = await findParty(trx, mId, o.partyId);
    const round = found && (await findRound(trx, mId, found.round_id, true));
    const party = round && (await findParty(trx, mId, o.partyId, true));
    if (!party || !round) throw notFound('assessment party');
    const c = await loadCaseFor(trx, ctx, round.case_id, 'view');
    assessmentPolicy.authorize(ctx.actor, forPolicy(c), 'overrule');
    if (!reason) throw invalid('reason', 'error.reasonRequired');
    const [answer] = await answersByIds(trx, mId, party.current_answer_id ? [party.current_answer_id] : []);
    if (!answer || answer.kind !== 'objection') throw conflict('error.notAnObjection');
    const already = await trx
      .selectFrom('assessment_overrules')
      .select('id')
      .where('municipality_id', '=', mId)
      .where('answer_id', '=', answer.id)
      .executeTakeFirst();
    if (already) throw conflict('error.alreadyOverruled');
    if ((await withdrawalsOfAnswers(trx, mId, [answer.id])).length) throw conflict('error.alreadyWithdrawn');
    const now = ctx.clock.now();
    const decision = mayOverrule(
      { userId: ctx.actor.userId, role: ctx.actor.role },
      { citedRules: answer.rules },
      await loadMandates(trx, mId),
      dutchDate(now),
    );
    if (!decision.allowed) {
      throw decision.reason === 'strict' ? new AppError(409, 'strict-objection', 'error.strictObjection') : forbidden('error.noOverruleMandate');
    }
    const row = await trx
      .insertInto('assessment_overrules')
      .values({
        municipality_id: mId,
        answer_id: answer.id,
        party_id: party.id,
        reason,
        overruled_by: ctx.actor.userId,
        mandate_ids: JSON.stringify(decision.mandateIds),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      caseId: c.id,
      at: now,
      visibility: 'shared',
      event: {
        type: 'assessment.overruled',
        payload: {
          roundId: round.id,
          partyId: party.id,
          partyName: party.name,
          reason,
          ruleCodes: answer.rules.map((r) => r.code),
          mandateIds: decision.mandateIds,
        },
      },
    });
    return { overruleId: row.id, mandateIds: decision.mandateIds };
  });
}

/**
 * The party withdraws its own objection (docs/product.md#a-standing-objection): a specialist of the
 * asked department, with a reason; recorded beside the answer (the answer itself stays
 * as it was given) and as an event. An overruled objection is already resolved, and a
 * withdrawal is made once.
 */
export async function withdrawObjection(ctx: Ctx, o: { partyId: string; reason: string }): Promise<{ withdrawalId: string }> {
  const mId = ctx.actor.municipalityId;
  const reason = o.reason.trim();
  return ctx.db.tenant(mId, async (trx) => {
    // Lock order everywhere: round, then party.
    const found = await findParty(trx, mId, o.partyId);
    const round = found && (await findRound(trx, mId, found.round_id, true));
    const party = round && (await findParty(trx, mId, o.partyId, true));
    if (!party || !round) throw notFound('assessment party');
    const c = await loadCaseFor(trx, ctx, round.case_id, 'view');
    assessmentPolicy.authorize(
      ctx.actor,
      { municipalityId: mId, kind: party.kind, departmentId: party.department_id, reopenedUntil: party.reopened_until },
      'withdrawFor',
    );
    if (!reason) throw invalid('reason', 'error.reasonRequired');
    const [answer] = await answersByIds(trx, mId, party.current_answer_id ? [party.current_answer_id] : []);
    if (!answer || answer.kind !== 'objection') throw conflict('error.notAnObjectionToWithdraw');
    if ((await overrulesOfAnswers(trx, mId, [answer.id])).length) throw conflict('error.alreadyOverruled');
    if ((await withdrawalsOfAnswers(trx, mId, [answer.id])).length) throw conflict('error.alreadyWithdrawn');
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('assessment_withdrawals')
      .values({ municipality_id: mId, answer_id: answer.id, party_id: party.id, reason, withdrawn_by: ctx.actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      caseId: c.id,
      at: now,
      visibility: 'shared',
      event: {
        type: 'assessment.objectionWithdrawn',
        payload: { roundId: round.id, partyId: party.id, partyName: party.name, reason, ruleCodes: answer.rules.map((r) => r.code) },
      },
    });
    return { withdrawalId: row.id };
  });
}

export type LateStatus = 'pending' | 'admitted' | 'setAside';

/** Late objections: the coordinator sees all; a director those on their own cases. */
export async function listLateObjections(ctx: Ctx, o: { status?: LateStatus }) {
  assessmentPolicy.authorize(ctx.actor, null, 'listLate');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, (trx) =>
    lateObjectionRows(trx, mId, { status: o.status, directorId: ctx.actor.role === 'director' ? ctx.actor.userId : undefined }),
  );
}

/**
 * The coordinator admits a late objection (the round reopens for that party: its
 * objection becomes its answer, amendable for REOPEN_WORKING_DAYS working days) or sets
 * it aside; a reason is required either way (docs/product.md#late-objection). The party that raised it
 * and the case's director are told the decision and the reason by mail.
 */
export async function decideLateObjection(ctx: Ctx, o: { id: string; decision: 'admit' | 'setAside'; reason: string }) {
  const mId = ctx.actor.municipalityId;
  const reason = o.reason.trim();
  return ctx.db.tenant(mId, async (trx) => {
    // Looked up in the caller's municipality first: another municipality's is not found (404), then the role (403).
    const lo = await trx.selectFrom('late_objections').selectAll().where('municipality_id', '=', mId).where('id', '=', o.id).forUpdate().executeTakeFirst();
    if (!lo) throw notFound('late objection');
    assessmentPolicy.authorize(ctx.actor, null, 'decideLate');
    if (!reason) throw invalid('reason', 'error.reasonRequired');
    if (lo.status !== 'pending') throw conflict('error.alreadyDecided');
    const now = ctx.clock.now();
    const round = await findRound(trx, mId, lo.round_id, true); // round before party, as everywhere
    const party = await findParty(trx, mId, lo.party_id, true);
    if (!party || !round) throw notFound('late objection');
    let reopenedUntil: string | null = null;
    let m: Awaited<ReturnType<typeof getMunicipality>> | undefined;
    if (o.decision === 'admit') {
      m = await getMunicipality(trx, mId);
      reopenedUntil = addWorkingDays(calendarOf(m), dutchDate(now), REOPEN_WORKING_DAYS);
      await setCurrentAnswer(trx, mId, party.id, lo.answer_id, reopenedUntil);
    }
    const updated = await trx
      .updateTable('late_objections')
      .set({
        status: o.decision === 'admit' ? 'admitted' : 'setAside',
        decided_by: ctx.actor.userId,
        decided_at: now,
        decision_reason: reason,
        reopened_until: reopenedUntil,
        // What the party had said until now stays in the consolidated outcome (queries.consolidatedOutcome).
        previous_answer_id: o.decision === 'admit' ? party.current_answer_id : null,
      })
      .where('municipality_id', '=', mId)
      .where('id', '=', lo.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      caseId: lo.case_id,
      at: now,
      visibility: 'internal',
      event: {
        type: 'assessment.lateObjectionDecided',
        payload: { lateObjectionId: lo.id, partyName: party.name, decision: o.decision, reason, reopenedUntil },
      },
    });
    // Late objection (docs/product.md#late-objection): whoever raised it and the director hear the decision and its reason.
    const c = await findCase(trx, mId, lo.case_id);
    if (!c) throw notFound('late objection');
    await mailLateDecision(trx, ctx.config.publicUrl, {
      municipalityId: mId,
      municipality: (m ?? (await getMunicipality(trx, mId))).name,
      c,
      party,
      decision: o.decision,
      reason,
      by: ctx.actor.name,
      reopenedUntil,
    });
    // A serial objection admitted while its round is still open may be the last answer.
    if (o.decision === 'admit' && round.closed_at === null) await closeIfAllAnswered(trx, round, now, ctx.actor.userId, ctx.config.publicUrl);
    const [row] = (await lateObjectionRows(trx, mId, { caseId: updated.case_id })).filter((r) => r.id === updated.id);
    return row as LateObjectionListRow;
  });
}
