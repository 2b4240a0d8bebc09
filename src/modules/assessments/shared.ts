// Another municipality's department as a party in an assessment round
// (docs/product.md#another-municipalitys-department-in-a-round): the provider's
// specialists see exactly the requests to their department under an agreement in force,
// with the minimum of the case the request needs, and answer citing the rules register
// of the municipality whose case it is, through the same submitAnswer as their own
// departments. Row-level security admits the provider's session to these rows only
// through an agreement in force (docs/architecture.md#across-municipalities); the
// queries here check the same thing themselves. Ending the agreement returns the open
// requests to the requesting municipality (docs/product.md#ending-a-sharing-agreement).
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { VersionCondition } from '../../kernel/preconditions.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { caseLink } from '../../platform/links.js';
import { enqueueMails } from '../../platform/mail/outbox.js';
import {
  type AgreementRow,
  type AgreementView,
  agreementNamesByIds,
  agreementsInForceAsProvider,
  agreementsInForceByIds,
  agreementView,
  domainInScope,
  endAgreementIn,
  enterReceiver,
  enterSharedParty,
  recordCrossAccess,
  returnHome,
} from '../intermunicipal/index.js';
import { mails } from '../notifications/index.js';
import { recordEvent } from '../timeline/index.js';
import { answerWindowOpen } from './model.js';
import { assessmentPolicy } from './policy.js';
import { activeCoordinators, type CitedRuleSnapshot, type RoundRow, UUID } from './repo.js';
import { type AnswerInput, lockForAnswer } from './service.js';
import { closeIfAllAnswered, type SubmitOutcome, submitAnswer } from './submit.js';

const todayOf = (ctx: Ctx): IsoDate => dutchDate(ctx.clock.now());

/** The agreements in force today under which the specialist's department provides. */
async function agreementsForDepartment(trx: Tx, ctx: Ctx): Promise<AgreementRow[]> {
  const dept = ctx.actor.departmentId;
  if (!dept) return [];
  return (await agreementsInForceAsProvider(trx, ctx.actor.municipalityId, todayOf(ctx))).filter((a) => a.department_ids.includes(dept));
}

/**
 * The shared requests the specialist may see: their department's parties under those
 * agreements, not returned. The case comes from the minimum view only: reference,
 * title, description and location; never the initiator. The view is read once, for the
 * listed cases only, so a listing reads what it shows and not the whole installation
 * (docs/performance.md, "Beoordeling met een andere gemeente"); a party whose case the
 * view does not give is not listed.
 */
async function sharedRows(trx: Tx, ctx: Ctx, agreements: readonly AgreementRow[], partyId?: string) {
  const parties = await sharedPartiesQuery(trx, ctx, agreements, partyId).execute();
  if (!parties.length) return [];
  const cases = new Map((await sharedCasesQuery(trx, [...new Set(parties.map((p) => p.case_id))]).execute()).map((c) => [c.id, c]));
  return parties.flatMap((p) => {
    const c = cases.get(p.case_id);
    return c ? [{ ...p, reference: c.reference, title: c.title, description: c.description, location: c.location }] : [];
  });
}

/** The specialist's shared parties with their rounds, open rounds first (the first query of `sharedRows`). */
export function sharedPartiesQuery(trx: Tx, ctx: Ctx, agreements: readonly AgreementRow[], partyId?: string) {
  let q = trx
    .selectFrom('assessment_parties as p')
    .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
    .select([
      'p.id as party_id',
      'p.municipality_id',
      'p.agreement_id',
      'p.department_id',
      'p.name as party_name',
      'p.current_answer_id',
      'p.reopened_until',
      'r.id as round_id',
      'r.number as round_number',
      'r.proposal',
      'r.opened_on',
      'r.term_ends_on',
      'r.closed_at',
      'r.case_id',
    ])
    .where('p.provider_municipality_id', '=', ctx.actor.municipalityId)
    .where('p.department_id', '=', ctx.actor.departmentId as string)
    .where(
      'p.agreement_id',
      'in',
      agreements.map((a) => a.id),
    )
    .where('p.returned_at', 'is', null);
  if (partyId) q = q.where('p.id', '=', partyId);
  return q
    .orderBy((eb) => eb.case().when('r.closed_at', 'is', null).then(0).else(1).end())
    .orderBy('r.term_ends_on')
    .orderBy('p.id')
    .limit(500);
}

