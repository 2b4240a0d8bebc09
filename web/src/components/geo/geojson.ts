// The boundary in an uploaded GeoJSON file (docs/product.md#area-boundaries): the API
// takes one Polygon or MultiPolygon; a file often wraps it in a Feature or a
// FeatureCollection of one Feature.
import type { BodyOf } from '../../api/models.js';

export type BoundaryGeometry = BodyOf<'/areas/{id}/boundary', 'put'>['geometry'];

/** The one Polygon or MultiPolygon in the file's JSON; null when there is none, or more than one. */
export function geometryOf(json: unknown): BoundaryGeometry | null {
  const o = json as { type?: string; geometry?: unknown; features?: unknown[] } | null;
  if (!o || typeof o !== 'object') return null;
  if (o.type === 'Polygon' || o.type === 'MultiPolygon') return o as BoundaryGeometry;
  if (o.type === 'Feature') return geometryOf(o.geometry);
  if (o.type === 'FeatureCollection' && Array.isArray(o.features) && o.features.length === 1) return geometryOf(o.features[0]);
  return null;
}
