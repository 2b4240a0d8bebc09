// A collaboration of another municipality read by a municipality that is one of its
// parties (docs/product.md#a-partner-municipality-reads-a-collaboration): the list on
// the collaborations overview, each marked with the owning municipality, and the
// read-only sheet with the progress and the agreements by and to the own municipality.
import { ButtonLink, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { partnerApi } from '../../api/partner.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { SheetAgreements } from './PartyPages.js';

/** The municipality's own name without "Gemeente", as the marker says "gemeente X". */
const bare = (name: string) => name.replace(/^gemeente\s+/i, '');

/** On the collaborations overview: the other municipalities' collaborations the own municipality is a party of. */
export function PartnerCollaborations() {
  const { t, date } = useI18n();
  const data = useLoad((signal) => partnerApi.collaborations(signal), []);
  if (data.error) return <ErrorAlert error={data.error} />;
  const items = data.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Section title={t('partner.listTitle')}>
      <Paragraph>{t('partner.listLead')}</Paragraph>
      <UnorderedList>
        {items.map((c) => (
          <UnorderedListItem key={c.id}>
            <AppLink to={`/samenwerkingen/partner/${c.id}`}>{c.name}</AppLink> — {t('partner.marker', { municipality: bare(c.municipality) })} ·{' '}
            {t(`collab.phase.${c.phase}`)} · {`${date(c.startOn)} – ${date(c.endOn)}`}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Section>
  );
}

export function PartnerCollaborationPage() {
  const { t, date } = useI18n();
  const id = useParams().id ?? '';
  const data = useLoad((signal) => partnerApi.collaboration(id, signal), [id]);
  usePageTitle(data.data?.name ?? t('partner.listTitle'));
  if (data.loading && !data.data) return <Loading />;
  if (data.error) return <ErrorAlert error={data.error} />;
  const c = data.data;
  if (!c) return null;
  return (
    <>
      <Paragraph>
        <AppLink to="/samenwerkingen">{t('collab.title')}</AppLink>
      </Paragraph>
      <Heading level={1}>{c.name}</Heading>
      <Paragraph>
        <strong>{t('partner.marker', { municipality: bare(c.municipality) })}</strong>. {t('partner.readOnly', { municipality: bare(c.municipality) })}
      </Paragraph>
      {c.description ? <Paragraph>{c.description}</Paragraph> : null}
      <dl className="regie-facts">
        <dt>{t('partner.owner')}</dt>
        <dd>{c.ownerName}</dd>
        <dt>{t('partner.phase')}</dt>
        <dd>{t(`collab.phase.${c.phase}`)}</dd>
        <dt>{t('partner.period')}</dt>
        <dd>{`${date(c.startOn)} – ${date(c.endOn)}`}</dd>
      </dl>
      <ButtonLink appearance="secondary-action-button" href={partnerApi.sheet(c.id)} download="samenwerkingsblad.pdf">
        {t('partner.sheet')}
      </ButtonLink>
      <Section title={t('partner.goal')}>
        <Paragraph>{c.goal || '—'}</Paragraph>
      </Section>
      <Section title={t('partner.targets')}>
        {c.targets.map((tg) => (
          <Section key={tg.id} title={tg.indicator} level={3}>
            <Paragraph>
              {t('partner.target', { indicator: tg.indicator, baseline: tg.baseline, target: tg.targetValue, unit: tg.unit, date: date(tg.targetOn) })}
            </Paragraph>
            {tg.readings.length ? (
              <UnorderedList>
                {tg.readings.map((r) => (
                  <UnorderedListItem key={r.id}>
                    {t('partner.reading', { value: r.value, unit: tg.unit, date: date(r.readOn) })}
                    {r.note ? ` — ${r.note}` : ''}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            ) : (
              <Paragraph>{t('partner.noReading')}</Paragraph>
            )}
          </Section>
        ))}
      </Section>
      <Section title={t('partner.parties')}>
        <UnorderedList>
          {c.sheetParties.map((p) => (
            <UnorderedListItem key={p.id}>
              {p.name}
              {p.contributions.length ? ` — ${t('partner.contributions')}: ${p.contributions.map((x) => x.description || x.kind).join(', ')}` : ''}
              {p.yield ? ` — ${t('partner.yield')}: ${p.yield}` : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Section>
      <Section title={t('partner.agreements')}>
        <SheetAgreements agreements={c.agreements} caption={t('partner.agreements')} none={t('partner.noAgreements')} />
      </Section>
    </>
  );
}
