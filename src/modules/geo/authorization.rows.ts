// The negative suite's rows for places (see src/testing/authorization.int.test.ts).
// The address endpoints are public, like the intake they serve; they ask a local fake
// of PDOK's Locatieserver, never the internet.
import type { Actor } from '../../platform/auth/index.js';
import type { Row, World } from '../../testing/authorization.js';
import { staff } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { FAKE_ADDRESSES, sharedFakeLocatieserver } from '../../testing/locatieserver.js';
import { setAreaBoundary } from './service.js';

/** A square around the centre of Amersfoort. */
export const square = (lon = 5.3872, lat = 52.1552, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ] as [number, number][],
  ],
});

const withFake = async (w: World) => {
  w.deps.config.addressSearchUrl = (await sharedFakeLocatieserver()).url;
};

export const rows: Row[] = [
  { operation: 'GET /map', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/map' }) },
  {
    operation: 'GET /addresses/suggest',
    allowed: 'public',
    scope: 'collection',
    request: async (w) => {
      await withFake(w);
      return { method: 'GET', url: '/addresses/suggest?q=Stadhuisplein' };
    },
  },
  {
    operation: 'GET /addresses/lookup',
    allowed: 'public',
    scope: 'collection',
    request: async (w) => {
      await withFake(w);
      return { method: 'GET', url: `/addresses/lookup?id=${FAKE_ADDRESSES[0]?.id}` };
    },
  },
  { operation: 'GET /area-boundaries', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/area-boundaries' }) },
  {
    operation: 'PUT /areas/{id}/boundary',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'PUT', url: `/areas/${w.munis[s].areaIds[0]}/boundary`, body: { geometry: square() } }),
  },
  {
    operation: 'DELETE /areas/{id}/boundary',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => {
      const areaId = w.munis[s].areaIds[1] as string;
      await setAreaBoundary(ctxFor(w.deps, w.people[s].admin?.actor as Actor), { areaId, geometry: square() });
      return { method: 'DELETE', url: `/areas/${areaId}/boundary` };
    },
  },
];
