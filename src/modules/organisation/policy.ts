// Who may read and change a municipality's set-up: the admin manages it; every
// staff member reads departments, areas, themes and the list of colleagues (the plan
// editor needs departments, the coordinator needs directors).
import type { Actor } from '../../platform/auth/index.js';
import { isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const organisationPolicy = definePolicy({
  read: (a: Actor) => isStaff(a),
  manage: (a: Actor) => a.role === 'admin',
});
