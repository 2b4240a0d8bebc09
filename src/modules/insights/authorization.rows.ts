// The negative suite's rows for management information (see src/testing/authorization.int.test.ts).
import type { Row } from '../../testing/authorization.js';

// Coordinators, admins, executives and council members read their own municipality's
// figures (docs/product.md#management-information); directors, specialists and
// initiators are refused, and another municipality's reader sees only their own.
const readers: Row['allowed'] = ['coordinator', 'admin', 'executive', 'council'];

export const rows: Row[] = [
  {
    operation: 'GET /insights',
    allowed: readers,
    scope: 'collection',
    request: async (w, side) => {
      await w.fresh(side);
      return { method: 'GET', url: '/insights' };
    },
  },
  {
    operation: 'GET /insights/{section}/export',
    allowed: readers,
    scope: 'collection',
    request: async (w, side) => {
      await w.fresh(side);
      return { method: 'GET', url: '/insights/workload/export' };
    },
  },
];
