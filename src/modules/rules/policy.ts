// Who may do what with the rules register: pure functions of the actor. The
// register is the municipality's, so a rule of another municipality is never found
// (404) rather than refused; the queries are scoped before the policy is asked.
import { type Actor, isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const rulePolicy = definePolicy({
  /** All staff read the register: directors and specialists must see what they may cite. */
  read: (a: Actor) => isStaff(a),
  /** The admin keeps the register (docs/product.md#who-uses-it: beheerder, "rules register"). */
  manage: (a: Actor) => a.role === 'admin',
});

export type RuleAbility = 'update' | 'endValidity';

/** Sent with every rule so the web app shows only what the user may do. */
export function ruleAbilities(a: Actor): Record<RuleAbility, boolean> {
  const manage = rulePolicy.manage(a);
  return { update: manage, endValidity: manage };
}

export function authorizeRules(a: Actor, what: 'read' | 'manage'): void {
  rulePolicy.authorize(a, null, what);
}
