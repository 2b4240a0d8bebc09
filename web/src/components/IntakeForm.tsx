// The intake form: a resident or entrepreneur describes what they want in their own
// words. Staff use the same form to register a case on someone's behalf (desk,
// phone, e-mail).
import { Button, Fieldset, FieldsetLegend, Heading } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ACCEPTED_FILES, attachmentsApi } from '../api/attachments.js';
import { CHANNELS, type Channel, type Named, type PublicMunicipality, type ResponseOf } from '../api/models.js';
import { ApiError, api } from '../api.js';
import { type Loaded, useCheckedSubmit, useFocusOnMount } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from './Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from './feedback.js';
import { type FieldErrors, trimOrNull } from './forms.js';
import { type PickedPlace, PlaceField } from './geo/PlaceField.js';

const FIELDS = [
  'initiator.name',
  'initiator.email',
  'initiator.phone',
  'initiator.company',
  'initiator.kvkNumber',
  'title',
  'description',
  'location',
  'areaId',
  'themeIds',
  'channel',
] as const;

/** The API's answer to the intake, the address the confirmation went to and the files that did not come along. */
export type Submitted = ResponseOf<'/cases', 'post'> & { email: string; filesFailed?: string[] };

/**
 * The files chosen with the intake, sent once the intake is in: without an account
 * through the intake's short upload slot, otherwise (a confirmed case of a logged-in
 * initiator, or staff at the desk) as the case's own files (docs/product.md#attachments).
 */
async function sendIntakeFiles(slug: string, caseId: string, files: File[]): Promise<string[]> {
  const failed: string[] = [];
  for (const file of files) {
    try {
      await attachmentsApi.addToIntake(slug, caseId, file);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        failed.push(file.name);
        continue;
      }
      try {
        await attachmentsApi.add(caseId, 'intake', file);
      } catch {
        failed.push(file.name);
      }
    }
  }
  return failed;
}

