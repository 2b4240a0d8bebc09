// The round graph of a case — rounds → parties → current answers → overrules → the
// mandates those overrules used — loaded once, in a handful of queries, for every
// reader: the case page, a single party, the dossier.
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { mandatesByIds, type NamedMandate } from '../mandates/repo.js';
import type { MandateScope } from './model.js';
import {
  type AnswerRow,
  answersByIds,
  type CitedRuleSnapshot,
  overrulesOfAnswers,
  type PartyRow,
  partiesOfRounds,
  type RoundRow,
  roundsOfCase,
} from './repo.js';

/** A mandate an overrule was decided under, as the case page shows it (issue 3, part 4). */
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
  const answers = new Map(
    (
      await answersByIds(
        trx,
        mId,
        parties.flatMap((p) => (p.current_answer_id ? [p.current_answer_id] : [])),
      )
    ).map((a) => [a.id, a]),
  );
  const overrules = await overrulesOfAnswers(trx, mId, [...answers.keys()]);
  const overruleOf = new Map(overrules.map((x) => [x.answer_id, x]));
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
      if (!found) return null;
      const { answer: a, overrule: x } = found;
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
      };
    },
  };
}
