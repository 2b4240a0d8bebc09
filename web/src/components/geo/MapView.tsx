// A map with the installation's tiles and attribution (docs/geo.md). The map is an
// addition: every page that shows one has a text or table equivalent, and picking a
// point works with the keyboard too (Enter puts a point in the middle, the arrow keys
// move it; the parent announces the position). Leaflet comes in its own chunk, loaded
// when a map is first shown.
import './geo.css';
import type { MultiPolygon, Polygon } from 'geojson';
import { lazy, Suspense } from 'react';

export interface LonLat {
  lon: number;
  lat: number;
}
export interface MapMarker extends LonLat {
  id: string;
  label: string;
}
export interface MapArea {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}
export interface MapProps {
  label: string;
  describedBy?: string;
  markers?: MapMarker[];
  areas?: MapArea[];
  picked?: LonLat | null;
  /** set: the map picks a point (click, tap, Enter, arrow keys) */
  onPick?(p: LonLat): void;
  small?: boolean;
}

const LeafletMap = lazy(() => import('./LeafletMap.js'));

export function MapView(p: MapProps) {
  return (
    <Suspense fallback={<div className={p.small ? 'regie-map regie-map--small' : 'regie-map'} />}>
      <LeafletMap {...p} />
    </Suspense>
  );
}
