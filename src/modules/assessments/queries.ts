// Reading the assessment: a case's rounds with their parties and answers, the
// consolidated outcome per party (docs/product.md#one-consolidated-outcome), and the specialist's
// inbox (docs/product.md#workspaces).
import { dutchDate } from '../../kernel/clock.js';
import { notFound } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { findCase, forPolicy, loadCaseFor } from '../cases/index.js';
import { loadMandates } from '../mandates/index.js';
import { type AnswerView, loadRoundGraph } from './graph.js';
import { type ObjectionEntry, type OutcomeEntry, outcomeWithResolutions, partyKey, type RoundSummary, roundSummary } from './model.js';
import { assessmentPolicy, type PartyAbilities, partyAbilities } from './policy.js';
import { latestLateObjections } from './repo.js';

export type { AnswerView, OverruleMandateView, OverruleView, WithdrawalView } from './graph.js';

export interface PartyView {
  id: string;
  kind: 'department' | 'outside';
  departmentId: string | null;
  name: string;
  email: string | null;
  organisation: string | null;
  answer: AnswerView | null;
  /** the answers it had when a late objection of it was admitted: still part of the outcome (graph.earlierAnswers) */
  earlierAnswers: AnswerView[];
  lateObjection: { id: string; status: 'pending' | 'admitted' | 'setAside' } | null;
  reopenedUntil: string | null;
  /** another municipality's department (docs/product.md#another-municipalitys-department-in-a-round) */
  shared: boolean;
  returnedAt: Date | null;
  abilities: PartyAbilities;
}

export interface RoundView {
  id: string;
  number: number;
  proposal: string;
  openedOn: string;
  termEndsOn: string;
  termWorkingDays: number;
  closedAt: Date | null;
  closedReason: 'allAnswered' | 'termEnded' | null;
  status: 'open' | 'closed';
  sameProposalAs: string | null;
  parties: PartyView[];
  abilities: { openFollowUp: boolean };
}

export type OutcomeItem = OutcomeEntry<AnswerView>;
export type ObjectionItem = ObjectionEntry<AnswerView>;

/** The rounds of a case as `actor` may see them. The initiator sees closed rounds only, without e-mail addresses. */
export async function roundViews(trx: Tx, actor: Actor, c: CaseRow, today: string): Promise<RoundView[]> {
  const mId = c.municipality_id;
  const internal = assessmentPolicy.viewInternal(actor, forPolicy(c));
  const g = await loadRoundGraph(trx, mId, c.id, { closedOnly: !internal });
  const late = internal
    ? await latestLateObjections(
        trx,
        mId,
        g.rounds.flatMap((r) => g.partiesOf(r.id).map((p) => p.id)),
      )
    : new Map();
  const mandates = internal && assessmentPolicy.overrule(actor, forPolicy(c)) ? await loadMandates(trx, mId) : [];
  const openFollowUp = assessmentPolicy.openRound(actor, forPolicy(c));
  return g.rounds.map((r) => ({
    id: r.id,
    number: r.number,
    proposal: r.proposal,
    openedOn: r.opened_on,
    termEndsOn: r.term_ends_on,
    termWorkingDays: r.term_working_days,
    closedAt: r.closed_at,
    closedReason: r.closed_reason,
    status: r.closed_at === null ? 'open' : 'closed',
    sameProposalAs: r.same_proposal_as,
    abilities: { openFollowUp },
    parties: g.partiesOf(r.id).map((p): PartyView => {
      const cur = g.current(p);
      const lo = late.get(p.id);
      return {
        id: p.id,
        kind: p.kind,
        departmentId: p.department_id,
        name: p.name,
        email: internal ? p.email : null,
        organisation: p.organisation,
        answer: g.answerView(p),
        earlierAnswers: g.earlierAnswers(p),
        lateObjection: lo ? { id: lo.id, status: lo.status } : null,
        reopenedUntil: p.reopened_until,
        shared: p.agreement_id !== null,
        returnedAt: p.returned_at,
        abilities: partyAbilities(
          actor,
          forPolicy(c),
          {
            party: { municipalityId: mId, kind: p.kind, departmentId: p.department_id, reopenedUntil: p.reopened_until },
            round: { closedAt: r.closed_at, termEndsOn: r.term_ends_on },
            answer: cur
              ? { kind: cur.answer.kind, rules: cur.answer.rules, overruled: Boolean(cur.overrule), withdrawn: Boolean(g.answerView(p)?.withdrawal) }
              : null,
            latePending: lo?.status === 'pending',
          },
          mandates,
          today,
        ),
      };
    }),
  }));
}

/** What the outcome needs of a party in a round: who it is and its answers there. */
type OutcomeParty = Pick<PartyView, 'id' | 'kind' | 'departmentId' | 'email' | 'name' | 'answer' | 'earlierAnswers'>;

