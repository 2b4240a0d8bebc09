// Plan use-cases: save a version, agree to it, mark actions done. Agreement of both
// parties to the same version moves a planning case to executing.

import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, invalid, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { standingObjections } from '../assessments/index.js';
import { applyTransition, casePolicy, forPolicy, loadCaseFor, mailInitiator } from '../cases/index.js';
import { loadMandates, type MandateDecision, mandatesHeldBy } from '../mandates/index.js';
import { mails } from '../notifications/index.js';
import { onPlanAgreed as answerRespondents } from '../participation/index.js';
import { onPlanAgreed as surveyAtPlanAgreement } from '../satisfaction/index.js';
import { recordEvent } from '../timeline/index.js';
import {
  type ActionOwnerKind,
  type ActionStatus,
  actionOwnerProblem,
  isAgreed,
  isFrozen,
  missingMandateWords,
  type PlanCommitments,
  planAgreementBlock,
  planMandateCheck,
} from './model.js';

export interface PlanActionInput {
  description: string;
  ownerKind: ActionOwnerKind;
  ownerDepartmentId?: string | null;
  ownerName?: string | null;
  dueOn: string;
  status?: ActionStatus;
}

/** The newest plan version of a case, locked when asked. */
function latestPlan(trx: Tx, c: Pick<CaseRow, 'municipality_id' | 'id'>, lock = false) {
  const q = trx
    .selectFrom('plans')
    .selectAll()
    .where('municipality_id', '=', c.municipality_id)
    .where('case_id', '=', c.id)
    .orderBy('version', 'desc')
    .limit(1);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Every plan version of a case with its actions, newest first (read by the dossier in its own transaction). */
export async function loadVersions(trx: Tx, mId: string, caseId: string) {
  const plans = await trx.selectFrom('plans').selectAll().where('municipality_id', '=', mId).where('case_id', '=', caseId).orderBy('version', 'desc').execute();
  const actions = plans.length
    ? await trx
        .selectFrom('plan_actions as a')
        .leftJoin('departments as d', 'd.id', 'a.owner_department_id')
        .selectAll('a')
        .select('d.name as owner_department_name')
        .where('a.municipality_id', '=', mId)
        .where(
          'a.plan_id',
          'in',
          plans.map((p) => p.id),
        )
        .orderBy('a.position')
        .execute()
    : [];
  return plans.map((p) => ({
    ...p,
    agreed: isAgreed({ initiatorAgreedAt: p.initiator_agreed_at, directorAgreedAt: p.director_agreed_at }),
    actions: actions.filter((a) => a.plan_id === p.id),
  }));
}

/**
 * Whether the plan may be agreed now (docs/product.md#a-standing-objection): not while an objection
 * in the assessment stands. The parties whose objections stand, by name.
 */
async function agreementBlock(trx: Tx, c: Pick<CaseRow, 'municipality_id' | 'id'>) {
  const standing = await standingObjections(trx, c.municipality_id, c.id);
  const parties = [...new Set(standing.map((o) => o.partyName))];
  return { blockedBy: planAgreementBlock(standing.length), parties };
}

const commitmentsOf = (p: { commits_cents: string | number | bigint | null; exemption_rule_codes: string[] }): PlanCommitments => ({
  amountCents: p.commits_cents === null ? null : Number(p.commits_cents),
  exemptionRuleCodes: p.exemption_rule_codes,
});

/** The mandates the actor holds that cover agreeing this plan today, and what none covers. */
async function directorMandateCheck(
  trx: Tx,
  actor: Actor,
  plan: { commits_cents: string | number | bigint | null; exemption_rule_codes: string[] },
  today: string,
) {
  const commitments = commitmentsOf(plan);
  if (!commitments.amountCents && !commitments.exemptionRuleCodes.length) return { used: [], missing: [] as MandateDecision[] };
  const held = mandatesHeldBy({ userId: actor.userId, role: actor.role }, await loadMandates(trx, actor.municipalityId));
  return planMandateCheck(held, commitments, today);
}

/** The plan of a case: every version, newest first; `current` is the newest; what the actor may do with it and why not. */
export async function getPlan(ctx: Ctx, caseId: string) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'view');
    const versions = await loadVersions(trx, c.municipality_id, c.id);
    const current = versions[0] ?? null;
    const block = await agreementBlock(trx, c);
    const as = ctx.actor.role === 'initiator' ? 'agreeAsInitiator' : 'agreeAsDirector';
    const agreedAlready = current && (as === 'agreeAsInitiator' ? current.initiator_agreed_at : current.director_agreed_at);
    const agree = casePolicy.can(ctx.actor, forPolicy(c), as) && current !== null && !agreedAlready && block.blockedBy === null;
    // Why the actor cannot agree as the municipality, when a mandate is what is missing.
    const missingMandates =
      current && !current.director_agreed_at && casePolicy.can(ctx.actor, forPolicy(c), 'agreeAsDirector')
        ? (await directorMandateCheck(trx, ctx.actor, current, dutchDate(ctx.clock.now()))).missing
        : [];
    return {
      caseId: c.id,
      caseVersion: c.version,
      current,
      agreedVersion: versions.find((v) => v.agreed)?.version ?? null,
      versions,
      missingMandates,
      abilities: { agree, agreeBlockedBy: block.blockedBy, standingObjectionsOf: block.parties },
    };
  });
}

