// The overview of the municipality's collaborations (docs/product.md#collaborations):
// filter by phase, party and health, newest first, more on request; each with its
// health check in a word. A director, coordinator or admin starts a new one here.
import { Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { QueryOf, ResponseOf } from '../../api/models.js';
import { type ApiError, api } from '../../api.js';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCurrentUser } from '../../currentUser.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { PartnerCollaborations } from './PartnerPages.js';

type Item = ResponseOf<'/collaborations', 'get'>['items'][number];
type Filter = QueryOf<'/collaborations', 'get'>;
export const PHASES = ['agenda', 'policy', 'implementation', 'evaluation'] as const;

function NewCollaboration() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  const users = useLoad((signal) => api.users(undefined, signal), []);
  const s = useCheckedSubmit(['name', 'goal', 'ownerUserId', 'startOn', 'endOn']);
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [owner, setOwner] = useState(me && (me.role === 'director' || me.role === 'coordinator') ? me.id : '');
  const [startOn, setStartOn] = useState('');
  const [endOn, setEndOn] = useState('');
  const owners = (users.data?.items ?? []).filter((u) => (u.role === 'director' || u.role === 'coordinator') && u.active);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked({})) return;
    const c = await s.run(() => api.startCollaboration({ name, goal, ownerUserId: owner, startOn, endOn }));
    if (c) window.location.assign(`/samenwerkingen/${c.id}`);
  }
  return (
    <Section title={t('collab.new')}>
      {s.error && !Object.keys(s.errors).length ? <ErrorAlert error={s.error} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField name="name" label={t('collab.new.name')} value={name} onChange={setName} required error={s.errors.name} />
        <TextAreaField name="goal" label={t('collab.new.goal')} value={goal} onChange={setGoal} optional rows={3} error={s.errors.goal} />
        <SelectField
          name="ownerUserId"
          label={t('collab.new.owner')}
          value={owner}
          onChange={setOwner}
          placeholder=""
          options={owners.map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }))}
          required
          error={s.errors.ownerUserId}
        />
        <TextField
          name="startOn"
          label={t('collab.new.start')}
          description={t('collab.new.dateHint')}
          value={startOn}
          onChange={setStartOn}
          required
          error={s.errors.startOn}
        />
        <TextField
          name="endOn"
          label={t('collab.new.end')}
          description={t('collab.new.dateHint')}
          value={endOn}
          onChange={setEndOn}
          required
          error={s.errors.endOn}
        />
        <Button type="submit" appearance="primary-action-button" aria-disabled={s.busy || undefined}>
          {t('collab.new.submit')}
        </Button>
      </form>
    </Section>
  );
}

export function CollaborationsPage() {
  const { t, date } = useI18n();
  const { me } = useCurrentUser();
  usePageTitle(t('collab.title'));
  const [phase, setPhase] = useState('');
  const [party, setParty] = useState('');
  const [health, setHealth] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const data = useLoad((signal) => api.collaborations(filter, signal), [filter]);
  const [more, setMore] = useState<{ items: Item[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const mayStart = me?.role === 'director' || me?.role === 'coordinator' || me?.role === 'admin';

  function apply(e: FormEvent) {
    e.preventDefault();
    setMore(null);
    setFilter({
      ...(phase ? { phase: phase as Filter['phase'] } : {}),
      ...(party.trim() ? { party: party.trim() } : {}),
      ...(health ? { health: health as Filter['health'] } : {}),
    });
  }
  const items = [...(data.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (data.data?.nextCursor ?? null);
  async function loadMore() {
    if (!next) return;
    try {
      const p = await api.collaborations({ ...filter, cursor: next });
      setMore({ items: [...(more?.items ?? []), ...p.items], next: p.nextCursor });
      setStatus(t('collab.moreLoaded', { count: p.items.length }));
    } catch (e) {
      setMoreError(e as ApiError);
    }
  }

  return (
    <>
      <Heading level={1}>{t('collab.title')}</Heading>
      <Paragraph>{t('collab.lead')}</Paragraph>
      <Section title={t('collab.filters')}>
        <form onSubmit={apply} className="regie-filters">
          <SelectField
            name="phase"
            label={t('collab.filter.phase')}
            value={phase}
            onChange={setPhase}
            options={[{ value: '', label: t('collab.filter.anyPhase') }, ...PHASES.map((p) => ({ value: p, label: t(`collab.phase.${p}`) }))]}
          />
          <TextField name="party" label={t('collab.filter.party')} value={party} onChange={setParty} />
          <SelectField
            name="health"
            label={t('collab.filter.health')}
            value={health}
            onChange={setHealth}
            options={[
              { value: '', label: t('collab.filter.anyHealth') },
              { value: 'with', label: t('collab.filter.with') },
              { value: 'without', label: t('collab.filter.without') },
            ]}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('collab.filter.apply')}
          </Button>
        </form>
      </Section>
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && !items.length ? <Paragraph>{t('collab.none')}</Paragraph> : null}
      {items.length ? (
        <WideTable caption={t('collab.table')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('collab.col.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('collab.col.owner')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('collab.col.phase')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('collab.col.end')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-number">
                {t('collab.col.parties')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('collab.col.health')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">
                  <AppLink to={`/samenwerkingen/${c.id}`}>{c.name}</AppLink>
                </TableHeaderCell>
                <TableCell>{c.ownerName}</TableCell>
                <TableCell>{t(`collab.phase.${c.phase}`)}</TableCell>
                <TableCell>{date(c.endOn)}</TableCell>
                <TableCell className="regie-number">{c.parties}</TableCell>
                <TableCell>{c.health.length ? t('collab.issues', { count: c.health.length }) : t('collab.healthy')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : null}
      {next ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={loadMore}>
            {t('collab.more')}
          </Button>
        </Paragraph>
      ) : null}
      {moreError ? <ErrorAlert error={moreError} /> : null}
      <LiveStatus message={status} />
      <PartnerCollaborations />
      {mayStart ? <NewCollaboration /> : null}
    </>
  );
}
