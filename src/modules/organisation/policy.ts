// Who may read and change a municipality's set-up: the admin manages it; every
// staff member reads departments, areas, themes and the list of colleagues (the plan
// editor needs departments, the coordinator needs directors).
import { forbidden } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import { isStaff } from '../../platform/auth/index.js';

export const organisationPolicy = {
  read: (a: Actor) => isStaff(a),
  manage: (a: Actor) => a.role === 'admin',
};

export function authorizeOrganisation(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
