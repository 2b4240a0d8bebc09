// The consolidated outcome of the integrated assessment (docs/product.md#one-consolidated-outcome): per round
// and per party the answer, the conditions, and every objection with the rules it
// cites, why they apply and how it could be done; silence reads "ja (stilzwijgend)",
// a late answer is marked, an overrule shows its reason and mandate.
import {
  DataList,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { AssessmentAnswer, AssessmentParty, AssessmentRound, CaseAssessment, CitedRule } from '../../api/models.js';
import { api } from '../../api.js';
import { Fact } from '../../components/Fact.js';
import { Section } from '../../components/Section.js';
import { TextForm } from '../../components/TextForm.js';
import { WideTable } from '../../components/WideTable.js';
import { useI18n } from '../../i18n/index.js';
import { AnswerBadge, LateBadge, StrictBadge } from './shared.js';

export function CitedRules({ rules }: { rules: CitedRule[] }) {
  const { t } = useI18n();
  return (
    <UnorderedList className="regie-rule-list">
      {rules.map((r) => (
        <UnorderedListItem key={r.id}>
          <strong>{r.code}</strong> {r.title} <span className="regie-muted">({r.legalSource})</span> {r.strict ? <StrictBadge /> : null}
          <span className="regie-visually-hidden">
            {' '}
            {t('rule.domainLabel')}: {t(`domain.${r.domain}`)}
          </span>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** One answer as a description list (no heading: the caller names the party). */
export function AnswerFacts({ answer }: { answer: Omit<AssessmentAnswer, 'asOf'> | null }) {
  const { t, dateTime } = useI18n();
  if (!answer)
    return (
      <Paragraph>
        <AnswerBadge kind={null} />
      </Paragraph>
    );
  return (
    <DataList className="regie-datalist">
      <Fact k={t('answer.kind')}>
        <AnswerBadge kind={answer.kind} /> {answer.late ? <LateBadge /> : null}
      </Fact>
      {answer.conditions ? (
        <Fact k={t('answer.conditions')}>
          <span className="regie-prewrap">{answer.conditions}</span>
        </Fact>
      ) : null}
      {answer.rules.length ? (
        <Fact k={t('answer.rules')}>
          <CitedRules rules={answer.rules} />
        </Fact>
      ) : null}
      {answer.whyApplies ? (
        <Fact k={t('answer.whyApplies')}>
          <span className="regie-prewrap">{answer.whyApplies}</span>
        </Fact>
      ) : null}
      {answer.howItCouldBeDone ? (
        <Fact k={t('answer.howItCouldBeDone')}>
          <span className="regie-prewrap">{answer.howItCouldBeDone}</span>
        </Fact>
      ) : null}
      {answer.answeredAt ? (
        <Fact k={t('answer.answeredAt')}>
          {dateTime(answer.answeredAt)}
          {answer.answeredBy ? ` · ${answer.answeredBy.name}` : ''}
          {answer.amendments > 0 ? ` · ${t(answer.amendments === 1 ? 'answer.amendedOne' : 'answer.amended', { count: answer.amendments })}` : ''}
        </Fact>
      ) : null}
      {answer.withdrawal ? (
        <Fact k={t('answer.withdrawal')}>
          <Paragraph className="regie-prewrap">{answer.withdrawal.reason}</Paragraph>
          <Paragraph className="regie-small">{t('answer.withdrawnBy', { name: answer.withdrawal.by.name, when: dateTime(answer.withdrawal.at) })}</Paragraph>
        </Fact>
      ) : null}
      {answer.overrule ? (
        <Fact k={t('answer.overrule')}>
          <Paragraph className="regie-prewrap">{answer.overrule.reason}</Paragraph>
          <Paragraph className="regie-small">
            {t('answer.overruledBy', { name: answer.overrule.by?.name ?? '—', when: dateTime(answer.overrule.at) })}
            {answer.overrule.mandateIds.length
              ? ` · ${t(answer.overrule.mandateIds.length === 1 ? 'answer.overruleMandatesOne' : 'answer.overruleMandates', { count: answer.overrule.mandateIds.length })}`
              : ''}
          </Paragraph>
        </Fact>
      ) : null}
    </DataList>
  );
}

function PartyBlock({ party, level, closed, onChanged }: { party: AssessmentParty; level: number; closed: boolean; onChanged?(message: string): void }) {
  const { t } = useI18n();
  const mayOverrule = !!party.abilities?.overrule && !!onChanged && party.answer?.kind === 'objection' && !party.answer.overrule;
  const mayWithdraw = !!party.abilities?.withdraw && !!onChanged;
  return (
    <Section
      level={level}
      className="regie-party"
      title={
        <>
          {party.name}
          <span className="regie-muted regie-small"> · {t(party.kind === 'department' ? 'party.department' : 'party.outside')}</span>
        </>
      }
    >
      {/* A closed round without an answer: nobody could answer for this party; that is no yes (docs/product.md#yes-by-silence). */}
      {closed && !party.answer ? <Paragraph>{t('party.notReached')}</Paragraph> : <AnswerFacts answer={party.answer} />}
      {mayOverrule ? (
        <details className="regie-details">
          <summary>{t('overrule.open', { name: party.name })}</summary>
          <Paragraph className="regie-small">{t('overrule.hint')}</Paragraph>
          <TextForm
            name={`overrule-${party.id}`}
            apiField="reason"
            label={t('overrule.reason')}
            submitLabel={t('overrule.submit')}
            requiredMessage={t('overrule.required')}
            doneMessage={t('overrule.done')}
            rows={3}
            onSubmit={async (reason) => {
              await api.overrule(party.id, reason);
              onChanged?.(t('overrule.done'));
            }}
          />
        </details>
      ) : null}
      {mayWithdraw ? (
        <details className="regie-details">
          <summary>{t('objectionWithdraw.open')}</summary>
          <Paragraph className="regie-small">{t('objectionWithdraw.hint')}</Paragraph>
          <TextForm
            name={`withdraw-${party.id}`}
            apiField="reason"
            label={t('objectionWithdraw.reason')}
            submitLabel={t('objectionWithdraw.submit')}
            requiredMessage={t('objectionWithdraw.required')}
            doneMessage={t('objectionWithdraw.done')}
            rows={3}
            onSubmit={async (reason) => {
              await api.withdrawObjection(party.id, reason);
              onChanged?.(t('objectionWithdraw.done'));
            }}
          />
        </details>
      ) : null}
    </Section>
  );
}

/** One round: proposal, term, status, then every party. */
export function RoundOutcome({ round, level = 3, onChanged }: { round: AssessmentRound; level?: number; onChanged?(message: string): void }) {
  const { t, date, dateTime } = useI18n();
  return (
    <Section
      level={level}
      className="regie-section regie-round"
      title={t(round.status === 'open' ? 'round.titleOpen' : 'round.titleClosed', { number: round.number })}
    >
      <DataList className="regie-datalist">
        <Fact k={t('round.proposal')}>
          <span className="regie-prewrap">{round.proposal}</span>
        </Fact>
        <Fact k={t('round.openedOn')}>{date(round.openedOn)}</Fact>
        <Fact k={t('round.termEndsOn')}>{date(round.termEndsOn)}</Fact>
        {round.closedAt ? <Fact k={t('round.closedAt')}>{dateTime(round.closedAt)}</Fact> : null}
      </DataList>
      {round.parties.length === 0 ? <Paragraph>{t('round.noParties')}</Paragraph> : null}
      {round.parties.map((p) => (
        <PartyBlock key={p.id} party={p} level={level + 1} closed={round.status === 'closed'} onChanged={onChanged} />
      ))}
    </Section>
  );
}

/** Every round, newest first; `closedOnly` for the initiator, who sees closed rounds. */
export function AssessmentOutcome({
  rounds,
  level = 3,
  closedOnly = false,
  onChanged,
  empty,
}: {
  rounds: AssessmentRound[];
  level?: number;
  closedOnly?: boolean;
  onChanged?(message: string): void;
  empty: string;
}) {
  const shown = [...rounds].filter((r) => !closedOnly || r.status === 'closed').sort((a, b) => b.number - a.number);
  if (!shown.length) return <Paragraph>{empty}</Paragraph>;
  return (
    <>
      {shown.map((r) => (
        <RoundOutcome key={r.id} round={r} level={level} onChanged={onChanged} />
      ))}
    </>
  );
}

/**
 * The consolidated outcome (docs/product.md#one-consolidated-outcome): every condition and every objection that
 * stands, one row per party, whatever round it came from.
 */
export function ConsolidatedOutcome({
  outcome,
  summary,
  level = 3,
}: {
  outcome: CaseAssessment['outcome'];
  summary: CaseAssessment['summary'];
  level?: number;
}) {
  const { t } = useI18n();
  const rows: (CaseAssessment['outcome']['conditions'][number] & Partial<Pick<ObjectionItem, 'standing' | 'resolution'>>)[] = [
    ...outcome.objections,
    ...outcome.conditions,
  ];
  return (
    <Section title={t('outcome.title')} level={level}>
      <SummaryText summary={summary} />
      {rows.length ? (
        <WideTable caption={t('outcome.caption', { objections: outcome.objections.length, conditions: outcome.conditions.length })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('outcome.party')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('answer.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('outcome.content')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('answer.howItCouldBeDone')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((o, i) => (
              // One party can stand here more than once (an admitted late objection adds to what it said).
              <TableRow key={`${o.roundId}-${o.partyId}-${i}`}>
                <TableHeaderCell scope="row">
                  {o.partyName}
                  <span className="regie-muted regie-small"> · {t('openRound.roundN', { number: o.roundNumber })}</span>
                </TableHeaderCell>
                <TableCell>
                  <AnswerBadge kind={o.answer.kind} /> {o.answer.late ? <LateBadge /> : null}
                  {o.standing ? <p className="regie-small">{t('objectionState.standing')}</p> : null}
                  {o.resolution ? <p className="regie-small">{resolutionText(o.resolution, t)}</p> : null}
                </TableCell>
                <TableCell>
                  {o.answer.conditions ? <span className="regie-prewrap">{o.answer.conditions}</span> : null}
                  {o.answer.rules.length ? <CitedRules rules={o.answer.rules} /> : null}
                  {o.answer.whyApplies ? <p className="regie-prewrap regie-small">{o.answer.whyApplies}</p> : null}
                </TableCell>
                <TableCell>{o.answer.howItCouldBeDone ? <span className="regie-prewrap">{o.answer.howItCouldBeDone}</span> : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : null}
    </Section>
  );
}

type ObjectionItem = CaseAssessment['outcome']['objections'][number];
type Translate = ReturnType<typeof useI18n>['t'];

/** How an objection was resolved, in words (docs/product.md#a-standing-objection). */
function resolutionText(r: NonNullable<ObjectionItem['resolution']>, t: Translate): string {
  if (r.by === 'newRound') return t('objectionState.newRound', { number: r.roundNumber });
  return t(r.by === 'overrule' ? 'objectionState.overrule' : 'objectionState.withdrawn', { name: r.byName });
}

/**
 * The summary that leads the outcome, always true (docs/product.md#one-consolidated-outcome): a round that
 * is still open says who has not answered yet; "every party agrees" only when the round
 * closed, everyone asked was reached and no objection stands.
 */
function SummaryText({ summary: s }: { summary: CaseAssessment['summary'] }) {
  const { t } = useI18n();
  const counts = t('summary.counts', { yes: s.yes, silence: s.silence, conditions: s.conditions, objections: s.objections });
  switch (s.state) {
    case 'none':
      return <Paragraph>{t('summary.none')}</Paragraph>;
    case 'open':
      return (
        <Paragraph>
          {t('summary.open', { number: s.roundNumber ?? 0, pending: s.pending })} {counts}
        </Paragraph>
      );
    case 'objections':
      return (
        <Paragraph>
          {t('summary.objections', { count: s.standingObjections })} {counts}
        </Paragraph>
      );
    case 'incomplete':
      return (
        <Paragraph>
          {t('summary.incomplete', { count: s.notReached })} {counts}
        </Paragraph>
      );
    case 'conditions':
      return <Paragraph>{t('summary.conditions')}</Paragraph>;
    case 'consent':
      return <Paragraph>{t('summary.consent')}</Paragraph>;
    default:
      return null;
  }
}
