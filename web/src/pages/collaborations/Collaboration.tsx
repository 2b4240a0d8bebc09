// One collaboration (docs/product.md#collaborations): goal, health check, targets and
// progress, parties with contribution, power and yield, phases and the timeline. What
// may be changed follows the abilities the API sends with it.
import {
  Button,
  Heading,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { ResponseOf } from '../../api/models.js';
import { api, downloads } from '../../api.js';
import { SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { useMoney } from '../assessment/shared.js';
import { AgreementsSection } from './Agreements.js';
import { AreasAndThemes, EditCollaboration, EditTarget, LinkedCases, TargetForm } from './CollaborationForms.js';
import { PHASES } from './Collaborations.js';

type View = ResponseOf<'/collaborations/{id}', 'get'>;
type Party = View['parties'][number];
type Target = View['targets'][number];
const ORG_TYPES = ['public', 'private', 'nonprofit', 'residents'] as const;
const KINDS = ['money', 'hours', 'assets', 'data', 'powers'] as const;

function useContribution() {
  const { t, locale } = useI18n();
  const euro = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' });
  return (c: Party['contributions'][number]) => {
    const kind = t(`collab.kind.${c.kind}`);
    const amount = c.kind === 'money' ? euro.format((c.amount ?? 0) / 100) : c.kind === 'hours' ? t('collab.hours', { count: c.amount ?? 0 }) : '';
    return [kind, amount, c.description].filter(Boolean).join(' — ');
  };
}

function PartyBlock({ p }: { p: Party }) {
  const { t } = useI18n();
  const contribution = useContribution();
  const lines = (label: MessageKey, items: string[]) =>
    items.length ? (
      <Paragraph>
        <strong>{t(label)}:</strong> {items.join('; ')}
      </Paragraph>
    ) : null;
  return (
    <Section title={p.name} level={3}>
      <Paragraph>
        {t(`collab.orgType.${p.orgType}`)}
        {p.kvkNumber ? ` — ${t('collab.party.kvk')} ${p.kvkNumber}` : ''}
        {p.contactName ? ` — ${t('collab.party.contact')}: ${p.contactName}` : ''}
      </Paragraph>
      <Paragraph>
        <strong>{t('collab.party.contributions')}:</strong> {p.contributions.length ? '' : t('collab.party.noContribution')}
      </Paragraph>
      {p.contributions.length ? (
        <UnorderedList>
          {p.contributions.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a party's contributions have no id of their own
            <UnorderedListItem key={i}>{contribution(c)}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {lines('collab.party.alone', p.decidesAlone)}
      {lines('collab.party.together', p.decidesTogether)}
      {lines('collab.party.finalSay', p.finalSay)}
      <Paragraph>
        <strong>{t('collab.party.yield')}:</strong> {p.yield || t('collab.party.noYield')}
      </Paragraph>
    </Section>
  );
}

function Readings({ target, c, onSaved }: { target: Target; c: View; onSaved(v: View, message: string): void }) {
  const { t, date } = useI18n();
  const s = useCheckedSubmit(['readOn', 'value', 'note']);
  const [readOn, setReadOn] = useState('');
  const [value, setValue] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked(Number.isFinite(Number(value.replace(',', '.'))) && value.trim() ? {} : { value: t('collab.required') })) return;
    const v = await s.run(() => api.recordCollaborationReading(c.id, target.id, { readOn, value: Number(value.replace(',', '.')) }));
    if (v) {
      setReadOn('');
      setValue('');
      onSaved(v, t('collab.reading.saved'));
    }
  }
  return (
    <Section title={target.indicator} level={3}>
      <Paragraph>
        {t('collab.target.summary', { baseline: target.baseline, target: target.targetValue, unit: target.unit, date: date(target.targetOn) })}
      </Paragraph>
      {c.abilities.edit ? <EditTarget c={c} target={target} onSaved={onSaved} /> : null}
      {target.readings.length ? (
        <WideTable caption={t('collab.target.table', { indicator: target.indicator })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('collab.reading.date')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-number">
                {t('collab.reading.value')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('collab.reading.note')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {target.readings.map((r) => (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row">{date(r.readOn)}</TableHeaderCell>
                <TableCell className="regie-number">{`${r.value} ${target.unit}`}</TableCell>
                <TableCell>{r.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : (
        <Paragraph>{t('collab.reading.none')}</Paragraph>
      )}
      {c.abilities.edit ? (
        <form onSubmit={submit} noValidate>
          {s.error && !Object.keys(s.errors).length ? <ErrorAlert error={s.error} /> : null}
          <TextField
            id={`reading-${target.id}-readOn`}
            name="readOn"
            label={t('collab.reading.date')}
            description={t('collab.new.dateHint')}
            value={readOn}
            onChange={setReadOn}
            required
            error={s.errors.readOn}
          />
          <TextField
            id={`reading-${target.id}-value`}
            name="value"
            label={t('collab.reading.value')}
            value={value}
            onChange={setValue}
            required
            error={s.errors.value}
            inputMode="text"
          />
          <Button type="submit" appearance="secondary-action-button" aria-disabled={s.busy || undefined}>
            {t('collab.reading.add')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

function AddParty({ c, onSaved }: { c: View; onSaved(v: View, message: string): void }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(['name', 'orgType', 'contributions', 'finalSay', 'yield']);
  const [name, setName] = useState('');
  const [orgType, setOrgType] = useState<(typeof ORG_TYPES)[number]>('nonprofit');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('hours');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [finalSay, setFinalSay] = useState('');
  const [yieldText, setYield] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked(name.trim() ? {} : { name: t('collab.required') })) return;
    const measured = kind === 'money' || kind === 'hours';
    const n = Number(amount.replace(',', '.'));
    const contributions =
      measured && amount.trim()
        ? [{ kind, amount: Math.round(kind === 'money' ? n * 100 : n), description: text }]
        : !measured && text.trim()
          ? [{ kind, amount: null, description: text }]
          : [];
    const v = await s.run(() =>
      api.addCollaborationParty(c.id, { kind: 'organisation', name, orgType, contributions, finalSay: finalSay.trim() ? [finalSay] : [], yield: yieldText }),
    );
    if (v) {
      setName('');
      setAmount('');
      setText('');
      setFinalSay('');
      setYield('');
      onSaved(v, t('collab.party.saved'));
    }
  }
  return (
    <Section title={t('collab.party.add')} level={3}>
      {s.error && !Object.keys(s.errors).length ? <ErrorAlert error={s.error} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField name="name" label={t('collab.party.name')} value={name} onChange={setName} required error={s.errors.name} />
        <SelectField
          name="orgType"
          label={t('collab.party.orgType')}
          value={orgType}
          onChange={(v) => setOrgType(v as (typeof ORG_TYPES)[number])}
          options={ORG_TYPES.map((o) => ({ value: o, label: t(`collab.orgType.${o}`) }))}
        />
        <SelectField
          name="contributionKind"
          label={t('collab.party.contributionKind')}
          value={kind}
          onChange={(v) => setKind(v as (typeof KINDS)[number])}
          options={KINDS.map((k) => ({ value: k, label: t(`collab.kind.${k}`) }))}
        />
        <TextField name="amount" label={t('collab.party.amount')} value={amount} onChange={setAmount} optional error={s.errors.contributions} />
        <TextField name="contributionText" label={t('collab.party.contributionText')} value={text} onChange={setText} optional />
        <TextField name="finalSay" label={t('collab.party.finalSayLine')} value={finalSay} onChange={setFinalSay} optional error={s.errors.finalSay} />
        <TextField name="yield" label={t('collab.party.yield')} value={yieldText} onChange={setYield} optional error={s.errors.yield} />
        <Button type="submit" appearance="secondary-action-button" aria-disabled={s.busy || undefined}>
          {t('collab.party.add')}
        </Button>
      </form>
    </Section>
  );
}

function PhaseForm({ c, onSaved }: { c: View; onSaved(v: View, message: string): void }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(['phase']);
  const [phase, setPhase] = useState<string>(PHASES.find((p) => p !== c.phase) ?? 'agenda');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = await s.run(() => api.changeCollaborationPhase(c.id, c.version, phase as (typeof PHASES)[number]));
    if (v) onSaved(v, t('collab.phaseSaved'));
  }
  return (
    <form onSubmit={submit} noValidate>
      {s.error ? <ErrorAlert error={s.error} /> : null}
      <SelectField
        name="phase"
        label={t('collab.newPhase')}
        value={phase}
        onChange={setPhase}
        options={PHASES.map((p) => ({ value: p, label: t(`collab.phase.${p}`) }))}
        error={s.errors.phase}
      />
      <Button type="submit" appearance="secondary-action-button" aria-disabled={s.busy || undefined}>
        {t('collab.changePhase')}
      </Button>
    </form>
  );
}

/** The mandates of the register scoped to this collaboration (docs/product.md#mandates-within-a-collaboration). */
function Mandates({ c }: { c: View }) {
  const { t, date } = useI18n();
  const money = useMoney();
  return (
    <Section title={t('collabForms.mandates')}>
      {c.mandates.length ? (
        <UnorderedList>
          {c.mandates.map((m) => (
            <UnorderedListItem key={m.id}>
              {t('collabForms.mandates.item', {
                holder: m.holderName,
                amount: money(m.upToCents),
                by: m.delegatedBy,
                period: m.validUntil
                  ? t('rules.period', { from: date(m.validFrom), until: date(m.validUntil) })
                  : t('rules.periodOpen', { from: date(m.validFrom) }),
              })}{' '}
              ({t(m.inForceToday ? 'collabForms.mandates.inForce' : 'collabForms.mandates.notInForce')})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('collabForms.mandates.none')}</Paragraph>
      )}
    </Section>
  );
}

export function CollaborationPage() {
  const { id = '' } = useParams();
  const { t, date, dateTime } = useI18n();
  const loaded = useLoad((signal) => api.collaboration(id, signal), [id]);
  const [fresh, setFresh] = useState<View | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const c = fresh ?? loaded.data;
  usePageTitle(c?.name ?? t('collab.title'));
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!c) return <Loading />;
  const saved = (v: View, message: string) => {
    setFresh(v);
    setStatus(message);
  };
  return (
    <>
      <Paragraph>
        <AppLink to="/samenwerkingen">{t('collab.back')}</AppLink>
      </Paragraph>
      <Heading level={1}>{c.name}</Heading>
      {c.description ? <Paragraph>{c.description}</Paragraph> : null}
      <Paragraph>
        <strong>{t('collab.owner')}:</strong> {c.ownerName}
        <br />
        <strong>{t('collab.col.phase')}:</strong> {t('collab.phaseSince', { phase: t(`collab.phase.${c.phase}`), date: date(c.phaseSince) })}
        <br />
        <strong>{t('collab.period')}:</strong> {t('collab.periodText', { from: date(c.startOn), to: date(c.endOn) })}
      </Paragraph>
      <Paragraph>
        <a href={downloads.collaborationSheet(c.id)} className="utrecht-link">
          {t('collab.sheet')}
        </a>
      </Paragraph>
      <LiveStatus message={status} />

      <Section title={t('collab.health')}>
        {c.health.issues.length ? (
          <UnorderedList>
            {c.health.issues.map((i) => (
              <UnorderedListItem key={`${i.code}-${i.party ?? ''}`}>{i.text}</UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('collab.health.none')}</Paragraph>
        )}
      </Section>

      <Section title={t('collab.goal')}>
        <Paragraph>{c.goal || t('collab.noGoal')}</Paragraph>
        {c.abilities.edit ? <EditCollaboration key={c.version} c={c} onSaved={saved} /> : null}
      </Section>

      <Section title={t('collab.targets')}>
        {c.targets.length ? null : <Paragraph>{t('collab.noTargets')}</Paragraph>}
        {c.targets.map((tg) => (
          <Readings key={tg.id} target={tg} c={c} onSaved={saved} />
        ))}
        {c.abilities.edit ? <TargetForm c={c} onSaved={saved} /> : null}
      </Section>

      <Section title={t('collab.parties')}>
        {c.parties.length ? null : <Paragraph>{t('collab.noParties')}</Paragraph>}
        {c.parties.map((p) => (
          <PartyBlock key={p.id} p={p} />
        ))}
        {c.abilities.edit ? <AddParty c={c} onSaved={saved} /> : null}
      </Section>

      <AreasAndThemes key={`links-${c.version}`} c={c} onSaved={saved} />

      <LinkedCases c={c} onSaved={saved} />

      <Mandates c={c} />
      <AgreementsSection c={c} />

      <Section title={t('collab.phases')}>
        <UnorderedList>
          {c.phases.map((p) => (
            <UnorderedListItem key={`${p.phase}-${p.since}`}>
              {t('collab.phaseSince', { phase: t(`collab.phase.${p.phase}`), date: date(p.since) })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        {c.abilities.edit ? <PhaseForm c={c} onSaved={saved} /> : null}
      </Section>

      <Section title={t('collab.timeline')}>
        <UnorderedList>
          {c.timeline.map((e) => (
            <UnorderedListItem key={e.id}>
              {dateTime(e.at)}: {t('collab.event.by', { what: t(`collab.event.${e.type}` as MessageKey), who: e.actorName ?? 'Regie' })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Section>
    </>
  );
}
