// The forms of a collaboration's page (docs/product.md#collaborations): its own fields
// (a later end date is the decision to extend), areas and themes, linked cases found by
// case number, and adding or changing a target of the goal. Each sends If-Match with the
// version it was shown, and shows the error summary as the other forms do.
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ResponseOf } from '../../api/models.js';
import { api } from '../../api.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useCheckedSubmit, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

type View = ResponseOf<'/collaborations/{id}', 'get'>;
type Target = View['targets'][number];
type Saved = (v: View, message: string) => void;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const number = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  return t && Number.isFinite(Number(t)) ? Number(t) : null;
};

/** Ids unique on the page: the forms share field names with the other forms there. */
const idsOf = (prefix: string, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, `${prefix}-${n}`])) as Record<string, string>;

const FIELDS = ['name', 'description', 'goal', 'ownerUserId', 'endOn', 'endKind'] as const;

export function EditCollaboration({ c, onSaved }: { c: View; onSaved: Saved }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(FIELDS);
  const users = useLoad((signal) => api.users(undefined, signal), []);
  const [name, setName] = useState(c.name);
  const [description, setDescription] = useState(c.description);
  const [goal, setGoal] = useState(c.goal);
  const [owner, setOwner] = useState(c.ownerUserId);
  const [endOn, setEndOn] = useState<string>(c.endOn);
  const [endKind, setEndKind] = useState<string>(c.endKind);
  const ids = idsOf('edit-collaboration', FIELDS);
  const labels = {
    name: t('collab.new.name'),
    description: t('collabForms.description'),
    goal: t('collab.goal'),
    ownerUserId: t('collab.owner'),
    endOn: t('collabForms.endOn'),
    endKind: t('collabForms.endKind'),
  };
  const owners = (users.data?.items ?? []).filter((u) => (u.role === 'director' || u.role === 'coordinator') && u.active);
  const ownerOptions = owners.some((u) => u.id === c.ownerUserId) ? owners : [{ id: c.ownerUserId, name: c.ownerName, role: 'director' as const }, ...owners];
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('collab.required');
    if (!ISO.test(endOn)) problems.endOn = t('collabForms.error.date');
    if (!s.checked(problems)) return;
    const body: Record<string, string> = {};
    if (name.trim() !== c.name) body.name = name;
    if (description !== c.description) body.description = description;
    if (goal !== c.goal) body.goal = goal;
    if (owner !== c.ownerUserId) body.ownerUserId = owner;
    if (endOn !== c.endOn) body.endOn = endOn;
    if (endKind !== c.endKind) body.endKind = endKind;
    if (!Object.keys(body).length) {
      s.checked({ name: t('collabForms.error.noChange') });
      return;
    }
    const v = await s.run(() => api.updateCollaboration(c.id, c.version, body));
    if (v) onSaved(v, endOn > c.endOn ? t('collabForms.extended') : t('collabForms.saved'));
  }
  return (
    <Section title={t('collabForms.edit')} level={3}>
      <form onSubmit={submit} noValidate className="regie-form">
        <ErrorSummary error={s.error} errors={s.errors} labels={labels} ids={ids} />
        <TextField id={ids.name} name="name" label={labels.name} value={name} onChange={setName} required error={s.errors.name} />
        <TextAreaField
          id={ids.description}
          name="description"
          label={labels.description}
          value={description}
          onChange={setDescription}
          optional
          rows={3}
          error={s.errors.description}
        />
        <TextAreaField id={ids.goal} name="goal" label={labels.goal} value={goal} onChange={setGoal} optional rows={3} error={s.errors.goal} />
        <SelectField
          id={ids.ownerUserId}
          name="ownerUserId"
          label={labels.ownerUserId}
          value={owner}
          onChange={setOwner}
          options={ownerOptions.map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }))}
          error={s.errors.ownerUserId}
        />
        <TextField
          id={ids.endOn}
          name="endOn"
          label={labels.endOn}
          description={t('collabForms.endOnHint')}
          value={endOn}
          onChange={setEndOn}
          required
          error={s.errors.endOn}
        />
        <SelectField
          id={ids.endKind}
          name="endKind"
          label={labels.endKind}
          value={endKind}
          onChange={setEndKind}
          options={[
            { value: 'end', label: t('collabForms.endKind.end') },
            { value: 'review', label: t('collabForms.endKind.review') },
          ]}
          error={s.errors.endKind}
        />
        <Button type="submit" appearance="primary-action-button" aria-disabled={s.busy || undefined}>
          {t('collabForms.save')}
        </Button>
      </form>
    </Section>
  );
}

