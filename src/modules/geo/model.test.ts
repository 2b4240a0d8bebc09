import { describe, expect, it } from 'vitest';
import { areaOfPoint, type Boundary, boundaryHolds, boundaryProblems, boxOf, MAX_BOUNDARY_POSITIONS, parseWktPoint, placeOf, rdOf, wgs84Of } from './model.js';

const ring = (lon: number, lat: number, d: number): [number, number][] => [
  [lon - d, lat - d],
  [lon + d, lat - d],
  [lon + d, lat + d],
  [lon - d, lat + d],
  [lon - d, lat - d],
];
// A square around Amersfoort's centre with a hole in its middle.
const withHole: Boundary = { type: 'Polygon', coordinates: [ring(5.39, 52.15, 0.02), ring(5.39, 52.15, 0.005)] };
// Two squares: Amersfoort and Utrecht.
const two: Boundary = { type: 'MultiPolygon', coordinates: [[ring(5.39, 52.15, 0.02)], [ring(5.12, 52.09, 0.02)]] };

describe('boundaryHolds (point in polygon)', () => {
  it.each([
    ['inside the outer ring', withHole, 5.375, 52.14, true],
    ['outside the outer ring', withHole, 5.45, 52.15, false],
    ['in the hole', withHole, 5.39, 52.15, false],
    ['on the outer edge', withHole, 5.37, 52.15, true],
    ['in the first polygon of a MultiPolygon', two, 5.38, 52.15, true],
    ['in the second polygon of a MultiPolygon', two, 5.12, 52.09, true],
    ['between the polygons of a MultiPolygon', two, 5.25, 52.12, false],
  ] as const)('%s', (_what, g, lon, lat, expected) => {
    expect(boundaryHolds(g, { lon, lat })).toBe(expected);
  });
});

describe('areaOfPoint', () => {
  const areas = [
    { areaId: 'noord', geometry: { type: 'Polygon', coordinates: [ring(5.39, 52.2, 0.02)] } as Boundary },
    { areaId: 'centrum', geometry: withHole },
    { areaId: 'ook-centrum', geometry: { type: 'Polygon', coordinates: [ring(5.39, 52.15, 0.03)] } as Boundary },
  ];
  it('finds the first area in the given order whose boundary holds the point', () => {
    expect(areaOfPoint(areas, { lon: 5.375, lat: 52.14 })?.areaId).toBe('centrum');
    expect(areaOfPoint(areas, { lon: 5.39, lat: 52.2 })?.areaId).toBe('noord');
  });
  it('skips a boundary whose hole holds the point', () => {
    expect(areaOfPoint(areas, { lon: 5.39, lat: 52.15 })?.areaId).toBe('ook-centrum');
  });
  it('is null when no boundary holds the point', () => {
    expect(areaOfPoint(areas, { lon: 6.5, lat: 53.2 })).toBeNull();
  });
});

