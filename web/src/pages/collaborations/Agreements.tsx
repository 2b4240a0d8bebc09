// The agreements within a collaboration (docs/product.md#agreements-within-a-collaboration):
// the list with each one's state ("wacht op bevestiging door …" until the outside party
// confirms it through its link, then "bevestigd op …" or "betwist: …"), recording one,
// and per agreement the commitment forms of a case (amend with a reason, confirm within
// mandate, settle as kept, broken or withdrawn) and sending an outside party's link again
// (docs/product.md#sending-an-outside-partys-link-again). What may be done follows the
// abilities the API sends with each.
import { Button, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ResponseOf } from '../../api/models.js';
import { api } from '../../api.js';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { CommitmentActions, type CommitmentCalls } from '../commitments/CommitmentCard.js';

type View = ResponseOf<'/collaborations/{id}', 'get'>;
type Agreement = ResponseOf<'/collaborations/{id}/agreements', 'get'>['items'][number];

export function AgreementsSection({ c }: { c: View }) {
  const { t } = useI18n();
  const data = useLoad((signal) => api.collaborationAgreements(c.id, signal), [c.id]);
  const [message, setMessage] = useState<string | null>(null);
  const saved = (m: string) => {
    setMessage(m);
    data.reload();
  };
  return (
    <Section title={t('agreement.title')}>
      <LiveStatus message={message} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <AgreementTable items={data.data.items} c={c} onSaved={saved} />
        ) : (
          <Paragraph>{t('agreement.none')}</Paragraph>
        )
      ) : null}
      {data.data?.abilities.record ? <RecordAgreement c={c} onSaved={saved} /> : null}
    </Section>
  );
}

/** Where the commitment forms send an agreement's changes: the collaboration's endpoints. */
const agreementCalls = (collaborationId: string): CommitmentCalls => ({
  amend: (a, body) => api.amendCollaborationAgreement(collaborationId, a.id, a.version, body),
  confirm: (a, decision, reason) => api.confirmCollaborationAgreement(collaborationId, a.id, a.version, { decision, reason: reason || null }),
  outcome: (a, status, reason) => api.endCollaborationAgreement(collaborationId, a.id, a.version, { status, reason: reason || null }),
});

