// Koppelingen / Webhooks (docs/product.md#webhooks): the municipality's OIN, its
// webhook subscriptions, the signing secret shown once after creation or rotation, a
// test message, pausing, and the delivery log with "opnieuw proberen" for what was
// given up. A webhook delivers NL GOV CloudEvents or publishes on the kanaal `zaken` of
// a ZGW Notificaties API (docs/product.md#zgw-notificaties): then with the API's base
// URL and a client id and secret, which is never shown again. The admin's page; the
// rules are the server's.
import {
  Alert,
  Button,
  Code,
  Heading,
  Paragraph,
  StatusBadge,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { type CreateWebhookBody, type WebhookDelivery, type WebhookSubscription, webhooksApi } from '../../api/webhooks.js';
import { CheckboxField, CheckboxGroup, RadioGroup, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';

export function WebhooksPage() {
  const { t } = useI18n();
  usePageTitle(t('webhooks.title'));
  const settings = useLoad((signal) => webhooksApi.settings(signal), []);
  const list = useLoad((signal) => webhooksApi.list(signal), []);
  const [status, setStatus] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<WebhookSubscription | null>(null);
  const [secretOf, setSecretOf] = useState<WebhookSubscription | null>(null);
  const action = useSubmit();

  const act = async (fn: () => Promise<unknown>, message: string) => {
    setStatus(null);
    const done = await action.run(fn);
    if (done === undefined) return;
    setStatus(message);
    list.reload();
  };

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('webhooks.title')}</Heading>
      <Paragraph>{t('webhooks.lead')}</Paragraph>
      <LiveStatus message={status} />

      {secret ? (
        <Alert type="warning" className="regie-webhook-secret">
          <Heading level={2} appearance="utrecht-heading-3">
            {t('webhooks.secretTitle')}
          </Heading>
          <Paragraph>{secret.url}</Paragraph>
          <Paragraph>
            <Code data-testid="webhook-secret">{secret.secret}</Code>
          </Paragraph>
          <Paragraph>{t('webhooks.secretOnce')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setSecret(null)}>
            {t('webhooks.secretDone')}
          </Button>
        </Alert>
      ) : null}

      <Section title={t('webhooks.source')}>
        <Paragraph>{t('webhooks.sourceLead')}</Paragraph>
        {settings.data ? (
          <OinForm
            oin={settings.data.oin}
            source={settings.data.source}
            onSaved={(s) => {
              settings.setData(s);
              setStatus(t('webhooks.oinSaved'));
            }}
          />
        ) : settings.error ? (
          <ErrorAlert error={settings.error} />
        ) : (
          <Loading />
        )}
      </Section>

      <Section title={t('webhooks.new')}>
        {settings.data?.oin ? (
          <NewWebhookForm
            names={settings.data.eventTypes.filter((e) => e.name !== 'test').map((e) => e.name)}
            onCreated={(url, s) => {
              if (s) setSecret({ url, secret: s });
              else setStatus(t('webhooks.zgwAdded'));
              list.reload();
            }}
          />
        ) : (
          <Paragraph>{t('webhooks.needsOin')}</Paragraph>
        )}
      </Section>

      <Section title={t('webhooks.list')}>
        {action.error ? <ErrorAlert error={action.error} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorAlert error={list.error} /> : null}
        {list.data ? (
          list.data.items.length ? (
            <WideTable caption={t('webhooks.caption', { count: list.data.items.length })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('webhooks.url')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('webhooks.state')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('webhooks.types')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('webhooks.deliveriesCol')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((w) => (
                  <TableRow key={w.id}>
                    <TableHeaderCell scope="row">
                      <span className="regie-break">{w.url}</span>
                      <div>
                        {w.format === 'zgw-notificaties' ? t('webhooks.formatZgwShort', { clientId: w.clientId ?? '' }) : t('webhooks.formatCloudEventsShort')}
                      </div>
                      {w.description ? <div>{w.description}</div> : null}
                    </TableHeaderCell>
                    <TableCell>
                      {w.active ? (
                        <StatusBadge status="valid">{t('webhooks.active')}</StatusBadge>
                      ) : (
                        <StatusBadge status="inactive">{t('webhooks.paused')}</StatusBadge>
                      )}
                    </TableCell>
                    <TableCell>{w.eventTypes ? t('webhooks.typesCount', { count: w.eventTypes.length }) : t('webhooks.typesAll')}</TableCell>
                    <TableCell>{t('webhooks.counts', w.counts)}</TableCell>
                    <TableCell>
                      <div className="regie-button-row regie-button-row--tight">
                        <Button appearance="secondary-action-button" onClick={() => setLogOf(w)} aria-label={t('webhooks.showLogN', { url: w.url })}>
                          {t('webhooks.showLog')}
                        </Button>
                        {w.active && w.format === 'cloudevents' ? (
                          <Button
                            appearance="secondary-action-button"
                            aria-label={t('webhooks.testN', { url: w.url })}
                            onClick={async () => {
                              await act(() => webhooksApi.sendTest(w.id), t('webhooks.testSent'));
                              setLogOf(w);
                            }}
                          >
                            {t('webhooks.test')}
                          </Button>
                        ) : null}
                        <Button
                          appearance="subtle-button"
                          aria-label={t(w.active ? 'webhooks.pauseN' : 'webhooks.resumeN', { url: w.url })}
                          onClick={() => act(() => webhooksApi.update(w.id, w.version, { active: !w.active }), t('webhooks.saved'))}
                        >
                          {t(w.active ? 'webhooks.pause' : 'webhooks.resume')}
                        </Button>
                        {w.format === 'cloudevents' ? (
                          <Button
                            appearance="subtle-button"
                            aria-label={t('webhooks.rotateN', { url: w.url })}
                            onClick={async () => {
                              setStatus(null);
                              const r = await action.run(() => webhooksApi.rotateSecret(w.id, w.version));
                              if (!r?.secret) return;
                              setSecret({ url: w.url, secret: r.secret });
                              list.reload();
                            }}
                          >
                            {t('webhooks.rotate')}
                          </Button>
                        ) : (
                          <Button appearance="subtle-button" aria-label={t('webhooks.replaceSecretN', { url: w.url })} onClick={() => setSecretOf(w)}>
                            {t('webhooks.replaceSecret')}
                          </Button>
                        )}
                        <Button
                          appearance="subtle-button"
                          hint="danger"
                          aria-label={t('webhooks.removeN', { url: w.url })}
                          onClick={async () => {
                            if (logOf?.id === w.id) setLogOf(null);
                            if (secretOf?.id === w.id) setSecretOf(null);
                            await act(() => webhooksApi.remove(w.id, w.version), t('webhooks.removed'));
                          }}
                        >
                          {t('webhooks.remove')}
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </WideTable>
          ) : (
            <Paragraph>{t('webhooks.empty')}</Paragraph>
          )
        ) : null}
      </Section>

      {secretOf ? (
        <ClientSecretForm
          key={secretOf.id}
          webhook={secretOf}
          onSaved={() => {
            setSecretOf(null);
            setStatus(t('webhooks.secretReplaced'));
            list.reload();
          }}
        />
      ) : null}
      {logOf ? <DeliveryLog key={logOf.id} webhook={logOf} /> : null}
    </>
  );
}

function OinForm({ oin, source, onSaved }: { oin: string | null; source: string | null; onSaved(s: Awaited<ReturnType<typeof webhooksApi.saveOin>>): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(oin ?? '');
  const submit = useCheckedSubmit(['oin']);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!submit.checked(/^[0-9]{20}$/.test(value.trim()) ? {} : { oin: t('webhooks.oinHint') })) return;
    const s = await submit.run(() => webhooksApi.saveOin(value.trim()));
    if (s) onSaved(s);
  };
  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary error={submit.error} errors={submit.errors} labels={{ oin: t('webhooks.oin') }} />
      <TextField
        name="oin"
        label={t('webhooks.oin')}
        description={t('webhooks.oinHint')}
        value={value}
        onChange={setValue}
        inputMode="numeric"
        error={submit.errors.oin}
        required
      />
      {source ? <Paragraph>{t('webhooks.sourceIs', { source })}</Paragraph> : null}
      <div className="regie-button-row">
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('webhooks.saveOin')}
        </Button>
      </div>
    </form>
  );
}