/**
 * Every condition and every objection, per party (docs/product.md#one-consolidated-outcome): the answers of its
 * latest round — its current answer, and before it the answers it had when a late
 * objection of it was admitted. An admitted late objection adds to what the party said;
 * only the party itself takes back an objection or condition (by amending or withdrawing
 * it), so admitting one never erases another. Every objection carries its state
 * (docs/product.md#a-standing-objection): standing, or resolved by an overrule, a withdrawal or a
 * new round; an overrule stays in the outcome across rounds (model.outcomeWithResolutions).
 */
export function consolidatedOutcome(rounds: readonly { id: string; number: number; parties: readonly OutcomeParty[] }[]): {
  conditions: OutcomeItem[];
  objections: ObjectionItem[];
} {
  return outcomeWithResolutions(
    rounds.flatMap((r) =>
      r.parties.flatMap((p) =>
        p.answer
          ? [{ roundId: r.id, roundNumber: r.number, partyId: p.id, partyName: p.name, answers: [...p.earlierAnswers, p.answer], partyKey: partyKey(p) }]
          : [],
      ),
    ),
  );
}

/** The summary the case page leads with (model.roundSummary): the latest round the reader sees, and what stands. */
export function assessmentSummary(
  rounds: readonly { number: number; status: 'open' | 'closed'; parties: readonly { answer: { kind: AnswerView['kind'] } | null }[] }[],
  outcome: { objections: readonly { standing: boolean }[] },
): RoundSummary {
  const latest = rounds.reduce<(typeof rounds)[number] | null>((a, r) => (!a || r.number > a.number ? r : a), null);
  return roundSummary(
    latest && { number: latest.number, closed: latest.status === 'closed', answers: latest.parties.map((p) => p.answer?.kind ?? null) },
    outcome.objections.filter((o) => o.standing).length,
  );
}

/**
 * The objections that stand on a case (docs/product.md#a-standing-objection), over every round, open
 * ones included, inside the caller's transaction: while one stands the plan is not agreed.
 */
export async function standingObjections(trx: Tx, municipalityId: string, caseId: string): Promise<ObjectionItem[]> {
  const g = await loadRoundGraph(trx, municipalityId, caseId);
  const rounds = g.rounds.map((r) => ({
    id: r.id,
    number: r.number,
    parties: g.partiesOf(r.id).map((p) => ({
      id: p.id,
      kind: p.kind,
      departmentId: p.department_id,
      email: p.email,
      name: p.name,
      answer: g.answerView(p),
      earlierAnswers: g.earlierAnswers(p),
    })),
  }));
  return consolidatedOutcome(rounds).objections.filter((o) => o.standing);
}

export async function getCaseAssessment(ctx: Ctx, caseId: string) {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'view');
    const rounds = await roundViews(trx, ctx.actor, c, dutchDate(ctx.clock.now()));
    // Late objections are internal: the initiator sees the outcome, not the procedure.
    const late = assessmentPolicy.viewInternal(ctx.actor, forPolicy(c)) ? await lateObjectionRows(trx, mId, { caseId: c.id }) : [];
    const outcome = consolidatedOutcome(rounds);
    return {
      c,
      rounds,
      outcome,
      summary: assessmentSummary(rounds, outcome),
      late,
      abilities: { openRound: assessmentPolicy.openRound(ctx.actor, forPolicy(c)) },
    };
  });
}

/** One party as the actor sees it (the answer of PUT answer and POST overrule). */
export async function getPartyView(ctx: Ctx, partyId: string): Promise<PartyView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const p = await trx
      .selectFrom('assessment_parties as p')
      .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
      .select('r.case_id')
      .where('p.municipality_id', '=', mId)
      .where('p.id', '=', partyId)
      .executeTakeFirst();
    const c = p && (await findCase(trx, mId, p.case_id));
    if (!c) throw notFound('assessment party');
    const rounds = await roundViews(trx, ctx.actor, c, dutchDate(ctx.clock.now()));
    const party = rounds.flatMap((r) => r.parties).find((x) => x.id === partyId);
    if (!party) throw notFound('assessment party');
    return party;
  });
}

