// Every case also a zaak: registration in the municipality's ZGW zaaksysteem through
// an outbox of the module's own, with statuses as the lifecycle moves
// (docs/product.md#zgw-registration, docs/zgw.md). The module's public face: what the
// composition root, the demo and other modules' tests may use.
export { unsafeRunDueZgwTasks, type ZgwDeliveryOptions } from './delivery.js';
export { startZgwWorker, type ZgwWorker } from './jobs.js';
export { zgwJwt } from './model.js';
export { zgwPolicy } from './policy.js';
export { zgwRoutes } from './routes.js';
export {
  type CaseZaakView,
  caseZaak,
  getZgwSettings,
  listInformatieobjecttypen,
  listZaaktypen,
  listZgwTasks,
  retryZgwTask,
  updateZgwSettings,
} from './service.js';
export { unsafeZaakFactsOf, type ZaakFacts } from './zaak-facts.js';
