// The round graph of a case — rounds → parties → current answers → overrules → the
// mandates those overrules used — loaded once, in a handful of queries, for every
// reader: the case page, a single party, the dossier.
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { type MandateScope, mandatesByIds, type NamedMandate } from '../mandates/index.js';
import {
  type AnswerRow,
  answersByIds,
  type CitedRuleSnapshot,
  overrulesOfAnswers,
  type PartyRow,
  partiesOfRounds,
  type RoundRow,
  roundsOfCase,
  withdrawalsOfAnswers,
} from './repo.js';

/** A mandate an overrule was decided under, as the case page shows it (docs/product.md#overrule-within-mandate). */
export interface OverruleMandateView {
  id: string;
  holder: { kind: 'role'; role: Exclude<Role, 'initiator'> } | { kind: 'person'; userId: string; name: string };
  scope: MandateScope;
  delegatedBy: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export interface OverruleView {
  reason: string;
  by: { name: string };
  mandateIds: string[];
  mandates: OverruleMandateView[];
  at: Date;
}

/** A party's own withdrawal of its objection (docs/product.md#a-standing-objection). */
export interface WithdrawalView {
  reason: string;
  by: { name: string };
  at: Date;
}

export interface AnswerView {
  kind: 'yes' | 'yesWithConditions' | 'objection' | 'silence';
  conditions: string | null;
  rules: CitedRuleSnapshot[];
  whyApplies: string | null;
  howItCouldBeDone: string | null;
  answeredAt: Date;
  asOf: string;
  answeredBy: { name: string };
  late: boolean;
  amendments: number;
  overrule: OverruleView | null;
  withdrawal: WithdrawalView | null;
}

type OverruleRow = Awaited<ReturnType<typeof overrulesOfAnswers>>[number];

export interface RoundGraph {
  rounds: RoundRow[];
  /** the parties of one round, by kind and name */
  partiesOf(roundId: string): PartyRow[];
  /** the party's current answer row and its overrule, if any */
  current(p: PartyRow): { answer: AnswerRow; overrule: OverruleRow | undefined } | undefined;
  /** the party's current answer as every reader presents it */
  answerView(p: PartyRow): AnswerView | null;
  /**
   * The answers the party had when a late objection of it was admitted (docs/product.md#late-objection):
   * the late objection adds to them, so they stay in the consolidated outcome. Oldest
   * first; never the current answer.
   */
  earlierAnswers(p: PartyRow): AnswerView[];
}

const mandateView = (m: NamedMandate): OverruleMandateView => ({
  id: m.id,
  holder: // The register never gives an initiator a mandate (mandates/model.ts).
    m.holder.kind === 'role'
      ? { kind: 'role', role: m.holder.role as Exclude<Role, 'initiator'> }
      : { kind: 'person', userId: m.holder.userId, name: m.holderName ?? '' },
  scope: m.scope,
  delegatedBy: m.delegatedBy,
  validFrom: m.validFrom,
  validUntil: m.validUntil,
});

/** Load the rounds of a case (optionally only the closed ones) with everything hanging off them. */
export async function loadRoundGraph(trx: Tx, mId: string, caseId: string, o: { closedOnly?: boolean } = {}): Promise<RoundGraph> {
  const rounds = (await roundsOfCase(trx, mId, caseId)).filter((r) => !o.closedOnly || r.closed_at !== null);
  const parties = await partiesOfRounds(
    trx,
    mId,
    rounds.map((r) => r.id),
  );
  const admitted = parties.length
    ? await trx
        .selectFrom('late_objections')
        .select(['party_id', 'previous_answer_id'])
        .where('municipality_id', '=', mId)
        .where(
          'party_id',
          'in',
          parties.map((p) => p.id),
        )
        .where('status', '=', 'admitted')
        .where('previous_answer_id', 'is not', null)
        .orderBy('decided_at')
        .execute()
    : [];
  const answers = new Map(
    (
      await answersByIds(trx, mId, [
        ...parties.flatMap((p) => (p.current_answer_id ? [p.current_answer_id] : [])),
        ...admitted.map((l) => l.previous_answer_id as string),
      ])
    ).map((a) => [a.id, a]),
  );
  const overrules = await overrulesOfAnswers(trx, mId, [...answers.keys()]);
  const overruleOf = new Map(overrules.map((x) => [x.answer_id, x]));
  const withdrawalOf = new Map((await withdrawalsOfAnswers(trx, mId, [...answers.keys()])).map((x) => [x.answer_id, x]));
  const mandates = new Map(
    (
      await mandatesByIds(
        trx,
        mId,
        overrules.flatMap((x) => x.mandate_ids),
      )
    ).map((m) => [m.id, mandateView(m)]),
  );
  const current = (p: PartyRow) => {
    const answer = p.current_answer_id ? answers.get(p.current_answer_id) : undefined;
    return answer && { answer, overrule: overruleOf.get(answer.id) };
  };
  return {
    rounds,
    partiesOf: (roundId) => parties.filter((p) => p.round_id === roundId),
    current,
    answerView(p) {
      const found = current(p);
      return found ? view(found.answer, found.overrule) : null;
    },
    earlierAnswers(p) {
      const ids = [...new Set(admitted.filter((l) => l.party_id === p.id).map((l) => l.previous_answer_id as string))];
      return ids.flatMap((id) => {
        const a = answers.get(id);
        return a && id !== p.current_answer_id ? [view(a, overruleOf.get(id))] : [];
      });
    },
  };
  function view(a: AnswerRow, x: OverruleRow | undefined): AnswerView {
    const withdrawn = withdrawalOf.get(a.id);
    return {
      kind: a.kind,
      conditions: a.conditions,
      rules: a.rules,
      whyApplies: a.why_applies,
      howItCouldBeDone: a.how_it_could_be_done,
      answeredAt: a.answered_at,
      asOf: a.as_of,
      answeredBy: { name: a.answered_by_name },
      late: a.late,
      amendments: a.seq - 1,
      overrule: x
        ? {
            reason: x.reason,
            by: { name: x.by_name },
            mandateIds: x.mandate_ids,
            mandates: x.mandate_ids.flatMap((id) => mandates.get(id) ?? []),
            at: x.created_at,
          }
        : null,
      withdrawal: withdrawn ? { reason: withdrawn.reason, by: { name: withdrawn.by_name }, at: withdrawn.created_at } : null,
    };
  }
}