/**
 * Save the plan. The newest version is edited in place while nobody agreed to it;
 * once someone did, the change becomes a new version (the old one stays readable).
 * `ifMatch` is the plan version the editor saw (0 when there was none).
 */
export async function savePlan(
  ctx: Ctx,
  opts: { caseId: string; goal: string; actions: PlanActionInput[]; commitsCents?: number | null; exemptionRuleCodes?: string[]; ifMatch?: VersionCondition },
) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'editPlan', { lock: true });
    opts.actions.forEach((a, i) => {
      const problem = actionOwnerProblem(a);
      if (problem) throw invalid(`actions.${i}.${problem}`, 'error.required');
    });
    const deptIds = [...new Set(opts.actions.map((a) => a.ownerDepartmentId).filter((d): d is string => !!d))];
    if (deptIds.length) {
      const found = await trx.selectFrom('departments').select('id').where('municipality_id', '=', c.municipality_id).where('id', 'in', deptIds).execute();
      if (found.length !== deptIds.length) throw invalid('actions', 'error.unknownDepartment');
    }
    const exemptions = [...new Set(opts.exemptionRuleCodes ?? [])];
    if (exemptions.length) {
      const found = await trx.selectFrom('rules').select('code').where('municipality_id', '=', c.municipality_id).where('code', 'in', exemptions).execute();
      const unknown = exemptions.find((code) => !found.some((r) => r.code === code));
      if (unknown) throw invalid('exemptionRuleCodes', 'error.exemptionRuleUnknown', { code: unknown });
    }
    const commitments = { commits_cents: opts.commitsCents || null, exemption_rule_codes: exemptions };
    const latest = await latestPlan(trx, c);
    if (!versionMatches(opts.ifMatch, latest?.version ?? 0)) throw staleVersion();
    const frozen = latest ? isFrozen({ initiatorAgreedAt: latest.initiator_agreed_at, directorAgreedAt: latest.director_agreed_at }) : true;
    let planId: string;
    let version: number;
    if (latest && !frozen) {
      planId = latest.id;
      version = latest.version;
      await trx
        .updateTable('plans')
        .set({ goal: opts.goal, ...commitments, updated_at: ctx.clock.now() })
        .where('municipality_id', '=', c.municipality_id)
        .where('id', '=', planId)
        .execute();
      await trx.deleteFrom('plan_actions').where('municipality_id', '=', c.municipality_id).where('plan_id', '=', planId).execute();
    } else {
      version = (latest?.version ?? 0) + 1;
      const row = await trx
        .insertInto('plans')
        .values({
          municipality_id: c.municipality_id,
          case_id: c.id,
          version,
          goal: opts.goal,
          ...commitments,
          created_by: ctx.actor.userId,
          created_at: ctx.clock.now(),
          updated_at: ctx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planId = row.id;
    }
    if (opts.actions.length) {
      await trx
        .insertInto('plan_actions')
        .values(
          opts.actions.map((a, i) => ({
            municipality_id: c.municipality_id,
            plan_id: planId,
            position: i + 1,
            description: a.description,
            owner_kind: a.ownerKind,
            owner_department_id: a.ownerKind === 'department' ? (a.ownerDepartmentId ?? null) : null,
            owner_name: a.ownerKind === 'external' ? (a.ownerName ?? null) : null,
            due_on: a.dueOn,
            status: a.status ?? 'open',
          })),
        )
        .execute();
    }
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'plan.versionSaved', payload: { planId, version, goal: opts.goal, actionCount: opts.actions.length } },
    });
    return { planId, version };
  });
}

