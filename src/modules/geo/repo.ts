// The areas' boundaries (table area_boundaries, migration 029).
import type { Queryable } from '../../platform/db/index.js';
import type { Boundary, Box, Point } from './model.js';

export interface BoundaryRow {
  areaId: string;
  geometry: Boundary;
  updatedAt: Date;
}

export async function upsertBoundary(q: Queryable, mId: string, areaId: string, geometry: Boundary, box: Box, now: Date) {
  const values = {
    geometry: JSON.stringify(geometry),
    min_lon: box.minLon,
    min_lat: box.minLat,
    max_lon: box.maxLon,
    max_lat: box.maxLat,
    updated_at: now,
  };
  await q
    .insertInto('area_boundaries')
    .values({ area_id: areaId, municipality_id: mId, ...values })
    .onConflict((oc) => oc.column('area_id').doUpdateSet(values))
    .execute();
}

export async function deleteBoundary(q: Queryable, mId: string, areaId: string): Promise<boolean> {
  const r = await q.deleteFrom('area_boundaries').where('municipality_id', '=', mId).where('area_id', '=', areaId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listBoundaries(q: Queryable, mId: string): Promise<BoundaryRow[]> {
  const rows = await q
    .selectFrom('area_boundaries as b')
    .innerJoin('areas as a', 'a.id', 'b.area_id')
    .select(['b.area_id', 'b.geometry', 'b.updated_at'])
    .where('b.municipality_id', '=', mId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ areaId: r.area_id, geometry: r.geometry as unknown as Boundary, updatedAt: r.updated_at }));
}

/** The boundaries whose box holds the point (the prefilter before point in polygon), by area name. */
export async function boundariesAround(q: Queryable, mId: string, p: Point): Promise<BoundaryRow[]> {
  const rows = await q
    .selectFrom('area_boundaries as b')
    .innerJoin('areas as a', 'a.id', 'b.area_id')
    .select(['b.area_id', 'b.geometry', 'b.updated_at'])
    .where('b.municipality_id', '=', mId)
    .where('b.min_lon', '<=', p.lon)
    .where('b.max_lon', '>=', p.lon)
    .where('b.min_lat', '<=', p.lat)
    .where('b.max_lat', '>=', p.lat)
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ areaId: r.area_id, geometry: r.geometry as unknown as Boundary, updatedAt: r.updated_at }));
}
