// /beheer/gebiedsgrenzen — the admin uploads a GeoJSON boundary per area; a case whose
// point lies in it gets that area (docs/product.md#area-boundaries). The table says
// which areas have one; the map shows them.
import { Alert, Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { FileField, SelectField } from '../../components/Fields.js';
import { ErrorAlert, Loading, useFocusedStatus } from '../../components/feedback.js';
import { type BoundaryGeometry as Geometry, geometryOf } from '../../components/geo/geojson.js';
import { MapView } from '../../components/geo/MapView.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from '../admin/AdminHome.js';

export function AreaBoundariesPage() {
  const { t } = useI18n();
  usePageTitle(t('geo.boundaries'));
  const r = useLoad(async (signal) => {
    const [org, b] = await Promise.all([api.organisation(signal), api.areaBoundaries(signal)]);
    return { areas: org.areas, boundaries: b.items };
  }, []);
  const [areaId, setAreaId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const status = useFocusedStatus();
  const areas = r.data?.areas ?? [];
  const nameOf = (id: string) => areas.find((a) => a.id === id)?.name ?? '';
  const has = (id: string) => (r.data?.boundaries ?? []).some((b) => b.areaId === id);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setError(null);
    if (!areaId || !file) return;
    let geometry: Geometry | null;
    try {
      geometry = geometryOf(JSON.parse(await file.text()));
    } catch {
      setProblem(t('geo.boundaryNotJson'));
      return;
    }
    if (!geometry) {
      setProblem(t('geo.boundaryNotOneGeometry'));
      return;
    }
    try {
      await api.setAreaBoundary(areaId, geometry);
      status.show(t('geo.boundarySaved', { area: nameOf(areaId) }));
      r.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  async function remove(id: string) {
    try {
      await api.removeAreaBoundary(id);
      status.show(t('geo.boundaryRemoved', { area: nameOf(id) }));
      r.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('geo.boundaries')}</Heading>
      <Paragraph>{t('geo.boundariesLead')}</Paragraph>
      {status.element}
      {r.loading && !r.data ? <Loading /> : null}
      {r.error ? <ErrorAlert error={r.error} /> : null}
      <form noValidate onSubmit={onSubmit} className="regie-form">
        <SelectField
          name="areaId"
          label={t('geo.area')}
          value={areaId}
          onChange={setAreaId}
          placeholder="—"
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
        <FileField
          name="boundary"
          label={t('geo.boundaryFile', { area: areaId ? nameOf(areaId) : '' })}
          accept=".geojson,.json,application/geo+json,application/json"
          onFile={setFile}
          error={problem ?? undefined}
        />
        {error ? (
          <>
            <ErrorAlert error={error} />
            {error.invalidParams.length ? (
              <Alert type="error">
                <ul>
                  {error.invalidParams.map((p) => (
                    <li key={p.name}>
                      {p.name}: {p.reason}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
          </>
        ) : null}
        <Button type="submit" appearance="primary-action-button" disabled={!areaId || !file}>
          {t('geo.boundaryUpload')}
        </Button>
      </form>
      <WideTable caption={t('geo.boundaries')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('geo.area')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('geo.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="regie-visually-hidden">{t('geo.removePoint')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {areas.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.name}</TableCell>
              <TableCell>{has(a.id) ? t('geo.boundarySet') : t('geo.boundaryNone')}</TableCell>
              <TableCell>
                {has(a.id) ? (
                  <Button appearance="subtle-button" onClick={() => remove(a.id)}>
                    {t('geo.boundaryRemove', { area: a.name })}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
      {r.data ? (
        <MapView
          label={t('geo.boundariesMap')}
          areas={r.data.boundaries.map((b) => ({ id: b.areaId, name: nameOf(b.areaId), geometry: b.geometry as never }))}
        />
      ) : null}
    </>
  );
}