const FORM_FIELDS = ['format', 'url', 'clientId', 'clientSecret', 'description', 'eventTypes', 'personalData'];
type Format = CreateWebhookBody['format'] & string;

function NewWebhookForm({ names, onCreated }: { names: string[]; onCreated(url: string, secret: string | null): void }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<Format>('cloudevents');
  const [url, setUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [description, setDescription] = useState('');
  const [which, setWhich] = useState<'all' | 'some'>('all');
  const [types, setTypes] = useState<string[]>([]);
  const [personalData, setPersonalData] = useState(false);
  const submit = useCheckedSubmit(FORM_FIELDS);
  const zgw = format === 'zgw-notificaties';
  const labels = {
    format: t('webhooks.format'),
    url: zgw ? t('webhooks.zgwUrl') : t('webhooks.url'),
    clientId: t('webhooks.clientId'),
    clientSecret: t('webhooks.clientSecret'),
    description: t('webhooks.description'),
    eventTypes: t('webhooks.chooseTypes'),
    personalData: t('webhooks.personalData'),
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!url.trim()) problems.url = zgw ? t('webhooks.zgwUrlHint') : t('webhooks.urlHint');
    if (zgw && !clientId.trim()) problems.clientId = t('webhooks.clientIdHint');
    if (zgw && !clientSecret) problems.clientSecret = t('webhooks.clientSecretHint');
    if (!zgw && which === 'some' && !types.length) problems.eventTypes = t('webhooks.chooseTypes');
    if (!submit.checked(problems)) return;
    const created = await submit.run(() =>
      webhooksApi.create(
        zgw
          ? { format, url: url.trim(), description: description.trim(), clientId: clientId.trim(), clientSecret }
          : {
              format,
              url: url.trim(),
              description: description.trim(),
              eventTypes: which === 'all' ? null : (types as CreateWebhookBody['eventTypes']),
              personalData,
            },
      ),
    );
    if (!created) return;
    setFormat('cloudevents');
    setClientId('');
    setClientSecret('');
    setUrl('');
    setDescription('');
    setTypes([]);
    setWhich('all');
    setPersonalData(false);
    onCreated(created.url, created.secret);
  };

  return (
    <form onSubmit={add} noValidate>
      <ErrorSummary error={submit.error} errors={submit.errors} labels={labels} />
      <RadioGroup
        name="format"
        legend={labels.format}
        value={format}
        onChange={(v) => setFormat(v as Format)}
        options={[
          { value: 'cloudevents', label: t('webhooks.formatCloudEvents') },
          { value: 'zgw-notificaties', label: t('webhooks.formatZgw') },
        ]}
      />
      <TextField
        name="url"
        label={labels.url}
        description={zgw ? t('webhooks.zgwUrlHint') : t('webhooks.urlHint')}
        value={url}
        onChange={setUrl}
        type="url"
        error={submit.errors.url}
        required
      />
      {zgw ? (
        <>
          <TextField
            name="clientId"
            label={labels.clientId}
            description={t('webhooks.clientIdHint')}
            value={clientId}
            onChange={setClientId}
            autoComplete="off"
            error={submit.errors.clientId}
            required
          />
          <TextField
            name="clientSecret"
            label={labels.clientSecret}
            description={t('webhooks.clientSecretHint')}
            value={clientSecret}
            onChange={setClientSecret}
            type="password"
            autoComplete="new-password"
            error={submit.errors.clientSecret}
            required
          />
          <Paragraph>{t('webhooks.zgwWhat')}</Paragraph>
        </>
      ) : null}
      <TextField name="description" label={labels.description} value={description} onChange={setDescription} error={submit.errors.description} optional />
      {zgw ? null : (
        <>
          <RadioGroup
            name="which"
            legend={t('webhooks.types')}
            value={which}
            onChange={(v) => setWhich(v as 'all' | 'some')}
            options={[
              { value: 'all', label: t('webhooks.allTypes') },
              { value: 'some', label: t('webhooks.someTypes') },
            ]}
          />
          {which === 'some' ? (
            <CheckboxGroup
              name="eventTypes"
              legend={labels.eventTypes}
              options={names.map((n) => ({ value: n, label: n }))}
              value={types}
              onChange={setTypes}
              error={submit.errors.eventTypes}
            />
          ) : null}
          <CheckboxField
            name="personalData"
            label={labels.personalData}
            description={t('webhooks.personalDataHint')}
            checked={personalData}
            onChange={setPersonalData}
          />
        </>
      )}
      <div className="regie-button-row">
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('webhooks.add')}
        </Button>
      </div>
    </form>
  );
}