/** The minimum of these cases, as far as the view gives it (the second query of `sharedRows`). */
export function sharedCasesQuery(trx: Tx, caseIds: readonly string[]) {
  return trx
    .selectFrom('shared_case_minimum as c')
    .select(['c.id', 'c.reference', 'c.title', 'c.description', 'c.location'])
    .where('c.id', 'in', [...caseIds]);
}

/** Each read is in the access audit of both municipalities, in one statement. */
async function audit(trx: Tx, ctx: Ctx, rows: readonly { municipality_id: string; case_id: string | null }[]) {
  const byReceiver = new Map<string, string[]>();
  for (const r of rows) {
    const caseIds = byReceiver.get(r.municipality_id) ?? [];
    caseIds.push(r.case_id as string);
    byReceiver.set(r.municipality_id, caseIds);
  }
  await recordCrossAccess(
    trx,
    ctx,
    [...byReceiver].map(([receiverMunicipalityId, caseIds]) => ({ receiverMunicipalityId, caseIds })),
  );
}

/** The provider's specialist's list of requests from other municipalities, open rounds first. */
export async function sharedRequests(ctx: Ctx) {
  assessmentPolicy.authorize(ctx.actor, null, 'inbox');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const agreements = await agreementsForDepartment(trx, ctx);
    if (!agreements.length) return [];
    const rows = await sharedRows(trx, ctx, agreements);
    await audit(trx, ctx, rows);
    const from = new Map(agreements.map((a) => [a.id, a.receiver_name]));
    return rows.map((r) => ({
      partyId: r.party_id,
      municipalityName: from.get(r.agreement_id as string) ?? '',
      caseReference: r.reference as string,
      caseTitle: r.title as string,
      proposal: r.proposal,
      termEndsOn: r.term_ends_on,
      roundNumber: r.round_number,
      status: r.closed_at === null ? ('open' as const) : ('closed' as const),
      answered: r.current_answer_id !== null,
    }));
  });
}

export interface SharedRequestView {
  partyId: string;
  partyName: string;
  municipalityName: string;
  case: { reference: string; title: string; description: string; location: string };
  round: { number: number; proposal: string; openedOn: IsoDate; termEndsOn: IsoDate; status: 'open' | 'closed' };
  answer: {
    kind: 'yes' | 'yesWithConditions' | 'objection' | 'silence';
    conditions: string | null;
    rules: CitedRuleSnapshot[];
    whyApplies: string | null;
    howItCouldBeDone: string | null;
    answeredAt: Date;
    answeredByName: string;
    late: boolean;
  } | null;
  /** the receiving municipality's rules in force today, within the agreement's domains */
  rules: { id: string; code: string; title: string; legalSource: string; domain: string; strict: boolean }[];
  abilities: { answer: boolean };
}

/** One shared request as the provider's specialist sees it, with the rules they may cite. */
export async function getSharedRequest(ctx: Ctx, partyId: string): Promise<SharedRequestView> {
  assessmentPolicy.authorize(ctx.actor, null, 'inbox');
  if (!UUID.test(partyId)) throw notFound('shared request');
  const mId = ctx.actor.municipalityId;
  const today = todayOf(ctx);
  return ctx.db.tenant(mId, async (trx) => {
    const agreements = await agreementsForDepartment(trx, ctx);
    const [r] = agreements.length ? await sharedRows(trx, ctx, agreements, partyId) : [];
    if (!r) throw notFound('shared request');
    await audit(trx, ctx, [r]);
    const agreement = agreements.find((a) => a.id === r.agreement_id) as AgreementRow;
    const answer = r.current_answer_id
      ? await trx
          .selectFrom('assessment_answers')
          .selectAll()
          .where('municipality_id', '=', r.municipality_id)
          .where('id', '=', r.current_answer_id)
          .executeTakeFirst()
      : undefined;
    const rules = (
      await trx
        .selectFrom('rules')
        .select(['id', 'code', 'title', 'legal_source', 'domain', 'strict'])
        .where('municipality_id', '=', r.municipality_id)
        .where('valid_from', '<=', today)
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
        .orderBy('code')
        .execute()
    ).filter((x) => domainInScope(agreement.rule_domains, x.domain));
    const open = answerWindowOpen({ closedAt: r.closed_at, termEndsOn: r.term_ends_on }, r.reopened_until, today);
    const party = { providerMunicipalityId: mId, departmentId: r.department_id };
    return {
      partyId: r.party_id,
      partyName: r.party_name,
      municipalityName: agreement.receiver_name,
      case: { reference: r.reference as string, title: r.title as string, description: r.description as string, location: r.location as string },
      round: {
        number: r.round_number,
        proposal: r.proposal,
        openedOn: r.opened_on,
        termEndsOn: r.term_ends_on,
        status: r.closed_at === null ? 'open' : 'closed',
      },
      answer: answer
        ? {
            kind: answer.kind,
            conditions: answer.conditions,
            rules: answer.rules,
            whyApplies: answer.why_applies,
            howItCouldBeDone: answer.how_it_could_be_done,
            answeredAt: answer.answered_at,
            answeredByName: answer.answered_by_name,
            late: answer.late,
          }
        : null,
      rules: rules.map((x) => ({ id: x.id, code: x.code, title: x.title, legalSource: x.legal_source, domain: x.domain, strict: x.strict })),
      // While the window is open the answer may be amended; after it only an objection, which goes the late path (submitAnswer decides).
      abilities: { answer: assessmentPolicy.answerShared(ctx.actor, party) && (open || r.current_answer_id !== null) },
    };
  });
}

