// The demo's places (docs/geo.md): simple boundaries for the demo areas — a grid of
// rectangles, the first area of Voorbeeld around Amersfoort's centre — so the maps
// have something to show, and a point for each demo case in its area. The demo calls
// no outside service: address suggestions are off unless configured (src/cli.ts).

import { type Boundary, setAreaBoundary } from '../modules/geo/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Deps } from '../platform/context.js';

const CELL = { lon: 0.04, lat: 0.025 };
const COLUMNS = 3;
/** The south-west corner of each demo municipality's grid. */
const ORIGIN: Record<string, { lon: number; lat: number }> = {
  voorbeeld: { lon: 5.37, lat: 52.145 },
  naburg: { lon: 5.55, lat: 52.145 },
};

const cornerOf = (slug: string, index: number) => {
  const o = ORIGIN[slug] ?? { lon: 5.37, lat: 52.2 };
  return { lon: o.lon + (index % COLUMNS) * CELL.lon, lat: o.lat + Math.floor(index / COLUMNS) * CELL.lat };
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function demoBoundary(slug: string, index: number): Boundary {
  const c = cornerOf(slug, index);
  const [w, s, e, n] = [c.lon, c.lat, c.lon + CELL.lon, c.lat + CELL.lat].map(round) as [number, number, number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** The admin draws every area's rectangle, through the same use-case as an upload. */
export async function seedBoundaries(deps: Deps, admin: Actor, slug: string, areas: Map<string, string>): Promise<void> {
  let index = 0;
  for (const areaId of areas.values()) await setAreaBoundary({ ...deps, actor: admin }, { areaId, geometry: demoBoundary(slug, index++) });
}

/** A point inside the area's rectangle, spread by the case's number so the markers do not overlap. */
export function demoPoint(slug: string, areas: Map<string, string>, areaId: string, n: number): { lon: number; lat: number } {
  const index = [...areas.values()].indexOf(areaId);
  const c = cornerOf(slug, Math.max(index, 0));
  return { lon: round(c.lon + CELL.lon * (0.2 + ((n * 0.37) % 0.6))), lat: round(c.lat + CELL.lat * (0.2 + ((n * 0.53) % 0.6))) };
}
