// Pure rules of places: what a valid area boundary is, which boundary holds a point,
// and the conversion of a WGS84 point to RD New (docs/product.md#area-from-the-point,
// docs/geo.md). No I/O.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import proj4 from 'proj4';
import type { FieldProblem } from '../../kernel/errors.js';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type Boundary = PolygonGeometry | MultiPolygonGeometry;

export interface Point {
  lon: number;
  lat: number;
}
export interface Box {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * The Netherlands (with its coastal waters) in WGS84: a point or a boundary outside
 * this box is a mistake — swapped coordinates, RD metres given as degrees, or a file
 * of somewhere else (docs/product.md#area-boundaries).
 */
export const NETHERLANDS: Box = { minLon: 3.2, minLat: 50.7, maxLon: 7.3, maxLat: 53.7 };

/** At most this many positions in one boundary, so one upload cannot weigh down every intake. */
export const MAX_BOUNDARY_POSITIONS = 20_000;

export const inBox = (p: Point, b: Box) => p.lon >= b.minLon && p.lon <= b.maxLon && p.lat >= b.minLat && p.lat <= b.maxLat;

const polygonsOf = (g: Boundary): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/**
 * Every problem of a boundary at once, as field problems under `geometry`: a type
 * other than Polygon or MultiPolygon, a polygon without an outer ring, a ring of
 * fewer than four positions or not closed (its last position equal to its first),
 * a position outside the Netherlands, too many positions
 * (docs/product.md#area-boundaries).
 */
export function boundaryProblems(g: { type: string; coordinates: unknown }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [{ field: 'geometry.type', key: 'error.boundaryType' }];
  const polygons = polygonsOf(g as Boundary);
  if (!polygons.length) return [{ field: 'geometry.coordinates', key: 'error.boundaryEmpty' }];
  let positions = 0;
  let outside: string | null = null;
  polygons.forEach((rings, pi) => {
    const at = g.type === 'Polygon' ? 'geometry.coordinates' : `geometry.coordinates.${pi}`;
    if (!rings.length) problems.push({ field: at, key: 'error.boundaryEmpty' });
    rings.forEach((ring, ri) => {
      positions += ring.length;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) problems.push({ field: `${at}.${ri}`, key: 'error.boundaryRingTooShort' });
      else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) problems.push({ field: `${at}.${ri}`, key: 'error.boundaryRingNotClosed' });
      ring.forEach((p, i) => {
        if (outside === null && !inBox({ lon: p[0], lat: p[1] }, NETHERLANDS)) outside = `${at}.${ri}.${i}`;
      });
    });
  });
  if (outside !== null) problems.push({ field: outside, key: 'error.boundaryOutsideNetherlands' });
  if (positions > MAX_BOUNDARY_POSITIONS)
    problems.push({ field: 'geometry.coordinates', key: 'error.boundaryTooLarge', params: { max: MAX_BOUNDARY_POSITIONS } });
  return problems;
}

/** The smallest box that holds the boundary. */
export function boxOf(g: Boundary): Box {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const rings of polygonsOf(g)) {
    for (const ring of rings) {
      for (const [lon, lat] of ring) {
        b.minLon = Math.min(b.minLon, lon);
        b.maxLon = Math.max(b.maxLon, lon);
        b.minLat = Math.min(b.minLat, lat);
        b.maxLat = Math.max(b.maxLat, lat);
      }
    }
  }
  return b;
}

/** Whether the boundary holds the point; a point in a hole is outside, a point on the edge inside. */
export const boundaryHolds = (g: Boundary, p: Point): boolean => booleanPointInPolygon([p.lon, p.lat], g);

/**
 * The area a point lies in, among the candidate boundaries (already narrowed to those
 * whose box holds the point): the first that holds it, in the order given. Areas are
 * meant not to overlap; where they do, the caller's order (by name) decides, so the
 * answer is stable (docs/product.md#area-from-the-point).
 */
export function areaOfPoint<T extends { geometry: Boundary }>(candidates: readonly T[], p: Point): T | null {
  return candidates.find((c) => boundaryHolds(c.geometry, p)) ?? null;
}

// RD New (EPSG:28992) as the Netherlands' own definition gives it, with the datum
// shift to WGS84 (accurate to about a metre, enough for a case's point).
const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
  '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const toRd = proj4('EPSG:4326', RD_NEW);

/** The RD New coordinates (metres, rounded to the centimetre) of a WGS84 point. */
export function rdOf(p: Point): { x: number; y: number } {
  const [x, y] = toRd.forward([p.lon, p.lat]) as [number, number];
  return { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
}

/** The WGS84 point of RD New coordinates. */
export function wgs84Of(rd: { x: number; y: number }): Point {
  const [lon, lat] = toRd.inverse([rd.x, rd.y]) as [number, number];
  return { lon, lat };
}

/** A WKT point as PDOK's Locatieserver writes it: `POINT(5.1 52.1)`; null when it is not one. */
export function parseWktPoint(wkt: unknown): [number, number] | null {
  if (typeof wkt !== 'string') return null;
  const m = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(wkt);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** A BAG nummeraanduiding id: sixteen digits. */
export const ADDRESS_ID = /^\d{16}$/;

/** Where a case is, when it has a point: the address id (if an address) and the point in both systems. */
export interface Place {
  addressId: string | null;
  lon: number;
  lat: number;
  rdX: number;
  rdY: number;
}

/**
 * The place of a case from what the intake gives: a WGS84 point (from an address
 * suggestion or a point picked on the map) and, for an address, its BAG id. The RD
 * coordinates are computed here, so both systems always describe the same point.
 * A point outside the Netherlands is refused (docs/product.md#address-and-point-of-a-case).
 */
export function placeOf(input: { addressId?: string | null; lon: number; lat: number }): Place | FieldProblem {
  if (!inBox(input, NETHERLANDS)) return { field: 'place', key: 'error.pointOutsideNetherlands' };
  if (input.addressId && !ADDRESS_ID.test(input.addressId)) return { field: 'place.addressId', key: 'error.addressIdInvalid' };
  const rd = rdOf(input);
  return { addressId: input.addressId ?? null, lon: input.lon, lat: input.lat, rdX: rd.x, rdY: rd.y };
}

export const isProblem = (p: Place | FieldProblem): p is FieldProblem => 'key' in p;
