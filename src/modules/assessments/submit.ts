// Recording one answer, shared by the specialist's and the outside party's route:
// what an answer needs and the term (docs/product.md#what-an-answer-needs), late and serial
// objections to the coordinator (docs/product.md#late-objection, docs/product.md#serial-objections), and
// closing the round once everyone answered.
import { dutchDate } from '../../kernel/clock.js';
import { formatDate as longDate } from '../../kernel/dates.js';
import { AppError, conflict } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, MunicipalityRow } from '../../platform/db/schema.js';
import { caseLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { mails } from '../notifications/index.js';
import { findRulesByIds, versionsOf } from '../rules/index.js';
import { recordEvent } from '../timeline/index.js';
import { closeRoundsBySilence } from './jobs.js';
import {
  type Answer,
  answeredInReopenedWindow,
  answerProblems,
  answerWindowOpen,
  type EarlierRound,
  partyKey,
  repeatedOverrule,
  roundsOnSameProposal,
  serialObjection,
} from './model.js';
import { mailRoundSummaries } from './notices.js';
import {
  activeCoordinators,
  answersByIds,
  type CitedRuleSnapshot,
  findParty,
  findRound,
  insertAnswer,
  nextAnswerSeq,
  overruleOfAnswer,
  type PartyRow,
  partiesOfRounds,
  pendingLateObjection,
  type RoundRow,
  roundsOfCase,
  setCurrentAnswer,
  UUID,
} from './repo.js';

export type SubmitOutcome =
  | { outcome: 'answered'; partyId: string; answerId: string }
  | { outcome: 'late'; partyId: string; lateObjectionId: string; cause: 'afterClose' | 'serial' };

export interface Submit {
  m: MunicipalityRow;
  c: CaseRow;
  round: RoundRow;
  party: PartyRow;
  answer: Answer;
  by: { userId: string | null; name: string };
}

const text = (s: string | null | undefined) => s?.trim() || null;

/** The earlier rounds of the case on the same proposal (model.roundsOnSameProposal). */
async function earlierRoundsOnSameProposal(trx: Tx, mId: string, round: RoundRow): Promise<RoundRow[]> {
  const all = await roundsOfCase(trx, mId, round.case_id);
  const shape = (r: RoundRow) => ({ id: r.id, number: r.number, proposal: r.proposal, sameProposalAs: r.same_proposal_as });
  const same = new Set(roundsOnSameProposal(shape(round), all.map(shape)).map((r) => r.id));
  return all.filter((r) => same.has(r.id));
}

/**
 * The overrules of the same party (same department or outside address, whoever answers
 * for it) in `rounds`, with the rule codes each overruled objection cited and who
 * decided it (model.repeatedOverrule).
 */
async function overrulesOfSameParty(trx: Tx, mId: string, rounds: readonly RoundRow[], party: PartyRow) {
  const key = partyKey({ kind: party.kind, departmentId: party.department_id, email: party.email });
  const same = (
    await partiesOfRounds(
      trx,
      mId,
      rounds.map((r) => r.id),
    )
  ).filter((p) => partyKey({ kind: p.kind, departmentId: p.department_id, email: p.email }) === key);
  if (!same.length) return [];
  const rows = await trx
    .selectFrom('assessment_overrules as o')
    .innerJoin('assessment_answers as a', 'a.id', 'o.answer_id')
    .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('users as u', 'u.id', 'o.overruled_by')
    .select(['o.id', 'o.created_at', 'a.rules', 'r.number as round_number', 'u.name as by_name'])
    .where('o.municipality_id', '=', mId)
    .where(
      'o.party_id',
      'in',
      same.map((p) => p.id),
    )
    .execute();
  return rows.map((r) => ({ ...r, at: r.created_at, codes: r.rules.map((x) => x.code) }));
}

/** What the serial-objection rule needs about each earlier round (model.serialObjection). */
async function earlierFor(trx: Tx, mId: string, rounds: RoundRow[], party: PartyRow): Promise<EarlierRound[]> {
  const key = partyKey({ kind: party.kind, departmentId: party.department_id, email: party.email });
  const parties = await partiesOfRounds(
    trx,
    mId,
    rounds.map((r) => r.id),
  );
  const same = parties.filter((p) => partyKey({ kind: p.kind, departmentId: p.department_id, email: p.email }) === key);
  const answers = await answersByIds(
    trx,
    mId,
    same.flatMap((p) => (p.current_answer_id ? [p.current_answer_id] : [])),
  );
  return rounds.map((r) => {
    const p = same.find((x) => x.round_id === r.id);
    const a = p && answers.find((x) => x.id === p.current_answer_id);
    return {
      roundId: r.id,
      openedOn: r.opened_on,
      termEndsOn: r.term_ends_on,
      partyAsked: Boolean(p),
      objectedCodes: a?.kind === 'objection' ? a.rules.map((x) => x.code) : [],
    };
  });
}

export async function submitAnswer(trx: Tx, deps: Deps, s: Submit): Promise<SubmitOutcome> {
  const mId = s.m.id;
  const now = deps.clock.now();
  const today = dutchDate(now);
  let round = s.round;
  // A term that has passed while the job has not run yet: close the round first, as of
  // its term end, exactly as the job would have (the round row is locked).
  if (round.closed_at === null && today > round.term_ends_on) {
    await closeRoundsBySilence(trx, [round], now, deps.config.publicUrl);
    round = (await findRound(trx, mId, round.id, true)) as RoundRow;
  }
  const ruleIds = (s.answer.ruleIds ?? []).filter((id) => UUID.test(id));
  const found = await findRulesByIds(trx, mId, ruleIds);
  const problems = answerProblems(s.answer, found, today);
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
  const cited: CitedRuleSnapshot[] =
    s.answer.kind === 'objection'
      ? ruleIds
          .map((id) => found.find((r) => r.id === id))
          .flatMap((r) => (r ? [{ id: r.id, code: r.code, title: r.title, legalSource: r.legalSource, domain: r.domain, strict: r.strict }] : []))
      : [];
  // Re-read: closing the round above may have given this party its silence answer.
  const party = (await findParty(trx, mId, s.party.id, true)) as PartyRow;
  const open = answerWindowOpen({ closedAt: round.closed_at, termEndsOn: round.term_ends_on }, party.reopened_until, today);

  if (s.answer.kind === 'objection') {
    // An overrule stays overruled (docs/product.md#overrule-within-mandate): the same objection on the same
    // proposal, in a later round or by another official of the same party, is refused.
    const before = repeatedOverrule(
      cited.map((r) => r.code),
      await overrulesOfSameParty(trx, mId, [...(await earlierRoundsOnSameProposal(trx, mId, round)), round], party),
    );
    if (before) {
      throw conflict('error.objectionOverruledBefore', {
        codes: before.codes.join(', '),
        date: longDate(dutchDate(before.at)),
        name: before.by_name,
        round: before.round_number,
      });
    }
  }

  let late: { cause: 'afterClose' | 'serial'; serialOf: string | null } | null = null;
  if (!open) {
    if (s.answer.kind !== 'objection') throw conflict('error.roundClosed');
    late = { cause: 'afterClose', serialOf: null };
  } else {
    // Overrule within mandate (docs/product.md#overrule-within-mandate): an overruled objection stays as it was decided; a new point goes the late path.
    const overrule = await overruleOfAnswer(trx, mId, party.current_answer_id);
    if (overrule) throw conflict('error.answerOverruled', { date: longDate(dutchDate(overrule.created_at)), name: overrule.by_name });
    if (s.answer.kind === 'objection') {
      const onSame = await earlierRoundsOnSameProposal(trx, mId, round);
      const earlier = onSame.length ? await earlierFor(trx, mId, onSame, party) : [];
      const serial = serialObjection(await versionsOf(trx, mId, [...new Set(cited.map((r) => r.code))]), earlier);
      if (serial) late = { cause: 'serial', serialOf: serial.roundId };
    }
  }
  if (late && (await pendingLateObjection(trx, mId, party.id))) throw conflict('error.latePending');

  const row = await insertAnswer(trx, {
    municipality_id: mId,
    round_id: round.id,
    party_id: party.id,
    seq: await nextAnswerSeq(trx, mId, party.id),
    kind: s.answer.kind,
    conditions: s.answer.kind === 'yesWithConditions' ? text(s.answer.conditions) : null,
    rules: JSON.stringify(cited),
    why_applies: s.answer.kind === 'objection' ? text(s.answer.whyApplies) : null,
    how_it_could_be_done: s.answer.kind === 'objection' ? text(s.answer.howItCouldBeDone) : null,
    answered_at: now,
    as_of: today,
    answered_by: s.by.userId,
    answered_by_name: s.by.name,
    // An answer in a window reopened by an admitted late objection stays late (docs/product.md#late-objection).
    late: late !== null || answeredInReopenedWindow({ closedAt: round.closed_at, termEndsOn: round.term_ends_on }, party.reopened_until, today),
  });
  const ruleCodes = cited.map((r) => r.code);

  if (late) {
    // Late objection (docs/product.md#late-objection): recorded as late, pending; the director and coordinators are told.
    const lo = await trx
      .insertInto('late_objections')
      .values({
        municipality_id: mId,
        case_id: s.c.id,
        round_id: round.id,
        party_id: party.id,
        answer_id: row.id,
        cause: late.cause,
        serial_of_round_id: late.serialOf,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(
      trx,
      { municipalityId: mId, actorId: s.by.userId, at: now },
      {
        caseId: s.c.id,
        visibility: 'internal',
        event: {
          type: 'assessment.lateObjection',
          payload: { lateObjectionId: lo.id, roundId: round.id, partyId: party.id, partyName: party.name, cause: late.cause, ruleCodes },
        },
      },
    );
    const director = s.c.director_id
      ? await trx
          .selectFrom('users')
          .select(['id', 'name', 'email', 'locale'])
          .where('municipality_id', '=', mId)
          .where('id', '=', s.c.director_id)
          .executeTakeFirst()
      : undefined;
    const told = [...(director ? [director] : []), ...(await activeCoordinators(trx, mId))];
    for (const u of told) {
      await enqueueMail(trx, {
        municipalityId: mId,
        to: u.email,
        ...lateMail(u, s, late.cause, deps),
      });
    }
    return { outcome: 'late', partyId: party.id, lateObjectionId: lo.id, cause: late.cause };
  }

  const amendment = party.current_answer_id !== null;
  await setCurrentAnswer(trx, mId, party.id, row.id);
  await recordEvent(
    trx,
    { municipalityId: mId, actorId: s.by.userId, at: now },
    {
      caseId: s.c.id,
      visibility: 'internal',
      event: {
        type: 'assessment.answered',
        payload: { roundId: round.id, partyId: party.id, partyName: party.name, kind: s.answer.kind, amendment, ruleCodes },
      },
    },
  );
  if (round.closed_at === null) await closeIfAllAnswered(trx, round, now, s.by.userId, deps.config.publicUrl);
  return { outcome: 'answered', partyId: party.id, answerId: row.id };
}

function lateMail(u: { name: string; locale: 'nl' | 'en' }, s: Submit, cause: 'afterClose' | 'serial', deps: Deps) {
  return mails.lateObjectionRaised(u.locale, {
    name: u.name,
    reference: s.c.reference,
    party: s.party.name,
    cause,
    link: caseLink(deps.config.publicUrl, s.c.id),
    municipality: s.m.name,
  });
}

/**
 * The round closes when every party asked has answered (docs/product.md#the-assessment-round); the case's
 * director gets its summary. Only the call that actually closes it records the event
 * and the mail, so neither is ever doubled.
 */
export async function closeIfAllAnswered(trx: Tx, round: RoundRow, now: Date, actorId: string | null, publicUrl: string): Promise<boolean> {
  const waiting = await trx
    .selectFrom('assessment_parties')
    .select('id')
    .where('municipality_id', '=', round.municipality_id)
    .where('round_id', '=', round.id)
    .where('current_answer_id', 'is', null)
    // a shared party returned when its agreement ended is no longer waited for (docs/product.md#ending-a-sharing-agreement)
    .where('returned_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (waiting) return false;
  const closed = await trx
    .updateTable('assessment_rounds')
    .set({ closed_at: now, closed_reason: 'allAnswered' })
    .where('municipality_id', '=', round.municipality_id)
    .where('id', '=', round.id)
    .where('closed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!closed) return false;
  await recordEvent(
    trx,
    { municipalityId: round.municipality_id, actorId: actorId, at: now },
    {
      caseId: round.case_id,
      visibility: 'shared',
      event: { type: 'assessment.roundClosed', payload: { roundId: round.id, number: round.number, reason: 'allAnswered' } },
    },
  );
  await mailRoundSummaries(trx, publicUrl, [{ round, reason: 'allAnswered', silent: [] }]);
  return true;
}
