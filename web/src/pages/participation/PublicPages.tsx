// The public pages of response periods (docs/product.md#responding-to-a-case): the list
// of open periods of a municipality with its Atom feed, one period's response form (no
// account), and the landing page of the confirmation link from the mail.
import { Button, DataList, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useParams } from 'react-router';
import { type PublicPeriod, participationApi } from '../../api/participation.js';
import type { ApiError } from '../../api.js';
import { Fact } from '../../components/Fact.js';
import { CheckboxField, CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, FirstLoad, LiveStatus, Loading } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { useCheckedSubmit, useFocusOnMount, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

const RELATIONS = ['neighbour', 'business', 'organisation', 'other'] as const;
const POSITIONS = ['support', 'concern', 'objection'] as const;
/** The hidden field only robots fill in (src/platform/http/honeypot.ts). */
const HONEYPOT = 'website';

/** /reageren/:gemeente — the open periods, soonest end first, and the feed. */
export function PublicPeriodsPage() {
  const { t, date } = useI18n();
  const { gemeente = '' } = useParams();
  const list = useLoad((signal) => participationApi.publicPeriods(gemeente, signal), [gemeente]);
  const name = list.data?.municipality.name ?? '';
  usePageTitle(name ? t('respond.listTitle', { name }) : t('respond.listNone'));
  if (!list.data) return <FirstLoad loaded={list} title={t('respond.listNone')} />;
  return (
    <>
      {/* React hoists this link into the document's head: feed readers find the feed from the page. */}
      <link
        rel="alternate"
        type="application/atom+xml"
        title={t('respond.feedTitle', { name })}
        href={`/api/v1/municipalities/${gemeente}/response-periods.atom`}
      />
      <Heading level={1}>{t('respond.listTitle', { name })}</Heading>
      <Paragraph lead>{t('respond.listLead')}</Paragraph>
      {list.data.items.length ? (
        <ul className="regie-response-list">
          {list.data.items.map((p) => (
            <li key={p.id} className="regie-panel">
              <Heading level={2} appearance="utrecht-heading-3">
                <AppLink to={`/reageren/${gemeente}/${p.id}`}>{t('respond.toPage', { reference: `${p.reference} — ${p.location}` })}</AppLink>
              </Heading>
              <Paragraph>{p.summary}</Paragraph>
              <Paragraph>
                <strong>{t('respond.until', { date: date(p.endsOn) })}</strong>
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('respond.listNone')}</Paragraph>
      )}
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={`/api/v1/municipalities/${gemeente}/response-periods.atom`}>
          {t('respond.feed')}
        </a>
      </Paragraph>
    </>
  );
}

/** /reageren/:gemeente/:periodId — one period and its response form. */
export function PublicResponsePage() {
  const { t, date } = useI18n();
  const { gemeente = '', periodId = '' } = useParams();
  const p = useLoad((signal) => participationApi.publicPeriod(gemeente, periodId, signal), [gemeente, periodId]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const title = p.data ? t('respond.pageTitle', { reference: p.data.reference }) : t('respond.unknown');
  usePageTitle(sentTo ? t('respond.doneTitle') : title);
  if (!p.data) return <FirstLoad loaded={p} title={t('respond.unknown')} />;
  const period = p.data;
  if (sentTo) return <ResponseSent email={sentTo} slug={gemeente} />;
  return (
    <>
      <PreHeading>{period.municipality.name}</PreHeading>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{period.summary}</Paragraph>
      <DataList>
        <Fact k={t('respond.reference')}>{period.reference}</Fact>
        <Fact k={t('respond.where')}>{period.location}</Fact>
        {period.themes.length ? <Fact k={t('respond.themes')}>{period.themes.join(', ')}</Fact> : null}
      </DataList>
      {period.open ? (
        <>
          <Paragraph>
            <strong>{t('respond.until', { date: date(period.endsOn) })}</strong>
          </Paragraph>
          <Paragraph>{t('respond.required')}</Paragraph>
          <ResponseForm slug={gemeente} period={period} onDone={setSentTo} />
        </>
      ) : (
        <>
          <Heading level={2}>{t('respond.closedTitle')}</Heading>
          <Paragraph>{t('respond.closedText')}</Paragraph>
        </>
      )}
      <Paragraph>
        <AppLink to={`/reageren/${gemeente}`}>{t('respond.backToList')}</AppLink>
      </Paragraph>
    </>
  );
}

const FIELDS = ['name', 'email', 'relation', 'position', 'topicIds', 'interest', 'wouldHelp', 'answers'] as const;

function ResponseForm({ slug, period, onDone }: { slug: string; period: PublicPeriod; onDone(email: string): void }) {
  const { t, locale } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const trapId = useId();
  const [f, setF] = useState({ name: '', email: '', relation: '', position: '', interest: '', wouldHelp: '', trap: '' });
  const [showName, setShowName] = useState(false);
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [answers, setAnswers] = useState<string[]>(period.questions.map(() => ''));
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const labels: Record<string, string> = {
    name: t('respond.name'),
    email: t('respond.email'),
    relation: t('respond.relation'),
    position: t('respond.position'),
    topicIds: t('respond.topics'),
    interest: t('respond.interest'),
    wouldHelp: t('respond.wouldHelp'),
  };

  function check(): FieldErrors {
    const e: FieldErrors = {};
    if (!f.name.trim()) e.name = t('respond.error.name');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = t('respond.error.email');
    if (!f.relation) e.relation = t('respond.error.relation');
    if (!f.position) e.position = t('respond.error.position');
    if (!topicIds.length) e.topicIds = t('respond.error.topics');
    if (!f.interest.trim()) e.interest = t('respond.error.interest');
    return e;
  }

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!submit.checked(check())) return;
    const r = await submit.run(() =>
      participationApi.respond(slug, period.id, {
        name: f.name.trim(),
        showName,
        email: f.email.trim(),
        relation: f.relation as (typeof RELATIONS)[number],
        position: f.position as (typeof POSITIONS)[number],
        topicIds,
        interest: f.interest.trim(),
        wouldHelp: f.wouldHelp.trim(),
        answers: answers.map((a) => a.trim()),
        locale,
        ...(f.trap ? { [HONEYPOT]: f.trap } : {}),
      }),
    );
    if (r) onDone(f.email.trim());
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('respond.you')}</legend>
        <TextField name="name" label={labels.name} value={f.name} onChange={set('name')} error={errors.name} required autoComplete="name" />
        <CheckboxField name="showName" label={t('respond.showName')} description={t('respond.showNameHint')} checked={showName} onChange={setShowName} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          description={t('respond.emailHint')}
          value={f.email}
          onChange={set('email')}
          error={errors.email}
          required
          autoComplete="email"
          inputMode="email"
        />
      </fieldset>
      <RadioGroup
        name="relation"
        legend={labels.relation}
        options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
        value={f.relation}
        onChange={set('relation')}
        error={errors.relation}
      />
      <RadioGroup
        name="position"
        legend={labels.position}
        options={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))}
        value={f.position}
        onChange={set('position')}
        error={errors.position}
      />
      <CheckboxGroup
        name="topicIds"
        legend={labels.topicIds}
        options={period.topics.map((x) => ({ value: x.id, label: x.name }))}
        value={topicIds}
        onChange={setTopicIds}
        error={errors.topicIds}
      />
      <TextAreaField name="interest" label={labels.interest} value={f.interest} onChange={set('interest')} error={errors.interest} required rows={5} />
      <TextAreaField name="wouldHelp" label={labels.wouldHelp} value={f.wouldHelp} onChange={set('wouldHelp')} error={errors.wouldHelp} optional rows={4} />
      {period.questions.map((q, i) => (
        <TextAreaField
          // biome-ignore lint/suspicious/noArrayIndexKey: the questions are fixed for the period, in this order
          key={i}
          name={`answers.${i}`}
          label={t('respond.question', { n: i + 1, question: q })}
          value={answers[i] ?? ''}
          onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
          optional
          rows={3}
        />
      ))}
      {/* Only robots fill this in: out of sight, out of the tab order and hidden from assistive technology. */}
      <div className="regie-visually-hidden" aria-hidden="true">
        <label htmlFor={trapId}>Website</label>
        <input id={trapId} name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" value={f.trap} onChange={(e) => set('trap')(e.target.value)} />
      </div>
      <div className="regie-button-row">
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('respond.submit')}
        </Button>
      </div>
    </form>
  );
}

