// The agreements within a collaboration (docs/product.md#agreements-within-a-collaboration):
// the list with each one's state ("wacht op bevestiging" until the outside party
// confirms it through its link), recording one, and ending one as kept, broken or
// withdrawn. What may be done follows the abilities the API sends with each.
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

function AgreementTable({ items, c, onSaved }: { items: Agreement[]; c: View; onSaved(m: string): void }) {
  const { t, date } = useI18n();
  return (
    <WideTable caption={t('agreement.table')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('agreement.col.what')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.by')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.to')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.due')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.actions')}</TableHeaderCell>
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
              {a.status === 'needsConfirmation' && a.confirmedByParty ? t('agreement.awaitingParty') : t(`commitmentStatus.${a.status}`)}
              {a.overdue ? ` (${t('agreement.overdue')})` : ''}
              {a.partyAnswer?.answer === 'disputed' ? ` — ${t('agreement.partyDisputed', { reason: a.partyAnswer.reason ?? '' })}` : ''}
            </TableCell>
            <TableCell>{a.abilities.end ? <EndAgreement a={a} c={c} onSaved={onSaved} /> : null}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

function EndAgreement({ a, c, onSaved }: { a: Agreement; c: View; onSaved(m: string): void }) {
  const { t } = useI18n();
  const s = useSubmit();
  const [reason, setReason] = useState('');
  const end = async (status: 'kept' | 'broken' | 'withdrawn') => {
    const r = await s.run(() => api.endCollaborationAgreement(c.id, a.id, a.version, { status, reason: reason.trim() || null }));
    if (r) onSaved(t('agreement.end.saved', { status: t(`commitmentStatus.${status}`) }));
  };
  return (
    <>
      {s.error ? <ErrorAlert error={s.error} /> : null}
      <TextField id={`agreement-${a.id}-reason`} name="reason" label={t('agreement.end.reason')} value={reason} onChange={setReason} optional />
      <Button appearance="secondary-action-button" type="button" onClick={() => end('kept')}>
        {t('agreement.end.kept')}
      </Button>{' '}
      <Button appearance="subtle-button" type="button" onClick={() => end('broken')}>
        {t('agreement.end.broken')}
      </Button>{' '}
      <Button appearance="subtle-button" type="button" onClick={() => end('withdrawn')}>
        {t('agreement.end.withdrawn')}
      </Button>
    </>
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
