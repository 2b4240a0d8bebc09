// Who may do what with their own account (docs/product.md#staff-accounts): staff keep
// a password and a phone number; an initiator logs in by mailed link and has neither.
import type { Actor } from '../../platform/auth/index.js';
import { isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const accountPolicy = definePolicy({
  changePassword: (a: Actor) => isStaff(a),
  manageOwnAccount: (a: Actor) => isStaff(a),
});
