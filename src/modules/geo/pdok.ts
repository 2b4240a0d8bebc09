// PDOK's Locatieserver (docs/geo.md): address suggestions and the lookup of one
// suggestion's point and BAG ids. Regie calls it on behalf of the browser, so the
// browser never talks to PDOK itself. Its documented answer: `response.docs[]` with
// `id`, `weergavenaam`, `type`; a lookup adds `centroide_ll` ("POINT(lon lat)"),
// `centroide_rd` ("POINT(x y)"), `nummeraanduiding_id`, `adresseerbaarobject_id`.
import { AppError } from '../../kernel/errors.js';
import { parseWktPoint } from './model.js';

/** The suggestion types Regie offers: addresses, and streets for places without a number. */
export const SUGGEST_TYPES = ['adres', 'weg'] as const;

export interface Suggestion {
  id: string;
  label: string;
  type: string;
}

export interface LookedUp extends Suggestion {
  /** the BAG nummeraanduiding id; null for a street */
  addressId: string | null;
  lon: number;
  lat: number;
  rdX: number;
  rdY: number;
}

export interface LocatieserverOptions {
  /** base URL, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1 */
  url: string;
  timeoutMs: number;
}

/** PDOK cannot be reached, answered with an error or with something else than its documented answer. */
export const addressServiceUnavailable = () => new AppError(503, 'address-service-unavailable', 'error.addressServiceUnavailable');
/** Address suggestions are switched off in this installation. */
export const addressServiceOff = () => new AppError(404, 'address-service-off', 'error.addressServiceOff');

async function get(o: LocatieserverOptions, path: string, params: Record<string, string>): Promise<unknown[]> {
  const url = new URL(`${o.url.replace(/\/$/, '')}/${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  let body: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw addressServiceUnavailable();
    body = await res.json();
  } catch {
    throw addressServiceUnavailable();
  }
  const docs = (body as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) throw addressServiceUnavailable();
  return docs;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Suggestions for what someone has typed so far: at most `rows`, in PDOK's order. */
export async function suggest(o: LocatieserverOptions, q: string, rows = 8): Promise<Suggestion[]> {
  const docs = await get(o, 'suggest', { q, rows: String(rows), fq: `type:(${SUGGEST_TYPES.join(' OR ')})` });
  return docs.flatMap((d) => {
    const r = d as Record<string, unknown>;
    const id = str(r.id);
    const label = str(r.weergavenaam);
    const type = str(r.type);
    return id && label && type ? [{ id, label, type }] : [];
  });
}

/** One suggestion's point and ids; null when PDOK does not know the id (any more). */
export async function lookup(o: LocatieserverOptions, id: string): Promise<LookedUp | null> {
  const docs = await get(o, 'lookup', {
    id,
    fl: 'id,weergavenaam,type,centroide_ll,centroide_rd,nummeraanduiding_id,adresseerbaarobject_id',
  });
  const r = docs[0] as Record<string, unknown> | undefined;
  if (!r) return null;
  const ll = parseWktPoint(r.centroide_ll);
  const rd = parseWktPoint(r.centroide_rd);
  const label = str(r.weergavenaam);
  if (!ll || !rd || !label) throw addressServiceUnavailable();
  const addressId = str(r.nummeraanduiding_id);
  return {
    id: str(r.id) ?? id,
    label,
    type: str(r.type) ?? 'adres',
    addressId: addressId && /^\d{16}$/.test(addressId) ? addressId : null,
    lon: ll[0],
    lat: ll[1],
    rdX: rd[0],
    rdY: rd[1],
  };
}
