// Who may do what with the mandate register: pure functions of the actor. A mandate
// of another municipality is never found (404); the queries are scoped first.
import { type Actor, isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const mandatePolicy = definePolicy({
  /** All staff read the register: it says who may overrule, commit and confirm. */
  read: (a: Actor) => isStaff(a),
  /** The admin keeps it (docs/product.md#who-uses-it: beheerder, "rules register, mandates"). */
  manage: (a: Actor) => a.role === 'admin',
});

export type MandateAbility = 'update' | 'endValidity';

export function mandateAbilities(a: Actor): Record<MandateAbility, boolean> {
  const manage = mandatePolicy.manage(a);
  return { update: manage, endValidity: manage };
}

export function authorizeMandates(a: Actor, what: 'read' | 'manage'): void {
  mandatePolicy.authorize(a, null, what);
}
