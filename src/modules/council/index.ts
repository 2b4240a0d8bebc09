// The council overview: one printable page per municipality for council members.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { type PlanTerm, planTerm, shareOnTime } from './model.js';
export { councilPolicy } from './policy.js';
export { councilRoutes } from './routes.js';
export { councilOverview } from './service.js';
