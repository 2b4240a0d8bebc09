// Notifications to other systems: webhook subscriptions per municipality, NL GOV
// CloudEvents signed following Standard Webhooks, delivered through an outbox with
// retries, a delivery log and a dead letter (docs/product.md#webhooks); or, per
// subscription, notificaties on the kanaal `zaken` of a ZGW Notificaties API through
// the same outbox (docs/product.md#zgw-notificaties).
// The module's public face: what the composition root, the demo, the benchmarks and
// other modules' tests may use. Everything else is internal.
export { type DeliveryOptions, unsafeDeliverDueWebhooks } from './delivery.js';
export { startWebhookWorker, type WebhookWorker } from './jobs.js';
export { buildCloudEvent, cloudEventSource, cloudEventType, EVENT_NAMES, nameOf, PUBLISHED } from './model.js';
export { webhookPolicy } from './policy.js';
export { webhookRoutes } from './routes.js';
export {
  createSubscription,
  getWebhookSettings,
  listDeliveries,
  listSubscriptions,
  retryDelivery,
  rotateSecret,
  sendTestEvent,
  updateSubscription,
  updateWebhookSettings,
} from './service.js';