/**
 * The provider's specialist answers a shared request: checked here against the
 * agreements in force and the agreement's rule domains, then the transaction enters the
 * case's municipality through the database's gate (it refuses without an agreement in
 * force) and records the answer exactly as for the municipality's own departments.
 */
export async function answerSharedRequest(ctx: Ctx, o: { partyId: string; answer: AnswerInput }): Promise<SubmitOutcome> {
  assessmentPolicy.authorize(ctx.actor, null, 'inbox');
  if (!UUID.test(o.partyId)) throw notFound('shared request');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const agreements = await agreementsForDepartment(trx, ctx);
    const [r] = agreements.length ? await sharedRows(trx, ctx, agreements, o.partyId) : [];
    if (!r) throw notFound('shared request');
    assessmentPolicy.authorize(ctx.actor, { providerMunicipalityId: mId, departmentId: r.department_id }, 'answerShared');
    const agreement = agreements.find((a) => a.id === r.agreement_id) as AgreementRow;
    const ruleIds = (o.answer.ruleIds ?? []).filter((id) => UUID.test(id));
    if (ruleIds.length && agreement.rule_domains.length) {
      const cited = await trx
        .selectFrom('rules')
        .select(['id', 'domain'])
        .where('municipality_id', '=', r.municipality_id)
        .where('id', 'in', ruleIds)
        .execute();
      if (cited.some((x) => !domainInScope(agreement.rule_domains, x.domain))) {
        throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'ruleIds', key: 'error.ruleOutsideAgreement' }]);
      }
    }
    await audit(trx, ctx, [r]);
    const receiver = await enterSharedParty(trx, o.partyId);
    const found = { id: r.party_id, round_id: r.round_id } as Parameters<typeof lockForAnswer>[2];
    const { round, party, c, m } = await lockForAnswer(trx, receiver, found);
    const out = await submitAnswer(trx, ctx, {
      m,
      c,
      round,
      party,
      answer: o.answer,
      by: { userId: ctx.actor.userId, name: `${ctx.actor.name} (${agreement.provider_name})` },
    });
    await returnHome(trx, mId);
    return out;
  });
}

/**
 * Either admin ends the agreement (docs/product.md#ending-a-sharing-agreement). In the
 * same transaction the requests still open under it go back to the requesting
 * municipality: each such party is marked returned (no longer waited for, no silence
 * answer), the case's timeline says so, and its coordinators are mailed.
 */
export async function endSharingAgreement(ctx: Ctx, o: { id: string; reason?: string | null; ifMatch?: VersionCondition }): Promise<AgreementView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const ended = await endAgreementIn(trx, ctx, o);
    const receiver = await enterReceiver(trx, ended.id);
    await returnOpenRequests(trx, ctx, { receiver, agreementId: ended.id, receiverName: ended.receiver_name, actorId: ctx.actor.userId });
    await returnHome(trx, mId);
    return agreementView(ctx, ended);
  });
}

