import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CaseSummary } from '../api/models.js';
import { useI18n } from '../i18n/index.js';
import { CaseStatusBadge, ClockBadge, UnconfirmedBadge } from './badges.js';
import { CaseLink } from './links.js';
import { WideTable } from './WideTable.js';

/** The first two column headers of a table of cases: reference and title. */
export function CaseHeaderCells() {
  const { t } = useI18n();
  return (
    <>
      <TableHeaderCell scope="col">{t('case.reference')}</TableHeaderCell>
      <TableHeaderCell scope="col">{t('case.title')}</TableHeaderCell>
    </>
  );
}

/** The first two cells of a case's row: its reference, and its title linking to the case. */
export function CaseCells({ c, linkBase = '/zaken' }: { c: { id: string; reference: string; title: string }; linkBase?: string }) {
  return (
    <>
      <TableCell className="regie-nowrap">{c.reference}</TableCell>
      <TableCell>
        <CaseLink to={`${linkBase}/${c.id}`} title={c.title} reference={c.reference} />
      </TableCell>
    </>
  );
}

type Column = 'director' | 'area' | 'clock';

/** A list of cases as a table with a caption; the title links to the case. */
export function CaseTable({
  items,
  caption,
  linkBase = '/zaken',
  columns = ['director', 'area', 'clock'],
}: {
  items: CaseSummary[];
  caption: string;
  linkBase?: string;
  columns?: Column[];
}) {
  const { t, date } = useI18n();
  const has = (c: Column) => columns.includes(c);
  return (
    <WideTable caption={caption}>
      <TableHeader>
        <TableRow>
          <CaseHeaderCells />
          <TableHeaderCell scope="col">{t('case.status')}</TableHeaderCell>
          {has('director') ? <TableHeaderCell scope="col">{t('case.director')}</TableHeaderCell> : null}
          {has('area') ? <TableHeaderCell scope="col">{t('case.area')}</TableHeaderCell> : null}
          <TableHeaderCell scope="col">{t('case.planDueOn')}</TableHeaderCell>
          {has('clock') ? <TableHeaderCell scope="col">{t('case.clock')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((c) => (
          <TableRow key={c.id} className={`regie-row--${c.clock}`}>
            <CaseCells c={c} linkBase={linkBase} />
            <TableCell>
              <CaseStatusBadge status={c.status} /> {c.confirmed ? null : <UnconfirmedBadge />}
            </TableCell>
            {has('director') ? <TableCell>{c.directorName ?? <span className="regie-muted">{t('case.noDirector')}</span>}</TableCell> : null}
            {has('area') ? <TableCell>{c.areaName ?? '—'}</TableCell> : null}
            <TableCell className="regie-nowrap">{c.planDueOn ? date(c.planDueOn) : '—'}</TableCell>
            {has('clock') ? (
              <TableCell>
                <ClockBadge clock={c.clock} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}
