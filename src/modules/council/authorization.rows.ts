// The negative suite's rows for the council overview (see src/testing/authorization.int.test.ts).
import type { Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  // The overview of the caller's own municipality: council members, executives and the
  // admin read it (docs/product.md#the-council-overview); directors, coordinators,
  // specialists and initiators are refused, and another municipality's council member
  // sees only their own figures.
  {
    operation: 'GET /council/overview',
    allowed: ['council', 'executive', 'admin'],
    scope: 'collection',
    request: async (w, side) => {
      await w.fresh(side);
      return { method: 'GET', url: '/council/overview' };
    },
  },
];
