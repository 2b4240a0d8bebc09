// The case list's cases on a map, with the same filters as the list, and beside the
// map a table of exactly the cases it shows: the map is never the only way to read
// them (docs/geo.md). Opened on demand, so the list stays the page's first answer.
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type { CaseFilters } from '../../api/models.js';
import { api } from '../../api.js';
import { CaseStatusBadge } from '../../components/badges.js';
import { CaseCells, CaseHeaderCells } from '../../components/CaseTable.js';
import { ErrorAlert, Loading } from '../../components/feedback.js';
import { MapView } from '../../components/geo/MapView.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

/** At most this many cases on the map at once (the list's largest page). */
const MAP_LIMIT = 100;

export function CasesOnMap({ filters }: { filters: CaseFilters }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="regie-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('geo.casesMap')}</summary>
      {open ? <MapAndTable filters={filters} /> : null}
    </details>
  );
}

function MapAndTable({ filters }: { filters: CaseFilters }) {
  const { t } = useI18n();
  const leadId = useId();
  const key = JSON.stringify(filters);
  const r = useLoad(
    async (signal) => {
      const [cases, boundaries, org] = await Promise.all([
        api.cases({ ...filters, limit: MAP_LIMIT }, signal),
        api.areaBoundaries(signal),
        api.organisation(signal),
      ]);
      return { cases, boundaries: boundaries.items, areas: org.areas };
    },
    [key],
  );
  if (r.loading && !r.data) return <Loading />;
  if (r.error) return <ErrorAlert error={r.error} />;
  if (!r.data) return null;
  const { cases, boundaries, areas } = r.data;
  const withPoint = cases.items.filter((c) => c.point);
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';
  return (
    <>
      <Paragraph id={leadId}>{t('geo.casesMapLead')}</Paragraph>
      <MapView
        label={t('geo.casesMapLabel')}
        describedBy={leadId}
        markers={withPoint.map((c) => ({ id: c.id, lon: c.point?.lon ?? 0, lat: c.point?.lat ?? 0, label: `${c.reference} ${c.title}` }))}
        areas={boundaries.map((b) => ({ id: b.areaId, name: areaName(b.areaId), geometry: b.geometry as never }))}
      />
      {cases.items.length > withPoint.length ? <Paragraph>{t('geo.casesWithoutPoint', { count: cases.items.length - withPoint.length })}</Paragraph> : null}
      {cases.nextCursor ? <Paragraph>{t('geo.casesMapMore', { count: MAP_LIMIT })}</Paragraph> : null}
      {withPoint.length ? (
        <WideTable caption={t('geo.casesTable')}>
          <TableHeader>
            <TableRow>
              <CaseHeaderCells />
              <TableHeaderCell scope="col">{t('case.location')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.area')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('geo.position')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {withPoint.map((c) => (
              <TableRow key={c.id}>
                <CaseCells c={c} />
                <TableCell>{c.location}</TableCell>
                <TableCell>{c.areaName ?? ''}</TableCell>
                <TableCell>
                  <CaseStatusBadge status={c.status} />
                </TableCell>
                <TableCell className="regie-nowrap">{c.point ? `${c.point.lat.toFixed(5)}, ${c.point.lon.toFixed(5)}` : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : (
        <Paragraph>{t('geo.noCasesWithPoint')}</Paragraph>
      )}
    </>
  );
}
