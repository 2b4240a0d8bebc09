import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CaseSummary } from '../api/models.js';
import { useI18n } from '../i18n/index.js';
import { CaseStatusBadge, ClockBadge } from './badges.js';
import { CaseLink } from './links.js';
import { WideTable } from './WideTable.js';

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
          <TableHeaderCell scope="col">{t('case.reference')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('case.title')}</TableHeaderCell>
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
            <TableCell className="regie-nowrap">{c.reference}</TableCell>
            <TableCell>
              <CaseLink to={`${linkBase}/${c.id}`} title={c.title} reference={c.reference} />
            </TableCell>
            <TableCell>
              <CaseStatusBadge status={c.status} />
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
