// The negative suite's rows for the ZGW registration (see
// src/testing/authorization.int.test.ts): only the admin of the municipality
// (docs/product.md#zgw-registration).
import type { Actor } from '../../platform/auth/index.js';
import type { Row, World } from '../../testing/authorization.js';
import { buildCase, ctxFor } from '../../testing/factories.js';
import { updateZgwSettings } from './service.js';

/** A failed task of municipality `side`, to try again. */
async function failedTask(w: World, side: 'A' | 'B') {
  const m = w.munis[side];
  const ctx = ctxFor(w.deps, w.people[side].admin?.actor as Actor);
  await updateZgwSettings(ctx, {
    enabled: true,
    zakenUrl: 'https://openzaak.example/zaken/api/v1',
    zaaktypeUrl: 'https://openzaak.example/catalogi/api/v1/zaaktypen/1',
    rsin: '002564440',
    clientId: 'regie',
    clientSecret: 'een-lang-genoeg-geheim',
  });
  const c = await buildCase({ municipality: m, deps: w.deps });
  const t = await w.deps.db.unsafeAdmin.selectFrom('zgw_tasks').select('id').where('case_id', '=', c.id).executeTakeFirstOrThrow();
  await w.deps.db.unsafeAdmin.updateTable('zgw_tasks').set({ status: 'failed' }).where('id', '=', t.id).execute();
  return t.id;
}

export const rows: Row[] = [
  { operation: 'GET /zgw/settings', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/zgw/settings' }) },
  {
    operation: 'PUT /zgw/settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PUT', url: '/zgw/settings', body: { rsin: '002564440' } }),
  },
  { operation: 'GET /zgw/tasks', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/zgw/tasks' }) },
  {
    operation: 'POST /zgw/tasks/{id}/retry',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, side) => ({ method: 'POST', url: `/zgw/tasks/${await failedTask(w, side)}/retry` }),
  },
];
