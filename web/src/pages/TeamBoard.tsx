// /team — the coordinator's board: unassigned cases (assign them here), plans due
// soon, plans overdue, and the open cases per director.
import { Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { BoardCase, UnassignedCase } from '../api/models.js';
import { api } from '../api.js';
import { AssignDirector } from '../components/AssignDirector.js';
import { CaseStatusBadge } from '../components/badges.js';
import { CaseCells, CaseHeaderCells } from '../components/CaseTable.js';
import { ErrorAlert, LiveStatus, Loading } from '../components/feedback.js';
import { AppLink } from '../components/links.js';
import { Section } from '../components/Section.js';
import { WideTable } from '../components/WideTable.js';
import { useLoad, usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { OverdueCommitments } from './commitments/CommitmentPages.js';

export function TeamBoardPage() {
  const { t, date } = useI18n();
  usePageTitle(t('team.title'));
  const board = useLoad((signal) => api.teamBoard(signal), []);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <>
      <Heading level={1}>{t('team.title')}</Heading>
      <LiveStatus message={status} />
      {board.loading && !board.data ? <Loading /> : null}
      {board.error ? <ErrorAlert error={board.error} /> : null}
      {board.data ? (
        <>
          <Paragraph>{t('team.lead', { today: date(board.data.today), until: date(board.data.dueSoonUntil) })}</Paragraph>
          <Section title={t('team.unassigned')}>
            <Paragraph className="regie-count">{t('team.count', { count: board.data.unassigned.length })}</Paragraph>
            {board.data.unassigned.length ? (
              <UnassignedTable
                items={board.data.unassigned}
                directors={board.data.perDirector}
                onAssigned={(ref, name) => {
                  setStatus(t('team.assigned', { reference: ref, name }));
                  board.reload();
                }}
              />
            ) : (
              <Paragraph>{t('team.noneUnassigned')}</Paragraph>
            )}
          </Section>
          <BoardTable title={t('team.dueSoon')} caption={t('team.dueSoonCaption')} empty={t('team.noneDueSoon')} items={board.data.dueSoon} tone="dueSoon" />
          <BoardTable title={t('team.overdue')} caption={t('team.overdueCaption')} empty={t('team.noneOverdue')} items={board.data.overdue} tone="overdue" />
          <OverdueCommitments />
          <Section title={t('team.perDirector')}>
            <WideTable caption={t('team.perDirectorCaption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('case.director')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('team.openCases')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {board.data.perDirector.map((d) => (
                  <TableRow key={d.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/zaken?director=${d.id}`}>{d.name}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{d.openCases}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </WideTable>
          </Section>
        </>
      ) : null}
    </>
  );
}

function BoardTable({
  title,
  caption,
  empty,
  items,
  tone,
}: {
  title: string;
  caption: string;
  empty: string;
  items: BoardCase[];
  tone: 'overdue' | 'dueSoon';
}) {
  const { t, date } = useI18n();
  return (
    <Section title={title} className={`regie-section regie-board--${tone}`}>
      <Paragraph className="regie-count">{t('team.count', { count: items.length })}</Paragraph>
      {items.length ? (
        <WideTable caption={caption}>
          <TableHeader>
            <TableRow>
              <CaseHeaderCells />
              <TableHeaderCell scope="col">{t('case.director')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.planDueOn')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={c.id}>
                <CaseCells c={c} />
                <TableCell>{c.directorName ?? '—'}</TableCell>
                <TableCell className="regie-nowrap">
                  <span className={`regie-due regie-due--${tone}`}>
                    {tone === 'overdue' ? t('team.overdueSince', { date: date(c.planDueOn) }) : t('team.dueOn', { date: date(c.planDueOn) })}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : (
        <Paragraph>{empty}</Paragraph>
      )}
    </Section>
  );
}

function UnassignedTable({
  items,
  directors,
  onAssigned,
}: {
  items: UnassignedCase[];
  directors: { id: string; name: string; openCases: number }[];
  onAssigned(reference: string, name: string): void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <WideTable caption={t('team.unassignedCaption')}>
      <TableHeader>
        <TableRow>
          <CaseHeaderCells />
          <TableHeaderCell scope="col">{t('case.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('case.submittedAt')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('team.assign')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((c) => (
          <TableRow key={c.id}>
            <CaseCells c={c} />
            <TableCell>
              <CaseStatusBadge status={c.status} />
            </TableCell>
            <TableCell className="regie-nowrap">{dateTime(c.submittedAt)}</TableCell>
            <TableCell>
              <QuickAssign c={c} directors={directors} onAssigned={onAssigned} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

/**
 * Assign from the board. The board's one response carries each case's version, whether
 * the user may assign it and the director proposal, so a row costs no request of its own.
 */
function QuickAssign({
  c,
  directors,
  onAssigned,
}: {
  c: UnassignedCase;
  directors: { id: string; name: string; openCases: number }[];
  onAssigned(reference: string, name: string): void;
}) {
  const { t } = useI18n();
  const preloaded = useMemo(
    () => ({
      proposal: c.proposal,
      candidates: directors.map((d) => ({ ...d, areaIds: [], themeIds: [] })),
    }),
    [c.proposal, directors],
  );
  if (!c.canAssign) return <span className="regie-muted">{t('team.cannotAssign')}</span>;
  return (
    <AssignDirector
      compact
      caseId={c.id}
      version={c.version}
      currentDirectorId={null}
      reference={c.reference}
      preloaded={preloaded}
      onAssigned={(next) => onAssigned(c.reference, next.director?.name ?? '')}
    />
  );
}
