// The mandate register (docs/product.md#the-mandate-register): who (a role or a named person) may decide
// what (overrule objections in a domain, commit money up to an amount, grant an
// exemption of a rule, agree a plan), delegated by whom, for what period. Regie
// checks every overrule and commitment against it. Mandates are ended, never deleted.
// A mandate can be scoped to one collaboration (docs/product.md#mandates-within-a-collaboration):
// its holder is then the collaboration's owner and it allows committing money only.
import { Button, Heading, Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Domain, Mandate, MandateInput, MandateScope, StaffRole, User } from '../../api/models.js';
import { api } from '../../api.js';
import { RadioGroup, SaveButtons, SelectField, TextField, ValidityFields } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import { type FieldErrors, fieldId } from '../../components/forms.js';
import { focusById, InlineForm } from '../../components/InlineForm.js';
import { AppLink } from '../../components/links.js';
import { domainOptions, staffRoleOptions, userOptions } from '../../components/options.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { type Translate, useI18n } from '../../i18n/index.js';
import { parseEuros, todayIso, useMoney } from '../assessment/shared.js';
import { BackToAdmin } from './AdminHome.js';

const SCOPES = ['overrule', 'commitMoney', 'grantExemption', 'agreePlan'] as const;
const FIELDS = [
  'collaborationId',
  'holder',
  'holder.role',
  'holder.userId',
  'scope',
  'scope.domain',
  'scope.upToCents',
  'scope.ruleCode',
  'delegatedBy',
  'validFrom',
  'validUntil',
];

export function useScopeText() {
  const { t } = useI18n();
  const money = useMoney();
  return (s: MandateScope) => {
    switch (s.kind) {
      case 'overrule':
        return t('mandate.scopeOverrule', { domain: t(`domain.${s.domain}`) });
      case 'commitMoney':
        return t('mandate.scopeMoney', { amount: money(s.upToCents) });
      case 'grantExemption':
        return t('mandate.scopeExemption', { code: s.ruleCode });
      default:
        return t('mandate.scopeAgreePlan');
    }
  };
}

const holderText = (m: Mandate, t: Translate, users: User[]) =>
  m.holder.kind === 'role'
    ? t('mandate.holderRole', { role: t(`role.${m.holder.role}`).toLocaleLowerCase() })
    : (m.holder.name ?? users.find((u) => m.holder.kind === 'person' && u.id === m.holder.userId)?.name ?? '—');

/** A collaboration the mandate form can scope a mandate to. */
type CollaborationChoice = { id: string; name: string };