/** A specialist's inbox: the requests to their department, open rounds first, then by term end. */
export async function assessmentRequests(ctx: Ctx) {
  assessmentPolicy.authorize(ctx.actor, null, 'inbox');
  const mId = ctx.actor.municipalityId;
  const dept = ctx.actor.departmentId;
  if (!dept) return [];
  return ctx.db.tenant(mId, async (trx) => {
    const rows = await trx
      .selectFrom('assessment_parties as p')
      .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select([
        'p.id as party_id',
        'p.current_answer_id',
        'p.reopened_until',
        'r.id as round_id',
        'r.number as round_number',
        'r.proposal',
        'r.term_ends_on',
        'r.closed_at',
        'c.id as case_id',
        'c.reference',
        'c.title',
      ])
      .where('p.municipality_id', '=', mId)
      .where('p.kind', '=', 'department')
      .where('p.department_id', '=', dept)
      .orderBy((eb) => eb.case().when('r.closed_at', 'is', null).then(0).else(1).end())
      .orderBy('r.term_ends_on')
      .orderBy('r.id')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      partyId: r.party_id,
      roundId: r.round_id,
      caseId: r.case_id,
      caseReference: r.reference,
      caseTitle: r.title,
      proposal: r.proposal,
      termEndsOn: r.term_ends_on,
      roundNumber: r.round_number,
      status: r.closed_at === null ? ('open' as const) : ('closed' as const),
      answered: r.current_answer_id !== null,
      reopenedUntil: r.reopened_until,
    }));
  });
}

/** Late objections with what the list and the case page show about them. */
export function lateObjectionRows(trx: Tx, mId: string, o: { status?: 'pending' | 'admitted' | 'setAside'; directorId?: string; caseId?: string }) {
  let q = trx
    .selectFrom('late_objections as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('assessment_rounds as r', 'r.id', 'l.round_id')
    .innerJoin('assessment_parties as p', 'p.id', 'l.party_id')
    .innerJoin('assessment_answers as a', 'a.id', 'l.answer_id')
    .leftJoin('assessment_rounds as sr', 'sr.id', 'l.serial_of_round_id')
    .leftJoin('users as d', 'd.id', 'l.decided_by')
    .selectAll('l')
    .select([
      'c.reference as case_reference',
      'c.title as case_title',
      'r.number as round_number',
      'p.name as party_name',
      'sr.number as serial_of_round_number',
      'a.rules',
      'a.why_applies',
      'a.how_it_could_be_done',
      'a.answered_at',
      'a.answered_by_name',
      'd.name as decided_by_name',
    ])
    .where('l.municipality_id', '=', mId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .limit(500);
  if (o.status) q = q.where('l.status', '=', o.status);
  if (o.directorId) q = q.where('c.director_id', '=', o.directorId);
  if (o.caseId) q = q.where('l.case_id', '=', o.caseId);
  return q.execute();
}
export type LateObjectionListRow = Awaited<ReturnType<typeof lateObjectionRows>>[number];

/**
 * The assessment of a case for the dossier PDF, inside the caller's read transaction:
 * every round with, per party, its current answer and overrule, and the case's late
 * objections. A staff view (the dossier is for staff); no abilities.
 */
export async function caseAssessmentForDossier(trx: Tx, municipalityId: string, caseId: string) {
  const g = await loadRoundGraph(trx, municipalityId, caseId);
  const late = await lateObjectionRows(trx, municipalityId, { caseId });
  return {
    rounds: g.rounds.map((r) => ({
      id: r.id,
      number: r.number,
      proposal: r.proposal,
      openedOn: r.opened_on,
      termEndsOn: r.term_ends_on,
      closedAt: r.closed_at,
      closedReason: r.closed_reason,
      sameProposalAs: r.same_proposal_as,
      parties: g.partiesOf(r.id).map((p) => {
        const a = g.answerView(p);
        return {
          id: p.id,
          kind: p.kind,
          departmentId: p.department_id,
          name: p.name,
          organisation: p.organisation,
          answer: a && {
            kind: a.kind,
            conditions: a.conditions,
            rules: a.rules,
            whyApplies: a.whyApplies,
            howItCouldBeDone: a.howItCouldBeDone,
            answeredAt: a.answeredAt,
            answeredByName: a.answeredBy.name,
            late: a.late,
            asOf: a.asOf,
            amendments: a.amendments,
            withdrawal: a.withdrawal && { reason: a.withdrawal.reason, withdrawnByName: a.withdrawal.by.name, createdAt: a.withdrawal.at },
            overrule: a.overrule && {
              reason: a.overrule.reason,
              overruledByName: a.overrule.by.name,
              mandateIds: a.overrule.mandateIds,
              mandates: a.overrule.mandates,
              createdAt: a.overrule.at,
            },
          },
        };
      }),
    })),
    lateObjections: late.map((l) => ({
      partyName: l.party_name,
      roundNumber: l.round_number,
      cause: l.cause,
      status: l.status,
      decidedByName: l.decided_by_name,
      decidedAt: l.decided_at,
      decisionReason: l.decision_reason,
      createdAt: l.created_at,
      answer: { rules: l.rules, whyApplies: l.why_applies, howItCouldBeDone: l.how_it_could_be_done },
    })),
  };
}
