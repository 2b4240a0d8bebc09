// Zaaksysteem (ZGW) (docs/product.md#zgw-registration): the municipality's settings for
// registering every case as a zaak, the client secret written but never shown, and the
// status page of what is waiting or failed with "opnieuw proberen". The zaaktype, its
// status types and the informatieobjecttype are chosen from the Catalogi API
// (docs/product.md#zgw-zaaktype-choice); while it cannot be reached the addresses are
// typed in. The admin's page; the rules are the server's.
import { Button, Heading, Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { type ZgwSettings, type ZgwSettingsBody, type ZgwZaaktype, zgwApi } from '../../api/zgw.js';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';

const TEXT_FIELDS = [
  'zakenUrl',
  'catalogiUrl',
  'documentenUrl',
  'zaaktypeUrl',
  'statustypeIntakeUrl',
  'statustypePlanAgreedUrl',
  'statustypeClosedUrl',
  'informatieobjecttypeUrl',
  'rsin',
  'clientId',
] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
/** The fields chosen from the Catalogi API when it answers. */
const CATALOGUE_FIELDS = ['zaaktypeUrl', 'statustypeIntakeUrl', 'statustypePlanAgreedUrl', 'statustypeClosedUrl', 'informatieobjecttypeUrl'] as const;
const STATUS_FIELDS = ['statustypeIntakeUrl', 'statustypePlanAgreedUrl', 'statustypeClosedUrl'] as const;
const isCatalogueField = (f: TextFieldName): f is (typeof CATALOGUE_FIELDS)[number] => (CATALOGUE_FIELDS as readonly string[]).includes(f);

export function ZgwPage() {
  const { t } = useI18n();
  usePageTitle(t('zgw.title'));
  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('zgw.title')}</Heading>
      <Paragraph>{t('zgw.intro')}</Paragraph>
      <SettingsForm />
      <Tasks />
    </>
  );
}

