// The assessment and the commitments of a case as the dossier shows them, read with
// those modules' own Tx-level read functions inside the dossier's one transaction.
import type { IsoDate } from '../../kernel/calendar.js';
import { label } from '../../kernel/format.js';
import type { Actor } from '../../platform/auth/index.js';
import { ROLE_LABEL } from '../../platform/auth/index.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { type AnswerView, type CitedRuleSnapshot, consolidatedOutcome, lateObjectionRows, roundViews } from '../assessments/index.js';
import { commitmentHistories, commitmentsQuery, decisionOf } from '../commitments/index.js';
import type { Mandate } from '../mandates/index.js';
import type { DossierAnswer, DossierData, DossierMandate, DossierRule } from './model.js';
import { userNames } from './repo.js';
import { describeCommitmentChange } from './timeline.js';

/** The mandates by id, described for print: a role's label or the person's name. */
export async function mandateDescriber(trx: Tx, mId: string, mandates: readonly Mandate[]) {
  const people = await userNames(
    trx,
    mId,
    mandates.map((m) => (m.holder.kind === 'person' ? m.holder.userId : null)),
  );
  const byId = new Map(mandates.map((m) => [m.id, m]));
  return (ids: readonly string[]): DossierMandate[] =>
    ids.flatMap((id) => {
      const m = byId.get(id);
      if (!m) return [];
      const holder = m.holder.kind === 'role' ? label(ROLE_LABEL, m.holder.role) : (people.get(m.holder.userId)?.name ?? 'een medewerker');
      return [{ holder, scope: m.scope, delegatedBy: m.delegatedBy, validFrom: m.validFrom, validUntil: m.validUntil }];
    });
}

const rule = (r: CitedRuleSnapshot): DossierRule => ({ code: r.code, title: r.title, legalSource: r.legalSource, strict: r.strict });

export async function assessmentPart(
  trx: Tx,
  actor: Actor,
  c: CaseRow,
  today: IsoDate,
  mandatesOf: (ids: readonly string[]) => DossierMandate[],
): Promise<DossierData['assessment']> {
  const rounds = await roundViews(trx, actor, c, today);
  const answer = (a: AnswerView): DossierAnswer => ({
    kind: a.kind,
    conditions: a.conditions,
    rules: a.rules.map(rule),
    whyApplies: a.whyApplies,
    howItCouldBeDone: a.howItCouldBeDone,
    answeredAt: a.answeredAt.toISOString(),
    answeredBy: a.answeredBy.name,
    asOf: a.asOf,
    late: a.late,
    overrule: a.overrule
      ? { reason: a.overrule.reason, by: a.overrule.by.name, at: a.overrule.at.toISOString(), mandates: mandatesOf(a.overrule.mandateIds) }
      : null,
    withdrawal: a.withdrawal ? { reason: a.withdrawal.reason, by: a.withdrawal.by.name, at: a.withdrawal.at.toISOString() } : null,
  });
  const numberOf = new Map(rounds.map((r) => [r.id, r.number]));
  const outcome = consolidatedOutcome(rounds);
  const item = (i: (typeof outcome.conditions)[number]) => ({ party: i.partyName, roundNumber: i.roundNumber, answer: answer(i.answer) });
  const late = (await lateObjectionRows(trx, c.municipality_id, { caseId: c.id })).sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id),
  );
  return {
    rounds: rounds.map((r) => ({
      number: r.number,
      proposal: r.proposal,
      sameProposalAs: r.sameProposalAs ? (numberOf.get(r.sameProposalAs) ?? null) : null,
      openedOn: r.openedOn,
      termEndsOn: r.termEndsOn,
      closedAt: r.closedAt?.toISOString() ?? null,
      parties: r.parties.map((p) => ({ name: p.name, organisation: p.organisation, answer: p.answer ? answer(p.answer) : null })),
    })),
    outcome: {
      conditions: outcome.conditions.map(item),
      objections: outcome.objections.map((o) => ({
        ...item(o),
        resolution:
          o.resolution === null
            ? null
            : o.resolution.by === 'newRound'
              ? { by: 'newRound' as const, roundNumber: o.resolution.roundNumber }
              : { by: o.resolution.by, byName: o.resolution.byName },
      })),
    },
    lateObjections: late.map((l) => ({
      party: l.party_name,
      roundNumber: l.round_number,
      at: l.created_at.toISOString(),
      cause: l.cause,
      rules: l.rules.map(rule),
      whyApplies: l.why_applies,
      status: l.status,
      decision:
        l.decided_at && l.decision_reason ? { by: l.decided_by_name ?? 'de coördinator', at: l.decided_at.toISOString(), reason: l.decision_reason } : null,
    })),
  };
}

/** Every commitment of the case, whatever its status, with its history (never edited in place). */
export async function commitmentsPart(trx: Tx, c: CaseRow, mandatesOf: (ids: readonly string[]) => DossierMandate[]): Promise<DossierData['commitments']> {
  const mId = c.municipality_id;
  const rows = await commitmentsQuery(trx, mId).where('k.case_id', '=', c.id).orderBy('k.created_at').orderBy('k.id').execute();
  const histories = await commitmentHistories(
    trx,
    mId,
    rows.map((r) => r.id),
  );
  const out: DossierData['commitments'] = [];
  for (const r of rows) {
    const history = histories.filter((h) => h.commitment_id === r.id);
    out.push({
      madeBy: { name: r.made_by_name, role: r.made_by_role },
      madeTo: r.made_to_name,
      what: r.what,
      dueOn: r.due_on,
      madeVia: r.made_via,
      madeOn: r.made_on,
      decision: decisionOf(r),
      status: r.status,
      statusReason: r.status_reason,
      mandates: mandatesOf(r.mandate_ids),
      history: history.map((h) => ({ at: h.created_at.toISOString(), by: h.actor_name, change: describeCommitmentChange(h.change) })),
    });
  }
  return out;
}
