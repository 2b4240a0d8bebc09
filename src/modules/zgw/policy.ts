// Who may do what with the ZGW registration (docs/product.md#zgw-registration): only
// the admin of a municipality sees and keeps its settings and its task list. Every
// query is scoped to the actor's municipality before the policy is asked.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const zgwPolicy = definePolicy({
  manage: (a: Actor) => a.role === 'admin',
});

export function authorizeZgw(a: Actor): void {
  zgwPolicy.authorize(a, null, 'manage');
}
