// What the ZGW registration knows of a case's zaak, for other modules to read through
// index.ts (docs/zgw.md): the webhooks' ZGW notificaties point at the zaak once it is
// registered (docs/integrations.md#zgw-notificaties-api).
import type { Queryable } from '../../platform/db/index.js';

/** What another system is told about a case's zaak (docs/integrations.md#zgw-notificaties-api). */
export interface ZaakFacts {
  /** the zaak in the zaaksysteem; null until the case is registered */
  zaakUrl: string | null;
  /** the municipality's RSIN, when ZGW is configured */
  bronorganisatie: string | null;
  /** the zaaktype cases are registered under, when ZGW is configured */
  zaaktype: string | null;
}

/**
 * The zaak facts of these cases, for every municipality at once (the webhooks'
 * delivery worker reads them outside a tenant's transaction). A case without a zaak
 * or a municipality without ZGW settings gets nulls.
 */
export async function unsafeZaakFactsOf(db: Queryable, caseIds: readonly string[]): Promise<Map<string, ZaakFacts>> {
  const out = new Map<string, ZaakFacts>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('cases as c')
    .leftJoin('zgw_zaken as z', 'z.case_id', 'c.id')
    .leftJoin('zgw_settings as s', 's.municipality_id', 'c.municipality_id')
    .select(['c.id', 'z.zaak_url', 's.rsin', 's.zaaktype_url'])
    .where('c.id', 'in', [...caseIds])
    .execute();
  for (const r of rows) out.set(r.id, { zaakUrl: r.zaak_url ?? null, bronorganisatie: r.rsin || null, zaaktype: r.zaaktype_url || null });
  return out;
}