/** A new client secret for a ZGW Notificaties webhook: written, never read back (docs/product.md#zgw-notificaties). */
function ClientSecretForm({ webhook, onSaved }: { webhook: WebhookSubscription; onSaved(): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = useCheckedSubmit(['clientSecret']);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!submit.checked(value ? {} : { clientSecret: t('webhooks.clientSecretHint') })) return;
    const done = await submit.run(() => webhooksApi.update(webhook.id, webhook.version, { clientSecret: value }));
    if (done) onSaved();
  };
  return (
    <Section title={t('webhooks.replaceSecretTitle', { url: webhook.url })}>
      <form onSubmit={save} noValidate>
        <ErrorSummary error={submit.error} errors={submit.errors} labels={{ clientSecret: t('webhooks.clientSecret') }} />
        <TextField
          name="clientSecret"
          label={t('webhooks.clientSecret')}
          description={t('webhooks.clientSecretHint')}
          value={value}
          onChange={setValue}
          type="password"
          autoComplete="new-password"
          error={submit.errors.clientSecret}
          required
        />
        <div className="regie-button-row">
          <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
            {t('webhooks.saveSecret')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function DeliveryLog({ webhook }: { webhook: WebhookSubscription }) {
  const { t, dateTime } = useI18n();
  const [more, setMore] = useState<WebhookDelivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoad(
    (signal) =>
      webhooksApi.deliveries(webhook.id, undefined, signal).then((p) => {
        setMore([]);
        setCursor(p.nextCursor);
        return p;
      }),
    [webhook.id],
  );
  const action = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const items = [...(first.data?.items ?? []), ...more];

  const loadMore = async () => {
    if (!cursor) return;
    const p = await action.run(() => webhooksApi.deliveries(webhook.id, cursor));
    if (!p) return;
    setMore((m) => [...m, ...p.items]);
    setCursor(p.nextCursor);
  };

  return (
    <Section title={t('webhooks.log', { url: webhook.url })}>
      <LiveStatus message={status} />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {first.error ? <ErrorAlert error={first.error} /> : null}
      <div className="regie-button-row">
        <Button appearance="secondary-action-button" onClick={() => first.reload()}>
          {t('webhooks.logReload')}
        </Button>
      </div>
      {first.loading && !first.data ? <Loading /> : null}
      {first.data ? (
        items.length ? (
          <WideTable caption={t('webhooks.logCaption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('webhooks.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.state')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.attempts')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.lastAnswer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((d) => (
                <TableRow key={d.id}>
                  <TableHeaderCell scope="row">{dateTime(d.createdAt)}</TableHeaderCell>
                  <TableCell>{d.eventType}</TableCell>
                  <TableCell>
                    <StatusBadge status={d.status === 'delivered' ? 'valid' : d.status === 'dead' ? 'error' : 'inactive'}>
                      {t(`webhooks.status.${d.status}`)}
                    </StatusBadge>
                  </TableCell>
                  <TableCell>{d.attempts}</TableCell>
                  <TableCell>{[d.lastStatus ? `HTTP ${d.lastStatus}` : null, d.lastError].filter(Boolean).join(' · ')}</TableCell>
                  <TableCell>
                    {d.status === 'dead' ? (
                      <Button
                        appearance="secondary-action-button"
                        onClick={async () => {
                          setStatus(null);
                          const r = await action.run(() => webhooksApi.retry(webhook.id, d.id));
                          if (!r) return;
                          setStatus(t('webhooks.retried'));
                          first.reload();
                        }}
                      >
                        {t('webhooks.retry')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('webhooks.logEmpty')}</Paragraph>
        )
      ) : null}
      {cursor ? (
        <div className="regie-button-row">
          <Button appearance="secondary-action-button" onClick={loadMore} busy={action.busy}>
            {t('webhooks.logMore')}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