export function AreasAndThemes({ c, onSaved }: { c: View; onSaved: Saved }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(['areaIds', 'themeIds']);
  const org = useLoad((signal) => api.organisation(signal), []);
  const [areas, setAreas] = useState(c.areas.map((a) => a.id));
  const [themes, setThemes] = useState(c.themes.map((x) => x.id));
  const ids = { areaIds: 'collaboration-areaIds', themeIds: 'collaboration-themeIds' };
  const labels = { areaIds: t('collabForms.areas'), themeIds: t('collabForms.themes') };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked({})) return;
    const same = (a: string[], b: { id: string }[]) =>
      [...a].sort().join() ===
      b
        .map((x) => x.id)
        .sort()
        .join();
    const body: { areaIds?: string[]; themeIds?: string[] } = {};
    if (!same(areas, c.areas)) body.areaIds = areas;
    if (!same(themes, c.themes)) body.themeIds = themes;
    if (!Object.keys(body).length) {
      s.checked({ areaIds: t('collabForms.error.noChange') });
      return;
    }
    const v = await s.run(() => api.updateCollaboration(c.id, c.version, body));
    if (v) onSaved(v, t('collabForms.linksSaved'));
  }
  return (
    <Section title={t('collabForms.areasThemes')}>
      <Paragraph>
        {t('collabForms.areas')}: {c.areas.map((a) => a.name).join(', ') || t('collabForms.noneChosen')}
        <br />
        {t('collabForms.themes')}: {c.themes.map((x) => x.name).join(', ') || t('collabForms.noneChosen')}
      </Paragraph>
      {c.abilities.edit && org.data ? (
        <form onSubmit={submit} noValidate className="regie-form">
          <ErrorSummary error={s.error} errors={s.errors} labels={labels} ids={ids} />
          <CheckboxGroup
            name="collaboration-areaIds"
            legend={labels.areaIds}
            options={org.data.areas.map((a) => ({ value: a.id, label: a.name }))}
            value={areas}
            onChange={setAreas}
            error={s.errors.areaIds}
            optional
          />
          <CheckboxGroup
            name="collaboration-themeIds"
            legend={labels.themeIds}
            options={org.data.themes.map((x) => ({ value: x.id, label: x.name }))}
            value={themes}
            onChange={setThemes}
            error={s.errors.themeIds}
            optional
          />
          <Button type="submit" appearance="secondary-action-button" aria-disabled={s.busy || undefined}>
            {t('collabForms.saveLinks')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

type Found = { id: string; reference: string; title: string };

export function LinkedCases({ c, onSaved }: { c: View; onSaved: Saved }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(['q', 'caseIds']);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const ids = { q: 'collaboration-case-q', caseIds: 'collaboration-case-q' };
  const labels = { q: t('collabForms.caseNumber'), caseIds: t('collabForms.cases') };
  const linked = new Set(c.cases.map((k) => k.id));
  async function search(e: FormEvent) {
    e.preventDefault();
    if (!s.checked(q.trim() ? {} : { q: t('collab.required') })) return;
    const r = await s.run(() => api.cases({ q: q.trim(), limit: 10 }));
    if (r) setFound(r.items.map((k) => ({ id: k.id, reference: k.reference, title: k.title })));
  }
  async function save(caseIds: string[], message: string) {
    const v = await s.run(() => api.updateCollaboration(c.id, c.version, { caseIds }));
    if (v) {
      setFound(null);
      setQ('');
      onSaved(v, message);
    }
  }
  return (
    <Section title={t('collabForms.cases')}>
      {c.cases.length ? (
        <UnorderedList>
          {c.cases.map((k) => (
            <UnorderedListItem key={k.id}>
              {k.reference} — {k.title}{' '}
              {c.abilities.edit ? (
                <Button
                  type="button"
                  appearance="subtle-button"
                  aria-label={t('collabForms.unlinkN', { reference: k.reference })}
                  onClick={() =>
                    save(
                      c.cases.filter((x) => x.id !== k.id).map((x) => x.id),
                      t('collabForms.unlinked', { reference: k.reference }),
                    )
                  }
                >
                  {t('collabForms.unlink')}
                </Button>
              ) : null}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('collabForms.noCases')}</Paragraph>
      )}
      {c.abilities.edit ? (
        <form onSubmit={search} noValidate className="regie-form" aria-label={t('collabForms.searchCase')}>
          <ErrorSummary error={s.error} errors={s.errors} labels={labels} ids={ids} />
          <TextField
            id={ids.q}
            name="q"
            label={labels.q}
            description={t('collabForms.caseNumberHint')}
            value={q}
            onChange={setQ}
            required
            error={s.errors.q ?? s.errors.caseIds}
          />
          <Button type="submit" appearance="secondary-action-button" aria-disabled={s.busy || undefined}>
            {t('collabForms.search')}
          </Button>
        </form>
      ) : null}
      {found ? (
        found.length ? (
          <UnorderedList aria-label={t('collabForms.results')}>
            {found.map((k) => (
              <UnorderedListItem key={k.id}>
                {k.reference} — {k.title}{' '}
                {linked.has(k.id) ? (
                  t('collabForms.alreadyLinked')
                ) : (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    aria-label={t('collabForms.linkN', { reference: k.reference })}
                    onClick={() => save([...linked, k.id], t('collabForms.linked', { reference: k.reference }))}
                  >
                    {t('collabForms.link')}
                  </Button>
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('collabForms.noResults')}</Paragraph>
        )
      ) : null}
    </Section>
  );
}

const TARGET_FIELDS = ['indicator', 'baseline', 'targetValue', 'unit', 'targetOn'] as const;

/** Add a target (no `target`) or change one. */
export function TargetForm({ c, target, onSaved, onCancel }: { c: View; target?: Target; onSaved: Saved; onCancel?(): void }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(TARGET_FIELDS);
  const [indicator, setIndicator] = useState(target?.indicator ?? '');
  const [baseline, setBaseline] = useState(target ? String(target.baseline) : '');
  const [targetValue, setTargetValue] = useState(target ? String(target.targetValue) : '');
  const [unit, setUnit] = useState(target?.unit ?? '');
  const [targetOn, setTargetOn] = useState<string>(target?.targetOn ?? '');
  const ids = idsOf(target ? `target-${target.id}` : 'new-target', TARGET_FIELDS);
  const labels = {
    indicator: t('collabForms.indicator'),
    baseline: t('collabForms.baseline'),
    targetValue: t('collabForms.targetValue'),
    unit: t('collabForms.unit'),
    targetOn: t('collabForms.targetOn'),
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!indicator.trim()) problems.indicator = t('collab.required');
    if (number(baseline) === null) problems.baseline = t('collabForms.error.number');
    if (number(targetValue) === null) problems.targetValue = t('collabForms.error.number');
    if (!unit.trim()) problems.unit = t('collab.required');
    if (!ISO.test(targetOn)) problems.targetOn = t('collabForms.error.date');
    if (!s.checked(problems)) return;
    const fields = { indicator, baseline: number(baseline) as number, targetValue: number(targetValue) as number, unit, targetOn };
    const v = await s.run(() => (target ? api.updateCollaborationTarget(c.id, target.id, c.version, fields) : api.addCollaborationTarget(c.id, fields)));
    if (v) {
      if (!target) {
        setIndicator('');
        setBaseline('');
        setTargetValue('');
        setUnit('');
        setTargetOn('');
      }
      onSaved(v, target ? t('collabForms.targetSaved') : t('collabForms.targetAdded'));
    }
  }
  const form = (
    <form onSubmit={submit} noValidate className="regie-form">
      <ErrorSummary error={s.error} errors={s.errors} labels={labels} ids={ids} />
      <TextField id={ids.indicator} name="indicator" label={labels.indicator} value={indicator} onChange={setIndicator} required error={s.errors.indicator} />
      <TextField id={ids.baseline} name="baseline" label={labels.baseline} value={baseline} onChange={setBaseline} required error={s.errors.baseline} />
      <TextField
        id={ids.targetValue}
        name="targetValue"
        label={labels.targetValue}
        value={targetValue}
        onChange={setTargetValue}
        required
        error={s.errors.targetValue}
      />
      <TextField
        id={ids.unit}
        name="unit"
        label={labels.unit}
        description={t('collabForms.unitHint')}
        value={unit}
        onChange={setUnit}
        required
        error={s.errors.unit}
      />
      <TextField
        id={ids.targetOn}
        name="targetOn"
        label={labels.targetOn}
        description={t('collab.new.dateHint')}
        value={targetOn}
        onChange={setTargetOn}
        required
        error={s.errors.targetOn}
      />
      <Button type="submit" appearance={target ? 'primary-action-button' : 'secondary-action-button'} aria-disabled={s.busy || undefined}>
        {target ? t('collabForms.saveTarget') : t('collabForms.addTarget')}
      </Button>
      {onCancel ? (
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </form>
  );
  return target ? (
    form
  ) : (
    <Section title={t('collabForms.addTarget')} level={3}>
      {form}
    </Section>
  );
}

/** The button that opens the form to change a target, and the form. */
export function EditTarget({ c, target, onSaved }: { c: View; target: Target; onSaved: Saved }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const formId = `target-${target.id}-form`;
  return (
    <>
      <Button
        type="button"
        appearance="subtle-button"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={t('collabForms.editTargetN', { indicator: target.indicator })}
        onClick={() => setOpen(!open)}
      >
        {t('collabForms.editTarget')}
      </Button>
      {open ? (
        <div id={formId}>
          <TargetForm
            c={c}
            target={target}
            onSaved={(v, m) => {
              setOpen(false);
              onSaved(v, m);
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      ) : null}
    </>
  );
}
