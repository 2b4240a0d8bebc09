// The director's pages of response periods (docs/product.md#response-periods,
// docs/product.md#the-inventory-of-interests): the periods of a case with the form to
// open one, and the inventory of one period with moderation and the answers per topic.
// What the user may do comes with the data (abilities); nothing is decided here.
import {
  Button,
  DataList,
  Heading,
  Paragraph,
  PreHeading,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { type Inventory, participationApi, type ResponsePeriod } from '../../api/participation.js';
import { Fact } from '../../components/Fact.js';
import { TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorSummary, FirstLoad, useFocusedStatus } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

const POSITIONS = ['support', 'concern', 'objection'] as const;
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** /zaken/:id/reacties — the periods of a case, and opening one. */
export function CasePeriodsPage() {
  const { t, date } = useI18n();
  const { id = '' } = useParams();
  const periods = useLoad((signal) => participationApi.casePeriods(id, signal), [id]);
  const status = useFocusedStatus();
  usePageTitle(t('participation.manage'));
  if (!periods.data) return <FirstLoad loaded={periods} title={t('participation.manage')} />;
  const d = periods.data;
  const reference = d.items[0]?.reference;
  return (
    <>
      {reference ? <PreHeading>{reference}</PreHeading> : null}
      <Heading level={1}>{t('participation.manage')}</Heading>
      <Paragraph>
        <AppLink to={`/zaken/${id}`}>{t('participation.backToCase')}</AppLink>
      </Paragraph>
      {status.element}
      {d.items.length ? (
        <ul className="regie-response-list">
          {d.items.map((p) => (
            <li key={p.id} className="regie-panel">
              <Heading level={2} appearance="utrecht-heading-3">
                {t('participation.period', { date: date(p.endsOn) })} — {p.open ? t('participation.open') : t('participation.closed')}
              </Heading>
              <Paragraph>{t('participation.respondents', { count: p.respondents })}</Paragraph>
              <Paragraph>
                <AppLink to={`/reactieperiodes/${p.id}`}>{t('participation.inventoryLink')}</AppLink>
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('participation.none')}</Paragraph>
      )}
      {d.abilities.open ? (
        <OpenPeriodForm
          caseId={id}
          location={d.caseLocation}
          onOpened={(p) => {
            periods.setData({ ...d, items: [p, ...d.items], abilities: { ...d.abilities, open: false } });
            status.show(t('participation.opened'));
          }}
        />
      ) : d.items.some((p) => p.open) ? (
        <Paragraph>{t('participation.alreadyOpen')}</Paragraph>
      ) : null}
    </>
  );
}

const OPEN_FIELDS = ['summary', 'location', 'workingDays', 'topics', 'questions'] as const;

function OpenPeriodForm({ caseId, location, onOpened }: { caseId: string; location: string; onOpened(p: ResponsePeriod): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(OPEN_FIELDS);
  const [f, setF] = useState({ summary: '', location, workingDays: '10', topics: 'Verkeer\nGeluid\nGroen', questions: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const labels: Record<string, string> = {
    summary: t('participation.summary'),
    location: t('participation.location'),
    workingDays: t('participation.workingDays'),
    topics: t('participation.topics'),
    questions: t('participation.questions'),
  };
  function check(): FieldErrors {
    const e: FieldErrors = {};
    if (!f.summary.trim()) e.summary = t('participation.error.summary');
    if (!f.location.trim()) e.location = t('participation.error.location');
    const days = Number(f.workingDays);
    if (!Number.isInteger(days) || days < 1 || days > 130) e.workingDays = t('participation.error.workingDays');
    const topics = lines(f.topics);
    if (topics.length < 1 || topics.length > 12) e.topics = t('participation.error.topics');
    if (lines(f.questions).length > 5) e.questions = t('participation.error.questions');
    return e;
  }
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!submit.checked(check())) return;
    const p = await submit.run(() =>
      participationApi.openPeriod(caseId, {
        summary: f.summary.trim(),
        location: f.location.trim(),
        workingDays: Number(f.workingDays),
        topics: lines(f.topics),
        questions: lines(f.questions),
      }),
    );
    if (p) onOpened(p);
  }
  const errors = submit.errors;
  return (
    <Section title={t('participation.openTitle')} className="regie-section regie-panel">
      <Paragraph>{t('participation.openLead')}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="regie-form">
        <ErrorSummary error={submit.error} errors={errors} labels={labels} />
        <TextAreaField
          name="summary"
          label={labels.summary}
          description={t('participation.summaryHint')}
          value={f.summary}
          onChange={set('summary')}
          error={errors.summary}
          required
          rows={5}
        />
        <TextField name="location" label={labels.location} value={f.location} onChange={set('location')} error={errors.location} required />
        <TextField
          name="workingDays"
          label={labels.workingDays}
          description={t('participation.workingDaysHint')}
          value={f.workingDays}
          onChange={set('workingDays')}
          error={errors.workingDays}
          inputMode="numeric"
          size="sm"
          required
        />
        <TextAreaField
          name="topics"
          label={labels.topics}
          description={t('participation.topicsHint')}
          value={f.topics}
          onChange={set('topics')}
          error={errors.topics}
          required
          rows={5}
        />
        <TextAreaField
          name="questions"
          label={labels.questions}
          description={t('participation.questionsHint')}
          value={f.questions}
          onChange={set('questions')}
          error={errors.questions}
          optional
          rows={4}
        />
        <div className="regie-button-row">
          <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
            {t('participation.openSubmit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** /reactieperiodes/:periodId — the inventory of interests. */
export function InventoryPage() {
  const { t, date, dateTime } = useI18n();
  const { periodId = '' } = useParams();
  const inv = useLoad((signal) => participationApi.inventory(periodId, signal), [periodId]);
  const status = useFocusedStatus();
  usePageTitle(t('participation.inventoryTitle'));
  if (!inv.data) return <FirstLoad loaded={inv} title={t('participation.inventoryTitle')} />;
  const d = inv.data;
  const p = d.period;
  const changed = async (message: string) => {
    const fresh = await participationApi.inventory(periodId);
    inv.setData(fresh);
    status.show(message);
  };
  const topicName = new Map(d.topics.map((x) => [x.id, x.name]));
  return (
    <>
      <PreHeading>{p.reference}</PreHeading>
      <Heading level={1}>{t('participation.inventoryTitle')}</Heading>
      {status.element}
      <DataList>
        <Fact k={t('respond.where')}>{p.location}</Fact>
        <Fact k={t('participation.period', { date: date(p.endsOn) })}>{p.open ? t('participation.open') : t('participation.closed')}</Fact>
        <Fact k={t('participation.responsesTitle')}>{t('participation.respondents', { count: p.respondents })}</Fact>
      </DataList>
      {p.closedReason ? <Paragraph>{t('participation.closedReason', { reason: p.closedReason })}</Paragraph> : null}
      <Paragraph>
        <AppLink to={`/zaken/${p.caseId}`}>{t('participation.backToCase')}</AppLink>
        {' · '}
        <AppLink to={d.publicPath}>{t('participation.publicLink')}</AppLink>
      </Paragraph>

      <WideTable caption={t('participation.countsTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('participation.topic')}</TableHeaderCell>
            {POSITIONS.map((x) => (
              <TableHeaderCell scope="col" key={x}>
                {t(`position.${x}`)}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">{t('participation.total')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('participation.hiddenCount')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.topics.map((x) => (
            <TableRow key={x.id}>
              <TableHeaderCell scope="row">{x.name}</TableHeaderCell>
              {POSITIONS.map((pos) => (
                <TableCell key={pos}>{x.counts[pos]}</TableCell>
              ))}
              <TableCell>{x.total}</TableCell>
              <TableCell>{x.hidden}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>

      <Section title={t('participation.answersTitle')}>
        {d.abilities.editAnswers ? null : <Paragraph>{t('participation.answersLocked')}</Paragraph>}
        {d.topics.map((x) =>
          d.abilities.editAnswers ? (
            <AnswerForm key={x.id} periodId={p.id} topic={x} onSaved={() => changed(t('participation.answerSaved'))} />
          ) : (
            <div key={x.id}>
              <Heading level={3}>{x.name}</Heading>
              <Paragraph>{x.answer ?? t('participation.noAnswer')}</Paragraph>
            </div>
          ),
        )}
      </Section>

      <Section title={t('participation.responsesTitle')}>
        {d.responses.length ? (
          <ul className="regie-response-list">
            {d.responses.map((r) => (
              <li key={r.id} className={r.hidden ? 'regie-panel regie-muted' : 'regie-panel'}>
                <Heading level={3}>
                  {r.name} ({r.showName ? t('participation.nameShown') : t('participation.nameNotShown')}) — {t(`position.${r.position}`)}
                </Heading>
                <DataList>
                  <Fact k={t('respond.relation')}>{t(`relation.${r.relation}`)}</Fact>
                  <Fact k={t('participation.about')}>{r.topicIds.map((id) => topicName.get(id) ?? '').join(', ')}</Fact>
                  <Fact k={t('participation.interest')}>{r.interest}</Fact>
                  {r.wouldHelp ? <Fact k={t('participation.wouldHelp')}>{r.wouldHelp}</Fact> : null}
                  {r.answers.map((a, i) =>
                    a ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: answers follow the period's fixed questions
                      <Fact key={i} k={t('respond.question', { n: i + 1, question: p.questions[i] ?? '' })}>
                        {a}
                      </Fact>
                    ) : null,
                  )}
                  <Fact k={t('respond.confirmTitle')}>{dateTime(r.confirmedAt)}</Fact>
                </DataList>
                {r.hidden ? (
                  <Paragraph>
                    <strong>{t('participation.hiddenBy', { by: r.hidden.by ?? '', reason: r.hidden.reason })}</strong>
                  </Paragraph>
                ) : d.abilities.moderate ? (
                  <HideForm responseId={r.id} onHidden={() => changed(t('participation.hidden'))} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('participation.noResponses')}</Paragraph>
        )}
      </Section>

      {d.abilities.close ? <CloseForm periodId={p.id} onClosed={() => changed(t('participation.closedNow'))} /> : null}
    </>
  );
}

function AnswerForm({ periodId, topic, onSaved }: { periodId: string; topic: Inventory['topics'][number]; onSaved(): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['answer']);
  const [text, setText] = useState(topic.answer ?? '');
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!submit.checked(text.trim() ? {} : { answer: t('participation.error.required') })) return;
    const r = await submit.run(() => participationApi.answerTopic(periodId, topic.id, text.trim()).then(() => true));
    if (r) onSaved();
  }
  const name = `answer-${topic.id}`;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={submit.errors.answer ? { [name]: submit.errors.answer } : {}} labels={{ [name]: topic.name }} />
      <TextAreaField
        name={name}
        label={t('participation.answerLabel', { topic: topic.name })}
        value={text}
        onChange={setText}
        error={submit.errors.answer}
        rows={3}
      />
      <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
        {t('participation.answerSave')}
      </Button>
    </form>
  );
}

function HideForm({ responseId, onHidden }: { responseId: string; onHidden(): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['reason']);
  const [reason, setReason] = useState('');
  const name = `hide-${responseId}`;
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!submit.checked(reason.trim() ? {} : { reason: t('participation.error.required') })) return;
    const r = await submit.run(() => participationApi.hide(responseId, reason.trim()).then(() => true));
    if (r) onHidden();
  }
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form regie-inline-form">
      <ErrorSummary
        error={submit.error}
        errors={submit.errors.reason ? { [name]: submit.errors.reason } : {}}
        labels={{ [name]: t('participation.hideReason') }}
      />
      <TextField name={name} label={t('participation.hideReason')} value={reason} onChange={setReason} error={submit.errors.reason} />
      <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
        {t('participation.hide')}
      </Button>
    </form>
  );
}

function CloseForm({ periodId, onClosed }: { periodId: string; onClosed(): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['reason']);
  const [reason, setReason] = useState('');
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!submit.checked(reason.trim() ? {} : { 'close-reason': t('participation.error.required') })) return;
    const r = await submit.run(() => participationApi.close(periodId, reason.trim()).then(() => true));
    if (r) onClosed();
  }
  return (
    <Section title={t('participation.closeTitle')} className="regie-section regie-panel">
      <form noValidate onSubmit={onSubmit} className="regie-form">
        <ErrorSummary error={submit.error} errors={submit.errors} labels={{ 'close-reason': t('participation.closeReason') }} />
        <TextAreaField
          name="close-reason"
          label={t('participation.closeReason')}
          value={reason}
          onChange={setReason}
          error={submit.errors['close-reason']}
          rows={3}
        />
        <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
          {t('participation.closeSubmit')}
        </Button>
      </form>
    </Section>
  );
}