/** One party agrees to one version. Both on the newest version: the case executes. */
export async function agreePlan(ctx: Ctx, opts: { caseId: string; version: number }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const as = ctx.actor.role === 'initiator' ? 'initiator' : 'director';
    const c = await loadCaseFor(trx, ctx, opts.caseId, as === 'initiator' ? 'agreeAsInitiator' : 'agreeAsDirector', { lock: true });
    const plan = await latestPlan(trx, c, true);
    if (!plan) throw notFound('plan');
    // Agreeing to anything but the newest version would agree to something outdated.
    if (plan.version !== opts.version) throw staleVersion();
    const already = as === 'initiator' ? plan.initiator_agreed_at : plan.director_agreed_at;
    if (already) throw conflict('error.alreadyAgreed');
    // A standing objection blocks agreement, and so the way to executing (docs/product.md#a-standing-objection).
    const block = await agreementBlock(trx, c);
    if (block.blockedBy) throw new AppError(409, 'standing-objection', 'error.standingObjection', { parties: block.parties.join(', ') });
    const now = ctx.clock.now();
    // docs/product.md#agreeing-a-plan-within-mandate: the municipality's agreement to a
    // plan that commits it needs a mandate in force today that covers all of it.
    let mandateIds: string[] = [];
    if (as === 'director') {
      const check = await directorMandateCheck(trx, ctx.actor, plan, dutchDate(now));
      if (check.missing.length) throw new AppError(403, 'forbidden', 'error.planNeedsMandate', missingMandateWords(check.missing));
      mandateIds = check.used.map((m) => m.id);
    }
    const updated = await trx
      .updateTable('plans')
      .set(as === 'initiator' ? { initiator_agreed_at: now } : { director_agreed_at: now, director_agreed_by: ctx.actor.userId })
      .where('municipality_id', '=', c.municipality_id)
      .where('id', '=', plan.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const complete = isAgreed({ initiatorAgreedAt: updated.initiator_agreed_at, directorAgreedAt: updated.director_agreed_at });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'plan.agreed', payload: { planId: plan.id, version: plan.version, by: as, complete, ...(mandateIds.length ? { mandateIds } : {}) } },
    });
    // docs/product.md#answers-when-the-plan-is-agreed: the respondents hear what is done with their interests.
    if (complete) await answerRespondents(trx, ctx, c.id);
    if (complete && c.status === 'planning') {
      await applyTransition(trx, ctx, c, 'executing', null, true);
    } else if (!complete && as === 'director') {
      // The director agreed first: the initiator is asked by mail.
      await mailInitiator(trx, ctx, c, (l, p) => mails.planAwaitsAgreement(l, { ...p, version: plan.version }));
    }
    // Where the municipality asks at plan agreement too, the initiator gets the survey (docs/product.md#the-report-mark).
    if (complete) await surveyAtPlanAgreement(trx, ctx, c);
    return { version: plan.version, complete };
  });
}

/** Progress on an action (done, dropped) does not change the agreed plan's content. */
export async function setActionStatus(ctx: Ctx, opts: { caseId: string; actionId: string; status: ActionStatus }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'editPlan', { lock: true });
    const action = await trx
      .selectFrom('plan_actions as a')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .selectAll('a')
      .where('a.municipality_id', '=', c.municipality_id)
      .where('p.case_id', '=', c.id)
      .where('a.id', '=', opts.actionId)
      .executeTakeFirst();
    if (!action) throw notFound('action');
    if (action.status === opts.status) throw new AppError(409, 'conflict', 'error.noChange');
    await trx.updateTable('plan_actions').set({ status: opts.status }).where('municipality_id', '=', c.municipality_id).where('id', '=', action.id).execute();
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'plan.actionStatusChanged', payload: { actionId: action.id, description: action.description, from: action.status, to: opts.status } },
    });
  });
}