export function IntakeForm({
  municipality,
  areas,
  themes,
  staff = false,
  onDone,
}: {
  municipality: string;
  areas: Named[];
  themes: Named[];
  staff?: boolean;
  onDone(s: Submitted): void;
}) {
  const { t, locale } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const [f, setF] = useState({
    name: '',
    email: '',
    phone: '',
    company: '',
    kvkNumber: '',
    title: '',
    description: '',
    location: '',
    areaId: '',
    channel: 'desk' as Channel,
  });
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const filesId = useId();
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  const labels: Record<string, string> = {
    'initiator.name': t(staff ? 'intake.nameStaff' : 'intake.name'),
    'initiator.email': t('intake.email'),
    'initiator.phone': t('intake.phone'),
    'initiator.company': t('intake.company'),
    'initiator.kvkNumber': t('intake.kvkNumber'),
    title: t('intake.title'),
    description: t(staff ? 'intake.descriptionStaff' : 'intake.description'),
    location: t('intake.location'),
    areaId: t('intake.area'),
    themeIds: t('intake.themes'),
    channel: t('intake.channel'),
  };

  function check(): FieldErrors {
    const e: FieldErrors = {};
    if (!f.name.trim()) e['initiator.name'] = t('intake.error.name');
    if (!f.email.trim()) e['initiator.email'] = t('intake.error.email');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e['initiator.email'] = t('intake.error.emailFormat');
    if (f.kvkNumber.trim() && !/^\d{8}$/.test(f.kvkNumber.trim())) e['initiator.kvkNumber'] = t('intake.error.kvk');
    if (f.title.trim().length < 3) e.title = t('intake.error.title');
    if (f.description.trim().length < 10) e.description = t('intake.error.description');
    if (!f.location.trim()) e.location = t('intake.error.location');
    return e;
  }

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    const e = check();
    if (!submit.checked(e)) return;
    const r = await submit.run(() =>
      api.submitCase({
        municipality,
        initiator: {
          name: f.name.trim(),
          email: f.email.trim(),
          phone: trimOrNull(f.phone),
          company: trimOrNull(f.company),
          kvkNumber: trimOrNull(f.kvkNumber),
          locale,
        },
        title: f.title.trim(),
        description: f.description.trim(),
        location: f.location.trim(),
        areaId: f.areaId || null,
        themeIds,
        ...(staff ? { channel: f.channel } : {}),
        place: place ? { addressId: place.addressId, lon: place.lon, lat: place.lat } : null,
      }),
    );
    if (r) {
      const filesFailed = files.length ? await sendIntakeFiles(municipality, r.id, files) : [];
      onDone({ ...r, email: f.email.trim(), filesFailed });
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <Fieldset>
        <FieldsetLegend>{t(staff ? 'intake.personLegendStaff' : 'intake.personLegend')}</FieldsetLegend>
        <TextField
          name="initiator.name"
          label={labels['initiator.name']}
          value={f.name}
          onChange={set('name')}
          error={errors['initiator.name']}
          required
          autoComplete={staff ? 'off' : 'name'}
        />
        <TextField
          name="initiator.email"
          type="email"
          label={labels['initiator.email']}
          description={t(staff ? 'intake.emailHintStaff' : 'intake.emailHint')}
          value={f.email}
          onChange={set('email')}
          error={errors['initiator.email']}
          required
          autoComplete={staff ? 'off' : 'email'}
        />
        <TextField
          name="initiator.phone"
          type="tel"
          label={labels['initiator.phone']}
          optional
          value={f.phone}
          onChange={set('phone')}
          error={errors['initiator.phone']}
          autoComplete={staff ? 'off' : 'tel'}
        />
        <TextField
          name="initiator.company"
          label={labels['initiator.company']}
          optional
          value={f.company}
          onChange={set('company')}
          error={errors['initiator.company']}
          autoComplete={staff ? 'off' : 'organization'}
        />
        <TextField
          name="initiator.kvkNumber"
          label={labels['initiator.kvkNumber']}
          optional
          description={t('intake.kvkHint')}
          inputMode="numeric"
          value={f.kvkNumber}
          onChange={set('kvkNumber')}
          error={errors['initiator.kvkNumber']}
          size="sm"
        />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('intake.questionLegend')}</FieldsetLegend>
        <TextField
          name="title"
          label={labels.title}
          description={t('intake.titleHint')}
          value={f.title}
          onChange={set('title')}
          error={errors.title}
          required
        />
        <TextAreaField
          name="description"
          label={labels.description}
          description={t('intake.descriptionHint')}
          value={f.description}
          onChange={set('description')}
          error={errors.description}
          required
          rows={8}
        />
        <PlaceField
          name="location"
          label={t('intake.location')}
          description={t('intake.locationHint')}
          value={f.location}
          onChange={set('location')}
          error={errors.location}
          place={place}
          onPlace={setPlace}
        />
        <SelectField
          name="areaId"
          label={labels.areaId}
          description={t('intake.areaHint')}
          value={f.areaId}
          onChange={set('areaId')}
          error={errors.areaId}
          placeholder={t('intake.areaUnknown')}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
        {themes.length ? (
          <CheckboxGroup
            name="themeIds"
            legend={labels.themeIds}
            description={t('intake.themesHint')}
            options={themes.map((x) => ({ value: x.id, label: x.name }))}
            value={themeIds}
            onChange={setThemeIds}
            error={errors.themeIds}
          />
        ) : null}
        {staff ? (
          <SelectField
            name="channel"
            label={labels.channel}
            value={f.channel}
            onChange={set('channel')}
            error={errors.channel}
            options={CHANNELS.filter((c) => c !== 'web').map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
        ) : null}
        <div className="utrecht-form-field regie-field">
          <label className="utrecht-form-label" htmlFor={filesId}>
            {t('attachments.intakeLabel')}
          </label>
          <p className="utrecht-form-field-description" id={`${filesId}-hint`}>
            {t('attachments.intakeHint')}
          </p>
          <input
            id={filesId}
            name="files"
            type="file"
            multiple
            accept={ACCEPTED_FILES}
            className="utrecht-textbox regie-file-input"
            aria-describedby={`${filesId}-hint`}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </div>
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t(staff ? 'intake.submitStaff' : 'intake.submit')}
      </Button>
    </form>
  );
}

/** The intake form for a loaded municipality, with the load's progress and error; the page scrolls to the top when it is sent. */
export function MunicipalityIntake({ m, staff, onDone }: { m: Loaded<PublicMunicipality>; staff?: boolean; onDone(s: Submitted): void }) {
  return (
    <>
      {m.loading ? <Loading /> : null}
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.data ? (
        <IntakeForm
          staff={staff}
          municipality={m.data.slug}
          areas={m.data.areas}
          themes={m.data.themes}
          onDone={(d) => {
            onDone(d);
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </>
  );
}

/** After the intake: a focused heading, the case's reference, and what comes next. */
export function IntakeDone({ title, done, children }: { title: string; done: Submitted; children: ReactNode }) {
  const { t } = useI18n();
  const h1 = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <Heading level={1} tabIndex={-1} ref={h1}>
        {title}
      </Heading>
      <div className="regie-reference">
        <Heading level={2} className="regie-reference__value">
          {t('intake.referenceLabel', { reference: done.reference })}
        </Heading>
      </div>
      {children}
    </>
  );
}
