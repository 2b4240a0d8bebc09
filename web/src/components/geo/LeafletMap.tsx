// The map on Leaflet behind MapView, in a chunk of its own: loaded only on a page
// that shows a map (docs/geo.md).
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { api } from '../../api.js';
import { useLoad } from '../../hooks.js';
import type { MapProps } from './MapView.js';

/** The Netherlands, when there is nothing to fit the map to. */
const NL_CENTRE: L.LatLngTuple = [52.15, 5.39];
/** How far one arrow key moves the point, in screen pixels. */
const STEP_PX = 10;

let settings: ReturnType<typeof api.mapSettings> | null = null;
/** The installation's map settings, asked once per page load. */
const mapSettings = () => {
  settings ??= api.mapSettings().catch((e) => {
    settings = null;
    throw e;
  });
  return settings;
};

export default function LeafletMap({ label, describedBy, markers = [], areas = [], picked = null, onPick, small = false }: MapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const pickedRef = useRef(picked);
  pickedRef.current = picked;
  const s = useLoad(() => mapSettings(), []);

  // The map itself, once the settings are there.
  useEffect(() => {
    if (!box.current || !s.data) return;
    const m = L.map(box.current, { keyboard: false, scrollWheelZoom: false, attributionControl: true }).setView(NL_CENTRE, 7);
    m.attributionControl.setPrefix(false);
    if (s.data.tileUrl) L.tileLayer(s.data.tileUrl, { attribution: s.data.attribution, maxZoom: 19 }).addTo(m);
    layers.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pickRef.current?.({ lon: round(e.latlng.lng), lat: round(e.latlng.lat) }));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, [s.data]);

  // What is drawn: the areas, the markers, the picked point; the view fits them.
  const drawn = JSON.stringify([markers, areas.map((a) => a.id), picked]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when what is drawn changes (drawn)
  useEffect(() => {
    const m = map.current;
    const g = layers.current;
    if (!m || !g) return;
    g.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const a of areas) {
      const layer = L.geoJSON(a.geometry, { style: { color: '#0b4a8f', weight: 2, fillOpacity: 0.05 } }).bindTooltip(a.name);
      layer.addTo(g);
      bounds.extend(layer.getBounds());
    }
    for (const p of markers) {
      L.circleMarker([p.lat, p.lon], { radius: 7, color: '#fff', weight: 2, fillColor: '#b3001b', fillOpacity: 1 }).bindTooltip(p.label).addTo(g);
      bounds.extend([p.lat, p.lon]);
    }
    if (picked) {
      L.circleMarker([picked.lat, picked.lon], { radius: 9, color: '#fff', weight: 3, fillColor: '#0b4a8f', fillOpacity: 1 }).addTo(g);
      if (!m.getBounds().contains([picked.lat, picked.lon]) || m.getZoom() < 14) m.setView([picked.lat, picked.lon], Math.max(m.getZoom(), 16));
    } else if (bounds.isValid()) {
      m.fitBounds(bounds.pad(0.1), { maxZoom: 16 });
    }
  }, [drawn, s.data]);

  function onKeyDown(e: React.KeyboardEvent) {
    const m = map.current;
    const pick = pickRef.current;
    if (!m || !pick) return;
    const current = pickedRef.current;
    if ((e.key === 'Enter' || e.key === ' ') && !current) {
      e.preventDefault();
      const c = m.getCenter();
      pick({ lon: round(c.lng), lat: round(c.lat) });
      return;
    }
    const d = { ArrowUp: [0, -STEP_PX], ArrowDown: [0, STEP_PX], ArrowLeft: [-STEP_PX, 0], ArrowRight: [STEP_PX, 0] }[e.key];
    if (!d) return;
    e.preventDefault();
    if (!current) return;
    const at = m.latLngToContainerPoint([current.lat, current.lon]).add(L.point(d[0] as number, d[1] as number));
    const ll = m.containerPointToLatLng(at);
    pick({ lon: round(ll.lng), lat: round(ll.lat) });
  }

  const className = small ? 'regie-map regie-map--small' : 'regie-map';
  return onPick ? (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the picking map takes Enter and the arrow keys, so it is in the tab order
    <div ref={box} className={className} role="application" aria-label={label} aria-describedby={describedBy} tabIndex={0} onKeyDown={onKeyDown} />
  ) : (
    <section ref={box} className={className} aria-label={label} aria-describedby={describedBy} />
  );
}

/** Six decimals: about ten centimetres, more than a point on a map means. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
