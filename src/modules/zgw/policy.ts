// Who may do what with the ZGW registration (docs/product.md#zgw-registration): only
// the admin of a municipality sees and keeps its settings, its task list and the
// choices of its Catalogi API; staff who may read a case's internal side see its zaak
// (docs/product.md#zgw-zaak-on-case; the case itself is asked of the cases module).
// Every query is scoped to the actor's municipality before the policy is asked.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const zgwPolicy = definePolicy({
  manage: (a: Actor) => a.role === 'admin',
  viewCaseZaak: (a: Actor) => a.role !== 'initiator' && a.role !== 'council',
});

export function authorizeZgw(a: Actor): void {
  zgwPolicy.authorize(a, null, 'manage');
}
