// The login details on the screens: for whom an eHerkenning login acts
// (docs/product.md#eherkenning-branches-and-acting-persons), the audit's reveal of a
// BSN (docs/product.md#revealing-a-bsn-for-the-audit) and an account's history
// (docs/product.md#an-accounts-history).
import { Alert, Button, DataList, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { type AccountHistoryEntry, loginDetailsApi, type RevealedNumber } from '../api/logindetails.js';
import { useLoad, useSubmit } from '../hooks.js';
import { type Translate, useI18n } from '../i18n/index.js';
import { Fact } from './Fact.js';
import { TextAreaField } from './Fields.js';
import { ErrorAlert, Loading } from './feedback.js';
import { Section } from './Section.js';

interface OnBehalf {
  company?: string | null;
  kvkNumber?: string | null;
  branchNumber?: string | null;
  actingPerson?: string | null;
}

/** "namens Bakkerij Jansen (KvK 12345678), vestiging 000012345678" — with "door <person>" when asked. */
export function onBehalfText(t: Translate, o: OnBehalf, withPerson = false): string {
  const who =
    o.company && o.kvkNumber
      ? t('onBehalf.companyKvk', { company: o.company, kvk: o.kvkNumber })
      : o.company
        ? t('onBehalf.company', { company: o.company })
        : o.kvkNumber
          ? t('onBehalf.kvk', { kvk: o.kvkNumber })
          : '';
  const parts = [who, o.branchNumber ? t('onBehalf.branch', { branch: o.branchNumber }) : ''].filter(Boolean);
  const text = parts.join(', ');
  return withPerson && o.actingPerson ? `${text} ${t('onBehalf.by', { person: o.actingPerson })}`.trim() : text;
}

/** The "Namens" line of an initiator block, for a case filed through eHerkenning. */
export function OnBehalfFact({ initiator }: { initiator: { company: string | null; kvkNumber: string | null; onBehalf: OnBehalf | null } }) {
  const { t } = useI18n();
  const o = initiator.onBehalf;
  if (!o) return null;
  return <Fact k={t('onBehalf.label')}>{onBehalfText(t, { ...o, company: initiator.company, kvkNumber: initiator.kvkNumber }, true)}</Fact>;
}

/** The eHerkenning login's own line above "Mijn zaken". */
export function LoggedInOnBehalf({ onBehalf }: { onBehalf: OnBehalf | null | undefined }) {
  const { t } = useI18n();
  if (!onBehalf) return null;
  return <Paragraph>{t('onBehalf.loggedIn', { onBehalf: onBehalfText(t, onBehalf, true) })}</Paragraph>;
}

/** The admin reveals the initiator's BSN for the audit, with a reason that goes into the access log. */
export function RevealIdentityNumber({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [shown, setShown] = useState<RevealedNumber | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(null);
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const r = await submit.run(() => loginDetailsApi.reveal(caseId, reason.trim()));
    if (r) setShown(r);
  }
  return (
    <Section title={t('reveal.title')} level={3} className="regie-subsection">
      <Paragraph>{t('reveal.text')}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField
          name="reveal-reason"
          label={t('reveal.reason')}
          value={reason}
          onChange={setReason}
          rows={2}
          required
          error={missing ? t('reveal.reasonRequired') : undefined}
        />
        {submit.error ? <ErrorAlert error={submit.error} /> : null}
        <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
          {t('reveal.submit')}
        </Button>
      </form>
      {shown ? (
        <Alert type="info">
          <DataList className="regie-datalist">
            <Fact k={t(shown.kind === 'bsn' ? 'reveal.bsn' : 'reveal.kvk')}>{shown.value}</Fact>
          </DataList>
          <Paragraph>{t('reveal.logged')}</Paragraph>
        </Alert>
      ) : null}
    </Section>
  );
}

function historyLine(t: Translate, e: AccountHistoryEntry): string {
  const what = t('accountHistory.roleChanged', { from: t(`role.${e.from}`), to: t(`role.${e.to}`) });
  const how =
    e.source === 'groupMapping'
      ? t('accountHistory.byGroup', { group: e.group ?? '' })
      : e.by?.name
        ? t('accountHistory.byAdmin', { name: e.by.name })
        : t('accountHistory.byRegie');
  return `${what} ${how}`;
}

/** The history of a staff account: each change of its role, when and how. */
export function AccountHistory({ userId, reloadKey }: { userId: string; reloadKey?: unknown }) {
  const { t, dateTime } = useI18n();
  const data = useLoad((signal) => loginDetailsApi.history(userId, signal), [userId, reloadKey]);
  return (
    <Section title={t('accountHistory.title')}>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        data.data.items.length ? (
          <ul>
            {data.data.items.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{dateTime(e.at)}</time>: {historyLine(t, e)}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('accountHistory.empty')}</Paragraph>
        )
      ) : null}
    </Section>
  );
}