/** The municipality's collaborations, every page of them, for the picker. */
async function allCollaborations(signal: AbortSignal): Promise<CollaborationChoice[]> {
  const out: CollaborationChoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.collaborations({ limit: 100, ...(cursor ? { cursor } : {}) }, signal);
    out.push(...page.items.map((c) => ({ id: c.id, name: c.name })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

function MandateForm({
  mandate,
  users,
  collaborations,
  onDone,
}: {
  mandate?: Mandate;
  users: User[];
  collaborations: CollaborationChoice[];
  onDone(saved: Mandate | null): void;
}) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const h = mandate?.holder;
  const s = mandate?.scope;
  const [holderKind, setHolderKind] = useState<'role' | 'person'>(h?.kind ?? 'role');
  const [role, setRole] = useState<string>(h?.kind === 'role' ? h.role : 'executive');
  const [userId, setUserId] = useState(h?.kind === 'person' ? h.userId : '');
  const [scopeKind, setScopeKind] = useState<(typeof SCOPES)[number]>(s?.kind ?? 'overrule');
  const [domain, setDomain] = useState<Domain>(s?.kind === 'overrule' ? s.domain : 'physical');
  const [amount, setAmount] = useState(s?.kind === 'commitMoney' ? String(s.upToCents / 100) : '');
  const [ruleCode, setRuleCode] = useState(s?.kind === 'grantExemption' ? s.ruleCode : '');
  const [delegatedBy, setDelegatedBy] = useState(mandate?.delegatedBy ?? '');
  const [validFrom, setValidFrom] = useState(mandate?.validFrom ?? todayIso());
  const [validUntil, setValidUntil] = useState(mandate?.validUntil ?? '');
  const [collaborationId, setCollaborationId] = useState(mandate?.collaboration?.id ?? '');
  // Within a collaboration the holder is its owner, named as a person, and the scope is
  // committing money (docs/product.md#mandates-within-a-collaboration): the form fixes both.
  const owner = useLoad(
    (signal) => (collaborationId ? api.collaboration(collaborationId, signal).then((c) => ({ id: c.ownerUserId, name: c.ownerName })) : Promise.resolve(null)),
    [collaborationId],
  );
  const within = collaborationId !== '';
  const prefix = mandate ? `mandate-${mandate.id}` : 'mandate-new';
  // One id per control, unique on the page (the holder radios get "--role"/"--person", see RadioGroup).
  const ids = Object.fromEntries(FIELDS.map((k) => [k, fieldId(`${prefix}-${k}`)]));
  const labels: Record<string, string> = {
    collaborationId: t('collabWeb.mandate.collaboration'),
    holder: t('mandate.holderKind'),
    'holder.role': t('mandate.role'),
    'holder.userId': t('mandate.person'),
    scope: t('mandate.scope'),
    'scope.domain': t('rule.domain'),
    'scope.upToCents': t('mandate.upTo'),
    'scope.ruleCode': t('mandate.ruleCode'),
    delegatedBy: t('mandate.delegatedBy'),
    validFrom: t('rule.validFrom'),
    validUntil: t('rule.validUntil'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    const ownerId = within ? owner.data?.id : undefined;
    const kind = within ? 'commitMoney' : scopeKind;
    if (within && !ownerId) c.collaborationId = t('collabWeb.mandate.noOwner');
    if (!within && holderKind === 'person' && !userId) c['holder.userId'] = t('mandate.error.person');
    const cents = kind === 'commitMoney' ? parseEuros(amount) : null;
    if (kind === 'commitMoney' && cents === null) c['scope.upToCents'] = t('commitmentForm.error.amount');
    if (kind === 'grantExemption' && !ruleCode.trim()) c['scope.ruleCode'] = t('commitmentForm.error.ruleCode');
    if (!delegatedBy.trim()) c.delegatedBy = t('mandate.error.delegatedBy');
    if (!validFrom) c.validFrom = t('ruleForm.error.validFrom');
    if (!submit.checked(c)) return;
    const scope: MandateScope =
      kind === 'overrule'
        ? { kind: 'overrule', domain }
        : kind === 'commitMoney'
          ? { kind: 'commitMoney', upToCents: cents ?? 0 }
          : kind === 'grantExemption'
            ? { kind: 'grantExemption', ruleCode: ruleCode.trim() }
            : { kind: 'agreePlan' };
    const body: MandateInput = {
      holder: ownerId ? { kind: 'person', userId: ownerId } : holderKind === 'role' ? { kind: 'role', role: role as StaffRole } : { kind: 'person', userId },
      scope,
      delegatedBy: delegatedBy.trim(),
      validFrom,
      validUntil: validUntil || null,
      collaborationId: collaborationId || null,
    };
    // Send only what changed: who and what are fixed once a mandate has been in force.
    const changes: Partial<MandateInput> = {};
    if (mandate) {
      if (JSON.stringify(body.holder) !== JSON.stringify(mandate.holder.kind === 'role' ? mandate.holder : { kind: 'person', userId: mandate.holder.userId }))
        changes.holder = body.holder;
      if (JSON.stringify(body.scope) !== JSON.stringify(mandate.scope)) changes.scope = body.scope;
      if (body.delegatedBy !== mandate.delegatedBy) changes.delegatedBy = body.delegatedBy;
      if (body.validFrom !== mandate.validFrom) changes.validFrom = body.validFrom;
      if (body.validUntil !== mandate.validUntil) changes.validUntil = body.validUntil;
      if (body.collaborationId !== (mandate.collaboration?.id ?? null)) changes.collaborationId = body.collaborationId;
    }
    const saved = await submit.run(() => (mandate ? api.updateMandate(mandate.id, mandate.version, changes) : api.createMandate(body)));
    if (saved) onDone(saved);
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={ids} />
      <SelectField
        name="collaborationId"
        id={ids.collaborationId}
        label={labels.collaborationId}
        description={t('collabWeb.mandate.collaborationHint')}
        value={collaborationId}
        onChange={setCollaborationId}
        error={errors.collaborationId}
        options={[{ value: '', label: t('collabWeb.mandate.wholeMunicipality') }, ...collaborations.map((c) => ({ value: c.id, label: c.name }))]}
      />
      {within ? (
        <>
          {owner.loading && !owner.data ? <Loading /> : null}
          {owner.error ? <ErrorAlert error={owner.error} /> : null}
          <Paragraph>
            {owner.data ? `${t('collabWeb.mandate.fixedHolder', { name: owner.data.name })} ` : null}
            {t('collabWeb.mandate.fixedScope')}
          </Paragraph>
        </>
      ) : null}
      {within ? null : (
        <>
          <RadioGroup
            name={`${prefix}-holder`}
            id={ids.holder}
            legend={labels.holder}
            value={holderKind}
            onChange={(v) => setHolderKind(v as 'role')}
            options={[
              { value: 'role', label: t('mandate.byRole') },
              { value: 'person', label: t('mandate.byPerson') },
            ]}
          />
          {holderKind === 'role' ? (
            <SelectField
              name="holder.role"
              id={ids['holder.role']}
              label={labels['holder.role']}
              value={role}
              onChange={setRole}
              error={errors['holder.role'] ?? errors.holder}
              options={staffRoleOptions(t)}
            />
          ) : (
            <SelectField
              name="holder.userId"
              id={ids['holder.userId']}
              label={labels['holder.userId']}
              value={userId}
              onChange={setUserId}
              error={errors['holder.userId'] ?? errors.holder}
              placeholder={t('commitmentForm.chooseUser')}
              options={userOptions(users, t)}
            />
          )}
          <SelectField
            name="scope"
            id={ids.scope}
            label={labels.scope}
            value={scopeKind}
            onChange={(v) => setScopeKind(v as 'overrule')}
            error={errors.scope}
            options={SCOPES.map((k) => ({ value: k, label: t(`mandateScope.${k}`) }))}
          />
        </>
      )}
      {!within && scopeKind === 'overrule' ? (
        <SelectField
          name="scope.domain"
          id={ids['scope.domain']}
          label={labels['scope.domain']}
          value={domain}
          onChange={(v) => setDomain(v as Domain)}
          error={errors['scope.domain']}
          options={domainOptions(t)}
        />
      ) : null}
      {within || scopeKind === 'commitMoney' ? (
        <TextField
          name="scope.upToCents"
          id={ids['scope.upToCents']}
          label={labels['scope.upToCents']}
          description={t('commitmentForm.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errors['scope.upToCents']}
          required
          size="sm"
        />
      ) : null}
      {!within && scopeKind === 'grantExemption' ? (
        <TextField
          name="scope.ruleCode"
          id={ids['scope.ruleCode']}
          label={labels['scope.ruleCode']}
          value={ruleCode}
          onChange={setRuleCode}
          error={errors['scope.ruleCode']}
          required
          size="sm"
        />
      ) : null}
      <TextField
        name="delegatedBy"
        id={ids.delegatedBy}
        label={labels.delegatedBy}
        description={t('mandate.delegatedByHint')}
        value={delegatedBy}
        onChange={setDelegatedBy}
        error={errors.delegatedBy}
        required
      />
      <ValidityFields
        ids={ids}
        labels={labels}
        errors={errors}
        validFrom={validFrom}
        validUntil={validUntil}
        onValidFrom={setValidFrom}
        onValidUntil={setValidUntil}
        untilHint={t('mandate.validUntilHint')}
      />
      <SaveButtons editing={Boolean(mandate)} addLabel={t('mandate.add')} busy={submit.busy} onCancel={() => onDone(null)} />
    </form>
  );
}

const editButtonId = (id: string) => `wijzig-mandaat-${id}`;

export function MandatesPage() {
  const { t, date } = useI18n();
  usePageTitle(t('mandates.title'));
  const scopeText = useScopeText();
  const data = useLoad(async (signal) => {
    const [m, u, c] = await Promise.all([api.mandates(signal), api.users(undefined, signal), allCollaborations(signal)]);
    return { mandates: m.items, users: u.items.filter((x) => x.active), collaborations: c };
  }, []);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const ending = useSubmit();
  const today = todayIso();
  // Ending keeps the mandate on record: it stays in force until the end of today.
  const end = async (m: Mandate) => {
    if (!window.confirm(t('mandates.confirmEnd'))) return;
    const r = await ending.run(() => api.endMandate(m.id, m.version, today));
    if (r) {
      setStatus(t('mandates.ended'));
      data.reload();
    }
  };
  const users = data.data?.users ?? [];
  const collaborations = data.data?.collaborations ?? [];
  // Closing the inline form (saved, cancelled or Escape) returns focus to its "Wijzigen".
  const closeEdit = (id: string) => {
    setEditing(null);
    focusById(editButtonId(id));
  };

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('mandates.title')}</Heading>
      <Paragraph>{t('mandates.lead')}</Paragraph>
      <LiveStatus message={status} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {ending.error ? <ErrorAlert error={ending.error} /> : null}
      {data.data ? (
        data.data.mandates.length ? (
          <WideTable caption={t('mandates.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('mandate.holder')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mandate.scope')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mandate.delegatedBy')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rules.validity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.data.mandates.map((m) =>
                editing === m.id ? (
                  <TableRow key={m.id}>
                    <TableCell colSpan={5}>
                      <InlineForm onEscape={() => closeEdit(m.id)}>
                        <MandateForm
                          mandate={m}
                          users={users}
                          collaborations={collaborations}
                          onDone={(saved) => {
                            closeEdit(m.id);
                            if (saved) {
                              setStatus(t('mandates.saved'));
                              data.reload();
                            }
                          }}
                        />
                      </InlineForm>
                    </TableCell>
                  </TableRow>
                ) : (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{holderText(m, t, users)}</TableHeaderCell>
                    <TableCell>
                      {scopeText(m.scope)}
                      {m.collaboration ? (
                        <>
                          {' '}
                          <AppLink to={`/samenwerkingen/${m.collaboration.id}`}>{t('collabForms.mandateWithin', { name: m.collaboration.name })}</AppLink>
                        </>
                      ) : null}
                    </TableCell>
                    <TableCell>{m.delegatedBy}</TableCell>
                    <TableCell>
                      {m.validUntil
                        ? t('rules.period', { from: date(m.validFrom), until: date(m.validUntil) })
                        : t('rules.periodOpen', { from: date(m.validFrom) })}{' '}
                      {m.inForceToday ? (
                        <StatusBadge status="valid">{t('mandates.inForce')}</StatusBadge>
                      ) : (
                        <StatusBadge status="inactive">{t('mandates.notInForce')}</StatusBadge>
                      )}
                    </TableCell>
                    <TableCell>
                      <div className="regie-button-row regie-button-row--tight">
                        <Button
                          id={editButtonId(m.id)}
                          appearance="secondary-action-button"
                          onClick={() => setEditing(m.id)}
                          aria-label={t('admin.editN', { name: `${holderText(m, t, users)}: ${scopeText(m.scope)}` })}
                        >
                          {t('admin.edit')}
                        </Button>
                        {!m.validUntil || m.validUntil > today ? (
                          <Button
                            appearance="subtle-button"
                            hint="danger"
                            onClick={() => end(m)}
                            aria-label={t('mandates.endN', { name: `${holderText(m, t, users)}: ${scopeText(m.scope)}` })}
                          >
                            {t('mandates.end')}
                          </Button>
                        ) : null}
                      </div>
                    </TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </WideTable>
        ) : (
          <Paragraph>{t('mandates.empty')}</Paragraph>
        )
      ) : null}
      {data.data ? (
        <Section title={t('mandates.add')} className="regie-section regie-panel">
          <MandateForm
            key={formKey}
            users={users}
            collaborations={collaborations}
            onDone={(saved) => {
              if (saved) {
                setStatus(t('mandates.added'));
                setFormKey((k) => k + 1);
                data.reload();
              }
            }}
          />
        </Section>
      ) : null}
    </>
  );
}
