// Every case also a zaak: registration in the municipality's ZGW zaaksysteem through
// an outbox of the module's own, with statuses as the lifecycle moves
// (docs/product.md#zgw-registration, docs/zgw.md). The module's public face: what the
// composition root, the demo and other modules' tests may use.
import type { Queryable } from '../../platform/db/index.js';

export { unsafeRunDueZgwTasks, type ZgwDeliveryOptions } from './delivery.js';
export { startZgwWorker, type ZgwWorker } from './jobs.js';
export { zgwJwt } from './model.js';
export { zgwPolicy } from './policy.js';
export { zgwRoutes } from './routes.js';
export { getZgwSettings, listZgwTasks, retryZgwTask, updateZgwSettings } from './service.js';

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
