// Who may read the access log: the admin of the municipality, nobody else
// (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd). Nobody may change it.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const auditPolicy = definePolicy({
  /** The admin answers for the municipality's processing of personal data (AVG art. 5(2), accountability). */
  readAccessLog: (a: Actor) => a.role === 'admin',
  /** Whoever reads the log may reveal a sealed BSN for it, always logged with a reason (docs/product.md#revealing-a-bsn-for-the-audit). */
  revealIdentityNumber: (a: Actor) => a.role === 'admin',
});
