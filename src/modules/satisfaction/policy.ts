// Who may do what with the report mark (docs/product.md#the-report-mark). The survey
// itself is answered through its personal link, without an account; the staff side
// is the coordinator's follow-up of low marks and the admin's setting. Nobody else
// reads a single answer: the figures are counted over many.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const satisfactionPolicy = definePolicy({
  /** The coordinator follows up low marks (docs/product.md#a-low-mark-is-followed-up); the director of the case does not see the mark. */
  followUp: (a: Actor) => a.role === 'coordinator',
  /** The admin switches on the survey at plan agreement. */
  manageSettings: (a: Actor) => a.role === 'admin',
});