function AgreementTable({ items, c, onSaved }: { items: Agreement[]; c: View; onSaved(m: string): void }) {
  const { t, date } = useI18n();
  const calls = agreementCalls(c.id);
  return (
    <WideTable caption={t('agreement.table')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('agreement.col.what')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.by')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.to')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.due')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('collabWeb.col.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id}>
            <TableHeaderCell scope="row">{a.what}</TableHeaderCell>
            <TableCell>{a.madeBy.name}</TableCell>
            <TableCell>{a.madeTo.name}</TableCell>
            <TableCell>{date(a.dueOn)}</TableCell>
            <TableCell>
              <AgreementState a={a} />
            </TableCell>
            <TableCell>
              {a.abilities.resendLink ? <ResendLink a={a} c={c} onSaved={onSaved} /> : null}
              <CommitmentActions c={a} calls={calls} onChanged={(_next, message) => onSaved(t('collabWeb.changed', { what: a.what, message }))} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

/**
 * An agreement's state; for an outside party's own agreement also where its confirmation
 * stands: waiting for that party (and until when its link works), confirmed on a date, or
 * disputed with the party's reason (docs/product.md#agreements-within-a-collaboration).
 */
function AgreementState({ a }: { a: Agreement }) {
  const { t, date } = useI18n();
  const waiting = a.status === 'needsConfirmation' && a.confirmedByParty && !a.partyAnswer;
  const expires = a.linkExpiresAt ? new Date(a.linkExpiresAt) : null;
  return (
    <>
      {waiting ? t('collabWeb.awaiting', { party: a.madeBy.name }) : t(`commitmentStatus.${a.status}`)}
      {a.overdue ? ` (${t('agreement.overdue')})` : ''}
      {waiting && expires ? (
        <span className="regie-muted">
          {' '}
          (
          {expires.getTime() > Date.now()
            ? t('collabWeb.linkValid', { date: date(a.linkExpiresAt as string) })
            : t('collabWeb.linkExpired', { date: date(a.linkExpiresAt as string) })}
          )
        </span>
      ) : null}
      {a.partyAnswer?.answer === 'confirmed' ? (
        <>
          <br />
          {t('collabWeb.confirmedOn', { date: date(a.partyAnswer.at) })}
        </>
      ) : null}
      {a.partyAnswer?.answer === 'disputed' ? (
        <>
          <br />
          {t('collabWeb.disputed', { reason: a.partyAnswer.reason ?? '' })}
        </>
      ) : null}
    </>
  );
}

/** Send an outside party's link again (docs/product.md#sending-an-outside-partys-link-again). */
function ResendLink({ a, c, onSaved }: { a: Agreement; c: View; onSaved(m: string): void }) {
  const { t } = useI18n();
  const s = useSubmit();
  const send = async () => {
    const r = await s.run(() => api.resendAgreementLink(c.id, a.id));
    if (r) onSaved(t('collabWeb.resent', { party: r.linkSentTo }));
  };
  return (
    <p>
      {s.error ? <ErrorAlert error={s.error} /> : null}
      <Button
        appearance="secondary-action-button"
        type="button"
        busy={s.busy}
        onClick={send}
        aria-label={t('collabWeb.resendN', { party: a.madeBy.name, what: a.what })}
      >
        {t('collabWeb.resend')}
      </Button>
    </p>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function RecordAgreement({ c, onSaved }: { c: View; onSaved(m: string): void }) {
  const { t } = useI18n();
  const s = useCheckedSubmit(['what', 'dueOn', 'madeOn', 'madeBy', 'madeTo']);
  const sides = [
    { value: `user:${c.ownerUserId}`, label: t('agreement.new.owner', { name: c.ownerName }) },
    ...c.parties.map((p) => ({ value: `party:${p.id}`, label: p.name })),
  ];
  const [by, setBy] = useState(sides[1]?.value ?? sides[0]?.value ?? '');
  const [to, setTo] = useState(sides[0]?.value ?? '');
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [madeOn, setMadeOn] = useState(today());
  const side = (v: string) => (v.startsWith('party:') ? { partyId: v.slice(6) } : { userId: v.slice(5) });
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked(what.trim() ? {} : { what: t('collab.required') })) return;
    const r = await s.run(() => api.addCollaborationAgreement(c.id, { madeBy: side(by), madeTo: side(to), what, dueOn, madeOn }));
    if (r) {
      setWhat('');
      setDueOn('');
      onSaved(r.linkSentTo ? t('agreement.new.linkSent', { party: r.linkSentTo }) : t('agreement.new.saved'));
    }
  }
  return (
    <Section title={t('agreement.new')} level={3}>
      <form onSubmit={submit} noValidate>
        {s.error && !Object.keys(s.errors).length ? <ErrorAlert error={s.error} /> : null}
        <SelectField name="madeBy" label={t('agreement.new.by')} value={by} onChange={setBy} options={sides} error={s.errors.madeBy} />
        <SelectField name="madeTo" label={t('agreement.new.to')} value={to} onChange={setTo} options={sides} error={s.errors.madeTo} />
        <TextAreaField name="what" label={t('agreement.new.what')} value={what} onChange={setWhat} required error={s.errors.what} />
        <TextField
          name="dueOn"
          label={t('agreement.new.due')}
          description={t('collab.new.dateHint')}
          value={dueOn}
          onChange={setDueOn}
          required
          error={s.errors.dueOn}
        />
        <TextField
          name="madeOn"
          label={t('agreement.new.madeOn')}
          description={t('collab.new.dateHint')}
          value={madeOn}
          onChange={setMadeOn}
          required
          error={s.errors.madeOn}
        />
        <Button appearance="primary-action-button" type="submit">
          {t('agreement.new.submit')}
        </Button>
      </form>
    </Section>
  );
}
