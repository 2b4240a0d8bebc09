// Read access to a municipality's set-up, for other modules.
import { type Calendar, dutchCalendar } from '../../kernel/calendar.js';
import { notFound } from '../../kernel/errors.js';
import type { Queryable } from '../../platform/db/index.js';
import type { MunicipalityRow } from '../../platform/db/schema.js';

export async function getMunicipality(q: Queryable, id: string): Promise<MunicipalityRow> {
  const m = await q.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('municipality');
  return m;
}

/** The municipality's working-day calendar: Dutch public holidays plus its own closing days. */
export function calendarOf(m: Pick<MunicipalityRow, 'extra_holidays'>): Calendar {
  return dutchCalendar({ extraHolidays: m.extra_holidays });
}