/**
 * Return the requests still open under an agreement that ended or expired
 * (docs/product.md#ending-a-sharing-agreement): each such party is marked returned, the
 * case's timeline says so, the receiving municipality's coordinators are mailed, and a
 * round that waited only for them closes. Runs in the receiving municipality's scope, or
 * across municipalities in the job.
 */
async function returnOpenRequests(
  trx: Tx,
  deps: Pick<Ctx, 'clock' | 'config'>,
  o: { receiver: string; agreementId: string; receiverName: string; actorId: string | null },
): Promise<number> {
  const { receiver } = o;
  const open = await trx
    .selectFrom('assessment_parties as p')
    .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
    .select(['p.id', 'p.name', 'p.round_id'])
    .where('p.municipality_id', '=', receiver)
    .where('p.agreement_id', '=', o.agreementId)
    .where('p.current_answer_id', 'is', null)
    .where('p.returned_at', 'is', null)
    .where('r.closed_at', 'is', null)
    .execute();
  if (!open.length) return 0;
  const now = deps.clock.now();
  // Rounds first, then parties: the order the silence job and the answers lock in.
  const rounds = await trx
    .selectFrom('assessment_rounds')
    .selectAll()
    .where('municipality_id', '=', receiver)
    .where('id', 'in', [...new Set(open.map((p) => p.round_id))])
    .orderBy('id')
    .forUpdate()
    .execute();
  await trx
    .updateTable('assessment_parties')
    .set({ returned_at: now })
    .where('municipality_id', '=', receiver)
    .where(
      'id',
      'in',
      open.map((p) => p.id),
    )
    .where('current_answer_id', 'is', null)
    .execute();
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'reference', 'title'])
    .where('municipality_id', '=', receiver)
    .where(
      'id',
      'in',
      rounds.map((r) => r.case_id),
    )
    .execute();
  const coordinators = await activeCoordinators(trx, receiver);
  const mailsOut = [];
  for (const p of open) {
    const round = rounds.find((r) => r.id === p.round_id) as RoundRow;
    const c = cases.find((x) => x.id === round.case_id) as { id: string; reference: string; title: string };
    await recordEvent(
      trx,
      { municipalityId: receiver, actorId: o.actorId, at: now },
      {
        caseId: c.id,
        visibility: 'internal',
        event: {
          type: 'assessment.partyReturned',
          payload: { roundId: round.id, number: round.number, partyId: p.id, partyName: p.name, agreementId: o.agreementId },
        },
      },
    );
    for (const u of coordinators) {
      mailsOut.push({
        municipalityId: receiver,
        to: u.email,
        ...mails.sharedRequestReturned(u.locale, {
          name: u.name,
          reference: c.reference,
          title: c.title,
          party: p.name,
          link: caseLink(deps.config.publicUrl, c.id),
          municipality: o.receiverName,
        }),
      });
    }
  }
  await enqueueMails(trx, mailsOut);
  // A round that waited only for the returned parties is now complete.
  for (const round of rounds) await closeIfAllAnswered(trx, round, now, o.actorId, deps.config.publicUrl);
  return open.length;
}

/**
 * Expiry returns open requests too (docs/product.md#ending-a-sharing-agreement): the
 * requests still open under an agreement past its last day go back, once, by the
 * assessment worker. Crosses municipalities, like the silence job. Returns the parties returned.
 */
export async function returnExpiredSharedRequests(deps: Deps): Promise<number> {
  return deps.db.unsafeTransaction(async (trx) => {
    const today = dutchDate(deps.clock.now());
    const waiting = await trx
      .selectFrom('assessment_parties as p')
      .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
      .select(['p.agreement_id', 'p.municipality_id'])
      .distinct()
      .where('p.agreement_id', 'is not', null)
      .where('p.current_answer_id', 'is', null)
      .where('p.returned_at', 'is', null)
      .where('r.closed_at', 'is', null)
      .execute();
    const ids = [...new Set(waiting.map((w) => w.agreement_id as string))];
    const inForce = await agreementsInForceByIds(trx, ids, today);
    const ended = await agreementNamesByIds(
      trx,
      ids.filter((id) => !inForce.has(id)),
    );
    let n = 0;
    for (const w of waiting) {
      const name = ended.get(w.agreement_id as string);
      if (name === undefined) continue;
      n += await returnOpenRequests(trx, deps, { receiver: w.municipality_id, agreementId: w.agreement_id as string, receiverName: name, actorId: null });
    }
    return n;
  });
}