function ResponseSent({ email, slug }: { email: string; slug: string }) {
  const { t } = useI18n();
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <Heading level={1} ref={ref} tabIndex={-1}>
        {t('respond.doneTitle')}
      </Heading>
      <Paragraph>{t('respond.doneText', { email })}</Paragraph>
      <Paragraph>
        <AppLink to={`/reageren/${slug}`}>{t('respond.backToList')}</AppLink>
      </Paragraph>
    </>
  );
}

// One confirmation per token, even when React runs the effect twice in development.
const confirmations = new Map<string, ReturnType<typeof participationApi.confirm>>();

/** /reageren/bevestigen#<token> — the link from the mail. */
export function ConfirmResponsePage() {
  const { t } = useI18n();
  usePageTitle(t('respond.confirmTitle'));
  const [state, setState] = useState<{ done?: { slug: string; periodId: string }; error?: ApiError; missing?: boolean }>({});
  useEffect(() => {
    const token = decodeURIComponent(window.location.hash.slice(1));
    if (!token) {
      setState({ missing: true });
      return;
    }
    let p = confirmations.get(token);
    if (!p) {
      p = participationApi.confirm(token);
      confirmations.set(token, p);
    }
    let live = true;
    p.then(
      (r) => {
        if (!live) return;
        window.history.replaceState(null, '', window.location.pathname);
        setState({ done: r });
      },
      (e: ApiError) => {
        if (live) setState({ error: e });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <Heading level={1}>{t('respond.confirmTitle')}</Heading>
      {state.missing ? <Paragraph>{t('respond.noToken')}</Paragraph> : null}
      {state.error ? <ErrorAlert error={state.error} loginLink={false} /> : null}
      <LiveStatus message={state.done ? t('respond.confirmed') : null} />
      {state.done ? (
        <>
          <Paragraph>{t('respond.confirmedNext')}</Paragraph>
          <Paragraph>
            <AppLink to={`/reageren/${state.done.slug}/${state.done.periodId}`}>{t('respond.toPeriod')}</AppLink>
          </Paragraph>
        </>
      ) : null}
      {!state.done && !state.error && !state.missing ? <Loading /> : null}
    </>
  );
}