function SettingsForm() {
  const { t } = useI18n();
  const settings = useLoad((signal) => zgwApi.settings(signal), []);
  const submit = useSubmit();
  const [form, setForm] = useState<Record<TextFieldName, string>>(() => Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>);
  const [enabled, setEnabled] = useState(false);
  const [secret, setSecret] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    const s: ZgwSettings | undefined = settings.data;
    if (!s) return;
    setForm(Object.fromEntries(TEXT_FIELDS.map((f) => [f, s[f]])) as Record<TextFieldName, string>);
    setEnabled(s.enabled);
  }, [settings.data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!settings.data) return;
    setStatus(null);
    const body: ZgwSettingsBody = { ...form, enabled, ...(secret ? { clientSecret: secret } : {}) };
    const saved = await submit.run(() => zgwApi.save(settings.data?.version ?? 0, body));
    if (saved) {
      settings.setData(saved);
      setSecret('');
      setStatus(t('zgw.saved'));
    }
  }
  const fieldError = (name: string) => submit.error?.invalidParams.find((p) => p.name === name)?.reason;
  // The Catalogi API is asked once its address and credentials are saved.
  const canAsk = !!settings.data?.catalogiUrl && !!settings.data?.clientId && !!settings.data?.hasSecret;
  const catalogue = useLoad(
    async (signal) =>
      canAsk ? { zaaktypen: (await zgwApi.zaaktypen(signal)).items, informatieobjecttypen: (await zgwApi.informatieobjecttypen(signal)).items } : null,
    [canAsk, settings.data?.catalogiUrl, settings.data?.version],
  );
  const choose = !!catalogue.data;
  const zaaktype: ZgwZaaktype | undefined = catalogue.data?.zaaktypen.find((z) => z.url === form.zaaktypeUrl);
  /** The options of a select, with the current value kept when the catalogue does not know it. */
  const options = (list: { value: string; label: string }[], current: string) =>
    current && !list.some((o) => o.value === current) ? [...list, { value: current, label: t('zgw.notInCatalogue', { url: current }) }] : list;
  const selectFor = (f: (typeof CATALOGUE_FIELDS)[number]) => {
    if (!catalogue.data) return null;
    const list =
      f === 'zaaktypeUrl'
        ? catalogue.data.zaaktypen.map((z) => ({ value: z.url, label: `${z.omschrijving} (${z.identificatie})` }))
        : f === 'informatieobjecttypeUrl'
          ? catalogue.data.informatieobjecttypen.map((i) => ({ value: i.url, label: i.omschrijving }))
          : (zaaktype?.statustypen ?? []).map((s) => ({ value: s.url, label: `${s.volgnummer}. ${s.omschrijving}` }));
    return (
      <SelectField
        key={f}
        name={f}
        label={t(`zgw.${f}Choice`)}
        placeholder={f === 'zaaktypeUrl' ? t('zgw.chooseZaaktype') : t('zgw.none')}
        options={options(list, form[f])}
        value={form[f]}
        onChange={(v) =>
          setForm((old) => ({
            ...old,
            [f]: v,
            // another zaaktype: its own status types are chosen again
            ...(f === 'zaaktypeUrl' && v !== old.zaaktypeUrl ? Object.fromEntries(STATUS_FIELDS.map((s) => [s, ''])) : {}),
          }))
        }
        error={fieldError(f)}
      />
    );
  };
  return (
    <Section title={t('zgw.settingsTitle')}>
      <LiveStatus message={status} />
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {submit.error && !submit.error.invalidParams.length ? <ErrorAlert error={submit.error} /> : null}
      {settings.loading && !settings.data ? <Loading /> : null}
      {settings.data ? (
        <form noValidate onSubmit={onSubmit} className="regie-form">
          <CheckboxField name="enabled" label={t('zgw.enabled')} checked={enabled} onChange={setEnabled} />
          {catalogue.error ? <ErrorAlert error={catalogue.error} loginLink={false} /> : canAsk ? null : <Paragraph>{t('zgw.catalogueFirst')}</Paragraph>}
          {TEXT_FIELDS.map((f) =>
            choose && isCatalogueField(f) ? (
              selectFor(f)
            ) : (
              <TextField
                key={f}
                name={f}
                label={t(`zgw.${f}`)}
                description={f === 'rsin' ? t('zgw.rsinHint') : undefined}
                inputMode={f === 'rsin' ? 'numeric' : undefined}
                type={f.endsWith('Url') ? 'url' : 'text'}
                value={form[f]}
                onChange={(v) => setForm((old) => ({ ...old, [f]: v }))}
                error={fieldError(f)}
              />
            ),
          )}
          <TextField
            name="clientSecret"
            label={t('zgw.clientSecret')}
            type="password"
            autoComplete="new-password"
            description={settings.data.hasSecret ? t('zgw.secretKept') : t('zgw.secretNone')}
            value={secret}
            onChange={setSecret}
            error={fieldError('clientSecret')}
          />
          <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
            {t('zgw.save')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

function Tasks() {
  const { t, dateTime } = useI18n();
  const tasks = useLoad((signal) => zgwApi.tasks(signal), []);
  const action = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Section title={t('zgw.tasksTitle')}>
      <LiveStatus message={status} />
      {tasks.error ? <ErrorAlert error={tasks.error} /> : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data ? (
        <>
          <Paragraph>{t('zgw.done', { count: tasks.data.done })}</Paragraph>
          {tasks.data.items.length ? (
            <WideTable caption={t('zgw.tasksCaption', { count: tasks.data.items.length })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('zgw.case')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.step')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.state')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.attempts')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.next')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.lastError')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('zgw.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tasks.data.items.map((task) => (
                  <TableRow key={task.id}>
                    <TableHeaderCell scope="row">{task.caseReference}</TableHeaderCell>
                    <TableCell>{t(`zgw.step.${task.step}`)}</TableCell>
                    <TableCell>
                      <StatusBadge status={task.status === 'failed' ? 'error' : 'inactive'}>{t(`zgw.status.${task.status}`)}</StatusBadge>
                    </TableCell>
                    <TableCell>{task.attempts}</TableCell>
                    <TableCell>{task.nextAttemptAt ? dateTime(task.nextAttemptAt) : ''}</TableCell>
                    <TableCell>{task.lastError ?? ''}</TableCell>
                    <TableCell>
                      <Button
                        appearance="secondary-action-button"
                        onClick={async () => {
                          setStatus(null);
                          const r = await action.run(() => zgwApi.retry(task.id));
                          if (!r) return;
                          setStatus(t('zgw.retried'));
                          tasks.reload();
                        }}
                      >
                        {t('zgw.retry')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </WideTable>
          ) : (
            <Paragraph>{t('zgw.tasksEmpty')}</Paragraph>
          )}
        </>
      ) : null}
    </Section>
  );
}
