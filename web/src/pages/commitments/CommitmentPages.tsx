// Workspaces on commitments (docs/product.md#workspaces): the executive's "Mijn toezeggingen"
// (what they promised, its status, overdue first in view) and the coordinator's
// "Toezeggingen ter bevestiging" (made outside a mandate, waiting for the holder).
import { Button, ButtonLink, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Commitment, CommitmentScope } from '../../api/models.js';
import { type ApiError, api, downloads } from '../../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { may, useCurrentUser } from '../../currentUser.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { CommitmentCard } from './CommitmentCard.js';

function CommitmentListPage({ scope, title, lead, empty }: { scope: CommitmentScope; title: MessageKey; lead: MessageKey; empty: MessageKey }) {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  usePageTitle(t(title));
  const data = useLoad((signal) => api.commitments(scope, undefined, signal), [scope]);
  const [more, setMore] = useState<{ items: Commitment[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = [...(data.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (data.data?.nextCursor ?? null);
  const overdue = items.filter((c) => c.overdue).length;
  const open = items.filter((c) => c.status === 'binding' || c.status === 'needsConfirmation').length;
  // overdue first, then open, then settled: what needs attention is on top
  const rank = (c: Commitment) => (c.overdue ? 0 : c.status === 'binding' || c.status === 'needsConfirmation' ? 1 : 2);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));

  async function loadMore() {
    if (!next) return;
    try {
      const p = await api.commitments(scope, next);
      setMore({ items: [...(more?.items ?? []), ...p.items], next: p.nextCursor });
    } catch (e) {
      setMoreError(e as ApiError);
    }
  }

  return (
    <>
      <Heading level={1}>{t(title)}</Heading>
      <Paragraph>{t(lead)}</Paragraph>
      <LiveStatus message={status} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        <>
          {overdue ? (
            <Section title={t('workspace.attention')} level={2} className="regie-attention">
              <Paragraph className="regie-attention--overdue">{t('commitments.overdueCount', { count: overdue })}</Paragraph>
            </Section>
          ) : null}
          {items.length ? (
            <Paragraph>
              {items.length === 1
                ? t(open ? 'commitments.countOneOpen' : 'commitments.countOneSettled')
                : t('commitments.count', { count: items.length, open })}
            </Paragraph>
          ) : null}
          {sorted.length ? (
            sorted.map((c) => (
              <CommitmentCard
                key={c.id}
                c={c}
                level={2}
                withCase
                onChanged={(_n, m) => {
                  setStatus(m);
                  setMore(null);
                  data.reload();
                }}
              />
            ))
          ) : (
            <Paragraph>{t(empty)}</Paragraph>
          )}
          {moreError ? <ErrorAlert error={moreError} /> : null}
          {next ? (
            <Button appearance="secondary-action-button" onClick={loadMore}>
              {t('cases.nextPage')}
            </Button>
          ) : null}
          {may(me, 'exportCommitments') ? (
            <Paragraph>
              <ButtonLink appearance="subtle-button" href={downloads.commitmentsExport()} download="toezeggingen.csv">
                {t('commitments.export')}
              </ButtonLink>
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function MyCommitmentsPage() {
  return <CommitmentListPage scope="mine" title="myCommitments.title" lead="myCommitments.lead" empty="myCommitments.empty" />;
}

export function ToConfirmPage() {
  return <CommitmentListPage scope="awaitingConfirmation" title="toConfirm.title" lead="toConfirm.lead" empty="toConfirm.empty" />;
}

/**
 * Overdue commitments for the director's workspace and the coordinator's team board
 * (docs/product.md#commitments-on-record: overdue commitments stand out); the API decides whose: the
 * coordinator sees all, a director those on their cases and their own.
 */
export function OverdueCommitments({ level = 2 }: { level?: number }) {
  const { t, date } = useI18n();
  const data = useLoad((signal) => api.commitments('overdue', undefined, signal), []);
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return data.loading ? <Loading /> : null;
  const items = data.data.items;
  return (
    <Section title={t('overdue.title', { count: items.length })} level={level} className={items.length ? 'regie-section regie-attention' : 'regie-section'}>
      {items.length ? (
        <WideTable caption={t('overdue.caption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('case.reference')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('commitment.what')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('commitment.madeBy')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('commitment.dueOn')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={c.id} className="regie-row--overdue">
                <TableCell className="regie-nowrap">
                  {/* an agreement within a collaboration has no case: its collaboration instead */}
                  {c.caseId ? (
                    <AppLink to={`/zaken/${c.caseId}#toezeggingen`}>{c.caseReference}</AppLink>
                  ) : (
                    <AppLink to={`/samenwerkingen/${c.collaborationId}`}>{c.collaborationName}</AppLink>
                  )}
                </TableCell>
                <TableCell>{c.what}</TableCell>
                <TableCell>{c.madeBy.name}</TableCell>
                <TableCell className="regie-nowrap">
                  <span className="regie-due--overdue">
                    {date(c.dueOn)} ({t('commitment.overdue')})
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : (
        <Paragraph>{t('overdue.none')}</Paragraph>
      )}
    </Section>
  );
}
