// The negative suite's rows for comparing municipalities (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import type { Row } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { updateBenchmarkSettings } from './index.js';

export const rows: Row[] = [
  // The comparison of the caller's own municipality (docs/product.md#comparing-municipalities):
  // coordinators, admins, executives and council members; another municipality's
  // caller gets their own comparison, never this one's.
  {
    operation: 'GET /benchmark/comparison',
    allowed: ['coordinator', 'admin', 'executive', 'council'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/benchmark/comparison?from=2026-01&to=2026-02' }),
  },
  // Taking part, publishing, inhabitants and licence are the admin's settings.
  { operation: 'GET /benchmark/settings', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/benchmark/settings' }) },
  {
    operation: 'PATCH /benchmark/settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PATCH', url: '/benchmark/settings', body: { inhabitants: 12_000, openDataLicence: 'CC0-1.0' } }),
  },
  // The open data (docs/product.md#open-data) is public; the municipality publishes first.
  { operation: 'GET /public/municipalities', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/public/municipalities' }) },
  {
    operation: 'GET /public/municipalities/{slug}/figures',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      await updateBenchmarkSettings(ctxFor(w.deps, w.people[s].admin?.actor as Actor), { publishFigures: true });
      return { method: 'GET', url: `/public/municipalities/${w.munis[s].slug}/figures?from=2026-01&to=2026-02` };
    },
  },
  {
    operation: 'GET /public/municipalities/{slug}/figures.csv',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      await updateBenchmarkSettings(ctxFor(w.deps, w.people[s].admin?.actor as Actor), { publishFigures: true });
      return { method: 'GET', url: `/public/municipalities/${w.munis[s].slug}/figures.csv?from=2026-01&to=2026-02` };
    },
  },
];
