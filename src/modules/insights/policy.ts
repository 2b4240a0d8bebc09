// Who may read management information (docs/product.md#management-information):
// coordinators, admins, executives and council members, always of their own
// municipality (the queries are scoped to it). Satisfaction per director only to
// coordinators and admins: it judges named staff.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const INSIGHTS_READERS: readonly Actor['role'][] = ['coordinator', 'admin', 'executive', 'council'];

export const insightsPolicy = definePolicy({
  read: (a: Actor) => INSIGHTS_READERS.includes(a.role),
  readPerDirector: (a: Actor) => a.role === 'coordinator' || a.role === 'admin',
});
