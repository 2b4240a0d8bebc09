// The few look-ups the dossier needs besides the other modules' read functions: names
// of people, the area and themes of a case, its suspensions. Every query is scoped
// by municipality; row-level security is the second wall.
import type { Tx } from '../../platform/db/index.js';

export async function userNames(
  trx: Tx,
  municipalityId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, { name: string; company: string | null }>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'name', 'company'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, company: r.company }]));
}

export async function caseSetting(trx: Tx, municipalityId: string, caseId: string, areaId: string | null) {
  const [area, themes, suspensions] = await Promise.all([
    areaId ? trx.selectFrom('areas').select('name').where('municipality_id', '=', municipalityId).where('id', '=', areaId).executeTakeFirst() : undefined,
    trx
      .selectFrom('case_themes as ct')
      .innerJoin('themes as t', 't.id', 'ct.theme_id')
      .select('t.name')
      .where('ct.municipality_id', '=', municipalityId)
      .where('ct.case_id', '=', caseId)
      .orderBy('t.name')
      .execute(),
    trx
      .selectFrom('suspensions')
      .select(['started_on', 'ended_on', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('case_id', '=', caseId)
      .orderBy('started_on')
      .execute(),
  ]);
  return { area: area?.name ?? null, themes: themes.map((t) => t.name), suspensions };
}
