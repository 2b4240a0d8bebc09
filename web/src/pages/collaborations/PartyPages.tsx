// An outside party's read access without a staff account (docs/product.md#an-outside-partys-read-access):
// asking for a login link, the landing page of the link, the list of its collaborations
// and each one's sheet with the agreements made by and to it. Nothing else.
import {
  Alert,
  Button,
  ButtonLink,
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
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, downloads } from '../../api.js';
import { TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

/** Ask for a login link: the answer is the same whatever the address. */
export function PartyLoginPage() {
  const { t } = useI18n();
  usePageTitle(t('party.login.title'));
  const s = useCheckedSubmit(['municipality', 'email']);
  const [municipality, setMunicipality] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [website, setWebsite] = useState('');
  const trapId = useId();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s.checked({ ...(municipality.trim() ? {} : { municipality: t('collab.required') }), ...(email.trim() ? {} : { email: t('collab.required') }) }))
      return;
    const r = await s.run(() => api.requestPartyLoginLink({ municipality: municipality.trim(), email: email.trim(), ...(website ? { website } : {}) }));
    if (r) setSent(t('party.login.sent'));
  }
  return (
    <>
      <Heading level={1}>{t('party.login.title')}</Heading>
      <Paragraph>{t('party.login.lead')}</Paragraph>
      <LiveStatus message={sent} focus />
      <form onSubmit={submit} noValidate>
        {s.error && !Object.keys(s.errors).length ? <ErrorAlert error={s.error} loginLink={false} /> : null}
        <TextField
          name="municipality"
          label={t('party.login.municipality')}
          value={municipality}
          onChange={setMunicipality}
          required
          error={s.errors.municipality}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={t('party.login.email')}
          value={email}
          onChange={setEmail}
          required
          error={s.errors.email}
        />
        <div className="regie-visually-hidden" aria-hidden="true">
          <label htmlFor={trapId}>Website</label>
          <input id={trapId} name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </div>
        <Button appearance="primary-action-button" type="submit">
          {t('party.login.submit')}
        </Button>
      </form>
    </>
  );
}

/** Where the login link lands: the token is in the fragment, kept out of server logs. */
export function PartyLoginLinkPage() {
  const { t } = useI18n();
  usePageTitle(t('party.login.title'));
  const { hash } = useLocation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    const token = decodeURIComponent(hash.replace(/^#/, ''));
    api
      .startPartySession(token)
      .then(() => navigate('/partij/samenwerkingen', { replace: true }))
      .catch(() => setFailed(true));
  }, [hash, navigate]);
  return (
    <>
      <Heading level={1}>{t('party.login.title')}</Heading>
      {failed ? (
        <Alert type="error">
          <Paragraph>{t('party.login.failed')}</Paragraph>
          <Paragraph>
            <AppLink to="/partij">{t('party.login.submit')}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('party.login.busy')}</Paragraph>
      )}
    </>
  );
}

export function PartyCollaborationsPage() {
  const { t, date } = useI18n();
  usePageTitle(t('party.list.title'));
  const navigate = useNavigate();
  const data = useLoad((signal) => api.partyCollaborations(signal), []);
  const logout = async () => {
    await api.endPartySession().catch(() => undefined);
    navigate('/partij');
  };
  return (
    <>
      <Heading level={1}>{t('party.list.title')}</Heading>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} loginLink={false} /> : null}
      {data.data ? (
        <>
          <Paragraph>{t('party.list.lead', { municipality: data.data.municipality })}</Paragraph>
          {data.data.items.length ? (
            <UnorderedList>
              {data.data.items.map((c) => (
                <UnorderedListItem key={c.id}>
                  <AppLink to={`/partij/samenwerkingen/${c.id}`}>{c.name}</AppLink> — {t(`collab.phase.${c.phase}`)}, {date(c.startOn)} – {date(c.endOn)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : (
            <Paragraph>{t('party.list.none')}</Paragraph>
          )}
        </>
      ) : null}
      <Button appearance="secondary-action-button" type="button" onClick={logout}>
        {t('party.list.logout')}
      </Button>
    </>
  );
}

export function PartyCollaborationPage() {
  const { t, date } = useI18n();
  const id = useParams().id ?? '';
  const data = useLoad((signal) => api.partyCollaboration(id, signal), [id]);
  usePageTitle(data.data?.name ?? t('party.list.title'));
  if (data.loading && !data.data) return <Loading />;
  if (data.error) return <ErrorAlert error={data.error} loginLink={false} />;
  const c = data.data;
  if (!c) return null;
  return (
    <>
      <Paragraph>
        <AppLink to="/partij/samenwerkingen">{t('party.sheet.back')}</AppLink>
      </Paragraph>
      <Heading level={1}>{c.name}</Heading>
      <dl className="regie-facts">
        <dt>{t('party.sheet.owner')}</dt>
        <dd>{c.ownerName}</dd>
        <dt>{t('party.sheet.period')}</dt>
        <dd>{`${date(c.startOn)} – ${date(c.endOn)}`}</dd>
      </dl>
      <ButtonLink appearance="secondary-action-button" href={downloads.partyCollaborationSheet(c.id)} download="samenwerkingsblad.pdf">
        {t('party.sheet.pdf')}
      </ButtonLink>
      <Section title={t('party.sheet.goal')}>
        <Paragraph>{c.goal || '—'}</Paragraph>
      </Section>
      <Section title={t('party.sheet.targets')}>
        {c.targets.map((tg) => (
          <Section key={tg.id} title={tg.indicator} level={3}>
            <Paragraph>{t('collab.target.summary', { baseline: tg.baseline, target: tg.targetValue, unit: tg.unit, date: date(tg.targetOn) })}</Paragraph>
            {tg.readings.length ? (
              <UnorderedList>
                {tg.readings.map((r) => (
                  <UnorderedListItem key={r.id}>{`${date(r.readOn)}: ${r.value} ${tg.unit}`}</UnorderedListItem>
                ))}
              </UnorderedList>
            ) : (
              <Paragraph>{t('party.sheet.noReadings')}</Paragraph>
            )}
          </Section>
        ))}
      </Section>
      <Section title={t('party.sheet.parties')}>
        <UnorderedList>
          {c.sheetParties.map((p) => (
            <UnorderedListItem key={p.id}>
              {p.name}
              {p.yield ? ` — ${t('collab.party.yield')}: ${p.yield}` : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Section>
      <Section title={t('party.sheet.agreements')}>
        <SheetAgreements agreements={c.agreements} caption={t('party.sheet.agreements')} none={t('agreement.none')} />
      </Section>
    </>
  );
}

type SheetAgreement = Awaited<ReturnType<typeof api.partyCollaboration>>['agreements'][number];

/** The agreements on a party's sheet, made by or to the reader, read-only (docs/product.md#an-outside-partys-read-access). */
export function SheetAgreements({ agreements, caption, none }: { agreements: readonly SheetAgreement[]; caption: string; none: string }) {
  const { t, date } = useI18n();
  if (!agreements.length) return <Paragraph>{none}</Paragraph>;
  return (
    <WideTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('agreement.col.what')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.by')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.to')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.due')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('agreement.col.status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agreements.map((a) => (
          <TableRow key={a.id}>
            <TableHeaderCell scope="row">{a.what}</TableHeaderCell>
            <TableCell>{a.madeBy.name}</TableCell>
            <TableCell>{a.madeTo.name}</TableCell>
            <TableCell>{date(a.dueOn)}</TableCell>
            <TableCell>
              {t(`commitmentStatus.${a.status}`)}
              {a.overdue ? ` (${t('agreement.overdue')})` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}
