import type { Actor } from '../../platform/auth/index.js';
import { isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const organisationPolicy = definePolicy({
  read: (a: Actor) => isStaff(a),
  manage: (a: Actor) => a.role === 'admin',
});
