// Who may do what with places: staff read the areas' boundaries (the map), the admin
// sets them (docs/product.md#area-boundaries). Address suggestions are public, like
// the intake they serve.
import type { Actor } from '../../platform/auth/index.js';
import { isStaff } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const geoPolicy = definePolicy({
  readBoundaries: (a: Actor) => isStaff(a),
  manageBoundaries: (a: Actor) => a.role === 'admin',
});