describe('boundaryProblems (GeoJSON validation)', () => {
  const open = ring(5.39, 52.15, 0.02).slice(0, 4);
  const many = Array.from({ length: MAX_BOUNDARY_POSITIONS }, (_, i) => [5 + i / 1e6, 52] as [number, number]);
  it.each([
    ['a valid Polygon', { type: 'Polygon', coordinates: [ring(5.39, 52.15, 0.02)] }, []],
    ['a valid Polygon with a hole', withHole, []],
    ['a valid MultiPolygon', two, []],
    ['a Point', { type: 'Point', coordinates: [5.39, 52.15] }, [['geometry.type', 'error.boundaryType']]],
    ['a LineString', { type: 'LineString', coordinates: ring(5.39, 52.15, 0.02) }, [['geometry.type', 'error.boundaryType']]],
    ['no rings', { type: 'Polygon', coordinates: [] }, [['geometry.coordinates', 'error.boundaryEmpty']]],
    ['a ring not closed', { type: 'Polygon', coordinates: [[...open, [5.4, 52.16]]] }, [['geometry.coordinates.0', 'error.boundaryRingNotClosed']]],
    ['a ring of three positions', { type: 'Polygon', coordinates: [open.slice(0, 3)] }, [['geometry.coordinates.0', 'error.boundaryRingTooShort']]],
    [
      'swapped coordinates (latitude first)',
      { type: 'Polygon', coordinates: [ring(52.15, 5.39, 0.02)] },
      [['geometry.coordinates.0.0', 'error.boundaryOutsideNetherlands']],
    ],
    [
      'RD metres instead of degrees',
      { type: 'Polygon', coordinates: [ring(155000, 463000, 100)] },
      [['geometry.coordinates.0.0', 'error.boundaryOutsideNetherlands']],
    ],
    [
      'a hole not closed in the second polygon',
      { type: 'MultiPolygon', coordinates: [[ring(5.39, 52.15, 0.02)], [ring(5.12, 52.09, 0.02), open]] },
      [['geometry.coordinates.1.1', 'error.boundaryRingNotClosed']],
    ],
    ['an empty polygon in a MultiPolygon', { type: 'MultiPolygon', coordinates: [[]] }, [['geometry.coordinates.0', 'error.boundaryEmpty']]],
    ['too many positions', { type: 'Polygon', coordinates: [[...many, [5, 52]]] }, [['geometry.coordinates', 'error.boundaryTooLarge']]],
  ] as const)('%s', (_what, g, expected) => {
    expect(boundaryProblems(g as never).map((p) => [p.field, p.key])).toEqual(expected);
  });
  it('returns every problem at once', () => {
    const g = { type: 'MultiPolygon', coordinates: [[open], [ring(52.1, 5.1, 0.01)]] };
    expect(boundaryProblems(g as never).map((p) => p.key)).toEqual(['error.boundaryRingNotClosed', 'error.boundaryOutsideNetherlands']);
  });
});

describe('boxOf', () => {
  it('is the smallest box around every polygon', () => {
    const b = boxOf(two);
    expect([b.minLon, b.minLat, b.maxLon, b.maxLat].map((n) => Number(n.toFixed(6)))).toEqual([5.1, 52.07, 5.41, 52.17]);
  });
});

describe('RD New', () => {
  it('puts the Onze Lieve Vrouwetoren in Amersfoort (the origin of RD) at 155000, 463000', () => {
    const rd = rdOf({ lon: 5.38720621, lat: 52.1551744 });
    expect(Math.abs(rd.x - 155000)).toBeLessThan(2);
    expect(Math.abs(rd.y - 463000)).toBeLessThan(2);
  });
  it('puts the Dam in Amsterdam near 121400, 487400', () => {
    const rd = rdOf({ lon: 4.8932, lat: 52.3731 });
    expect(Math.abs(rd.x - 121400)).toBeLessThan(150);
    expect(Math.abs(rd.y - 487400)).toBeLessThan(150);
  });
  it('goes back to the same WGS84 point', () => {
    const p = wgs84Of(rdOf({ lon: 6.5665, lat: 53.2194 }));
    expect(p.lon).toBeCloseTo(6.5665, 6);
    expect(p.lat).toBeCloseTo(53.2194, 6);
  });
});

describe('parseWktPoint', () => {
  it.each([
    ['POINT(5.38720621 52.1551744)', [5.38720621, 52.1551744]],
    ['POINT(155000 463000)', [155000, 463000]],
    ['POINT (-1.5 2)', [-1.5, 2]],
    ['POLYGON((0 0,1 1))', null],
    ['POINT(5)', null],
    [42, null],
  ] as const)('%s', (wkt, expected) => {
    expect(parseWktPoint(wkt)).toEqual(expected);
  });
});

describe('placeOf', () => {
  it('computes the RD coordinates of the point and keeps the address id', () => {
    const p = placeOf({ addressId: '0307200000493821', lon: 5.38720621, lat: 52.1551744 });
    expect(p).toMatchObject({ addressId: '0307200000493821', lon: 5.38720621, lat: 52.1551744 });
    expect(Math.round((p as { rdX: number }).rdX)).toBeGreaterThan(154998);
  });
  it('refuses a point outside the Netherlands', () => {
    expect(placeOf({ lon: 2.35, lat: 48.85 })).toEqual({ field: 'place', key: 'error.pointOutsideNetherlands' });
  });
  it('takes a point without an address id (picked on the map)', () => {
    expect(placeOf({ lon: 5.1, lat: 52.09 })).toMatchObject({ addressId: null });
  });
});
