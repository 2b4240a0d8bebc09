// The negative suite's rows for sharing agreements (see src/testing/authorization.int.test.ts).
// Each agreement is with a fresh municipality, so the other municipality of the suite
// is in none of them.
import type { Actor } from '../../platform/auth/index.js';
import type { Row, World } from '../../testing/authorization.js';
import { actorOf, buildMunicipality } from '../../testing/factories.js';
import { buildAgreement } from './testing.js';

/** A fresh neighbour with its admin. */
async function neighbour(w: World) {
  const m = await buildMunicipality(w.deps.db);
  return { m, admin: await actorOf('admin', { municipality: m }) };
}

/** An agreement under which `side` provides its department 0 to a fresh neighbour. */
async function providing(w: World, side: 'A' | 'B', approved = true) {
  const n = await neighbour(w);
  return buildAgreement(
    w.deps,
    { provider: w.munis[side], providerAdmin: w.people[side].admin?.actor as Actor, receiver: n.m, receiverAdmin: n.admin },
    { approved },
  );
}

/** An agreement under which a fresh neighbour provides its department 0 to `side`. */
export async function receiving(w: World, side: 'A' | 'B') {
  const n = await neighbour(w);
  const specialist = await actorOf('specialist', { municipality: n.m });
  const a = await buildAgreement(w.deps, {
    provider: n.m,
    providerAdmin: n.admin,
    receiver: w.munis[side],
    receiverAdmin: w.people[side].admin?.actor as Actor,
  });
  return { agreement: a, provider: n.m, specialist };
}

export const rows: Row[] = [
  // The admins keep the agreements their municipality is in; another municipality's are not found.
  {
    operation: 'GET /sharing-agreements',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, s) => {
      await providing(w, s);
      return { method: 'GET', url: '/sharing-agreements' };
    },
  },
  {
    operation: 'POST /sharing-agreements',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, s) => {
      const n = await neighbour(w);
      return {
        method: 'POST',
        url: '/sharing-agreements',
        body: {
          receiverMunicipality: n.m.slug,
          what: 'Toetsing door de Omgevingsdienst',
          departmentIds: [w.munis[s].departmentIds[0]],
          validFrom: '2026-01-01',
        },
      };
    },
  },
  // The proposer chooses the theme scope from the receiving municipality's themes (docs/product.md#themes-in-a-sharing-agreement).
  {
    operation: 'GET /shared-themes',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w) => ({ method: 'GET', url: `/shared-themes?municipality=${(await neighbour(w)).m.slug}` }),
  },
  {
    operation: 'GET /sharing-agreements/{id}',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/sharing-agreements/${(await providing(w, s)).id}` }),
  },
  {
    operation: 'POST /sharing-agreements/{id}/approval',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'POST', url: `/sharing-agreements/${(await providing(w, s, false)).id}/approval` }),
  },
  {
    operation: 'POST /sharing-agreements/{id}/end',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'POST', url: `/sharing-agreements/${(await providing(w, s)).id}/end`, body: { reason: 'Niet meer nodig' } }),
  },
  // The director's party picker: departments of other municipalities under agreements in force.
  {
    operation: 'GET /shared-departments',
    allowed: ['director', 'coordinator', 'otherDirector'],
    scope: 'collection',
    request: async (w, s) => {
      await receiving(w, s);
      return { method: 'GET', url: '/shared-departments' };
    },
  },
];
