// Read access to a municipality's set-up, for other modules.
import { type Calendar, dutchCalendar } from '../../kernel/calendar.js';
import { notFound } from '../../kernel/errors.js';
import type { Queryable } from '../../platform/db/index.js';
import type { MunicipalityRow } from '../../platform/db/schema.js';

// Municipality rows change rarely (an admin's settings) and are read by nearly every
// request: keep them a few seconds per process. A change in this process is seen at
// once; another process (a second server on the same PostgreSQL) sees it within TTL.
const TTL_MS = 10_000;
const cache = new Map<string, { row: MunicipalityRow; until: number }>();

export async function getMunicipality(q: Queryable, id: string): Promise<MunicipalityRow> {
  const hit = cache.get(id);
  if (hit && hit.until > Date.now()) return hit.row;
  const m = await q.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('municipality');
  cache.set(id, { row: m, until: Date.now() + TTL_MS });
  return m;
}

export function forgetMunicipality(id: string): void {
  cache.delete(id);
}

/** The municipality's working-day calendar: Dutch public holidays plus its own closing days. */
export function calendarOf(m: Pick<MunicipalityRow, 'extra_holidays'>): Calendar {
  return dutchCalendar({ extraHolidays: m.extra_holidays });
}

/** One of the municipality's areas, or undefined (for modules that attach something to an area). */
export async function findArea(q: Queryable, municipalityId: string, id: string) {
  return q.selectFrom('areas').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}
