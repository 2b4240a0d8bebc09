// A case's plan: its versions, agreement and progress on its actions.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { planRoutes } from './routes.js';
export { agreePlan, getPlan, loadVersions, type PlanActionInput, savePlan, setActionStatus } from './service.js';
