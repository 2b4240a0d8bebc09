// The coordinator's follow-up of low report marks (docs/product.md#a-low-mark-is-followed-up):
// each mark below 6 with its date, the case and the open answer, what was done about it,
// and the form to record a follow-up (what was done, ongoing or done).
import { Button, DataList, Heading, OrderedList, OrderedListItem, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ResponseOf } from '../../api/models.js';
import { api } from '../../api.js';
import { Fact } from '../../components/Fact.js';
import { RadioGroup, TextAreaField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

type Item = ResponseOf<'/satisfaction/follow-ups', 'get'>['items'][number];
type Status = 'open' | 'done';

function FollowUpForm({ item, onSaved }: { item: Item; onSaved(message: string): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['note', 'status']);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const prefix = `opvolging-${item.surveyId}`;
  const ids = { note: `veld-${prefix}-note`, status: `veld-${prefix}-status` };
  const labels = { note: t('followUp.note'), status: t('followUp.status') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!note.trim() || note.length > 2000) c.note = t('followUp.error.note');
    if (!status) c.status = t('followUp.error.status');
    if (!submit.checked(c) || !status) return;
    const r = await submit.run(async () => {
      await api.recordSurveyFollowUp(item.surveyId, { note: note.trim(), status });
      return true;
    });
    if (r) {
      setNote('');
      setStatus('');
      onSaved(t('followUp.saved'));
    }
  }
  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form regie-form--compact" aria-label={t('followUp.form')}>
      <Heading level={3}>{t('followUp.form')}</Heading>
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={ids} />
      <TextAreaField
        name={`${prefix}-note`}
        label={labels.note}
        description={t('followUp.noteHint')}
        value={note}
        onChange={setNote}
        error={errors.note}
        required
        rows={3}
      />
      <RadioGroup
        name={`${prefix}-status`}
        legend={labels.status}
        value={status}
        onChange={(v) => setStatus(v as Status)}
        error={errors.status}
        options={[
          { value: 'open', label: t('followUp.status.open') },
          { value: 'done', label: t('followUp.status.done') },
        ]}
      />
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('followUp.save')}
      </Button>
    </form>
  );
}

/** The coordinator's page "Tevredenheid opvolgen". */
export function FollowUpsPage() {
  const { t, date, dateTime } = useI18n();
  usePageTitle(t('followUp.title'));
  const [show, setShow] = useState<'todo' | 'all'>('todo');
  const [message, setMessage] = useState<string | null>(null);
  const list = useLoad((signal) => api.surveyFollowUps(show, signal), [show]);
  const saved = (m: string) => {
    setMessage(null);
    list.reload();
    setMessage(m);
  };
  return (
    <>
      <Heading level={1}>{t('followUp.title')}</Heading>
      <Paragraph>{t('followUp.lead')}</Paragraph>
      <RadioGroup
        name="toon"
        legend={t('followUp.show')}
        value={show}
        onChange={(v) => setShow(v as 'todo' | 'all')}
        options={[
          { value: 'todo', label: t('followUp.todo') },
          { value: 'all', label: t('followUp.all') },
        ]}
      />
      <LiveStatus message={message} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <Paragraph>{t('followUp.none')}</Paragraph> : null}
      {list.data?.items.map((i) => (
        <Section key={i.surveyId} className="regie-section regie-panel" title={t('followUp.item', { reference: i.caseReference, mark: i.mark })}>
          <p className="regie-badges">
            <StatusBadge status={i.needsFollowUp ? 'warning' : 'inactive'}>{i.needsFollowUp ? t('followUp.stateTodo') : t('followUp.stateDone')}</StatusBadge>
          </p>
          <DataList className="regie-datalist">
            <Fact k={t('followUp.mark')}>{i.mark}</Fact>
            <Fact k={t('followUp.date')}>{date(i.answeredOn)}</Fact>
            <Fact k={t('followUp.case')}>
              <AppLink to={`/zaken/${i.caseId}`}>{i.caseReference}</AppLink>
            </Fact>
            <Fact k={t('followUp.comment')}>{i.comment ? <span className="regie-prewrap">{i.comment}</span> : t('followUp.noComment')}</Fact>
          </DataList>
          {i.followUps.length ? (
            <>
              <Heading level={3}>{t('followUp.history')}</Heading>
              <OrderedList>
                {i.followUps.map((f) => (
                  <OrderedListItem key={`${f.at}-${f.byId}-${f.note.slice(0, 20)}`}>
                    <span className="regie-prewrap">{f.note}</span>
                    <span className="regie-small">
                      {' '}
                      ({t('followUp.entry', { date: dateTime(f.at), by: f.byName, status: t(`followUp.status.${f.status}`) })})
                    </span>
                  </OrderedListItem>
                ))}
              </OrderedList>
            </>
          ) : null}
          <FollowUpForm item={i} onSaved={saved} />
        </Section>
      ))}
    </>
  );
}
