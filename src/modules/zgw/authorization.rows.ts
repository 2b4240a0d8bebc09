// The negative suite's rows for the ZGW registration (see
// src/testing/authorization.int.test.ts): only the admin of the municipality
// (docs/product.md#zgw-registration), and the zaak of a case for staff who read the
// case (docs/product.md#zgw-zaak-on-case).
import type { Actor } from '../../platform/auth/index.js';
import { caseReaders, onCase, type Row, type World } from '../../testing/authorization.js';
import { buildCase, ctxFor } from '../../testing/factories.js';
import { type FakeZgw, startFakeZgw } from '../../testing/fake-zgw.js';
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

const SECRET = 'een-lang-genoeg-geheim';
let fake: Promise<FakeZgw> | undefined;

/** Municipality `side` reads its choices from a Catalogi API that answers. */
async function withCatalogi(w: World, side: 'A' | 'B') {
  fake ??= startFakeZgw({ clientId: 'regie', secret: SECRET, unref: true }).then((f) => {
    f.addZaaktype({ identificatie: 'ZT-1', omschrijving: 'Initiatief', statustypen: ['Ontvangen', 'Afgerond'] });
    f.addInformatieobjecttype('Bijlage');
    return f;
  });
  const f = await fake;
  await updateZgwSettings(ctxFor(w.deps, w.people[side].admin?.actor as Actor), { catalogiUrl: f.catalogiUrl, clientId: 'regie', clientSecret: SECRET });
}

export const rows: Row[] = [
  {
    operation: 'GET /zgw/zaaktypen',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, side) => {
      await withCatalogi(w, side);
      return { method: 'GET', url: '/zgw/zaaktypen' };
    },
  },
  {
    operation: 'GET /zgw/informatieobjecttypen',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, side) => {
      await withCatalogi(w, side);
      return { method: 'GET', url: '/zgw/informatieobjecttypen' };
    },
  },
  { operation: 'GET /cases/{id}/zgw', allowed: caseReaders, scope: 'resource', request: onCase('GET', '/zgw') },
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
