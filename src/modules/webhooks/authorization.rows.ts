// The negative suite's rows for webhooks (see src/testing/authorization.int.test.ts):
// only the admin of the municipality (docs/product.md#webhooks).
import type { Actor } from '../../platform/auth/index.js';
import type { Req, Row, World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { createSubscription, listSubscriptions, updateWebhookSettings } from './service.js';

export const TEST_OIN = '00000001234567890000';

/** The admin's context of municipality `side`, with its OIN filled in. */
async function adminOf(w: World, side: 'A' | 'B') {
  const ctx = ctxFor(w.deps, w.people[side].admin?.actor as Actor);
  await updateWebhookSettings(ctx, { oin: TEST_OIN });
  return ctx;
}

/**
 * A subscription of municipality `side`: the one it has (a municipality has only so
 * many), or a fresh one when the request deletes it.
 */
const onWebhook =
  (method: Req['method'], tail: string, body?: Record<string, unknown>, prepare?: (w: World, id: string) => Promise<string>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const ctx = await adminOf(w, side);
    const existing = method === 'DELETE' ? undefined : (await listSubscriptions(ctx)).find((s) => s.active);
    const id = existing?.id ?? (await createSubscription(ctx, { url: 'https://ontvanger.example/regie' })).subscription.id;
    const url = prepare ? await prepare(w, id) : `/webhooks/${id}${tail}`;
    return { method, url, body };
  };

/** A delivery of the subscription in the dead letter, to try again. */
const deadDelivery = async (w: World, subscriptionId: string) => {
  const sub = await w.deps.db.unsafeAdmin
    .selectFrom('webhook_subscriptions')
    .select('municipality_id')
    .where('id', '=', subscriptionId)
    .executeTakeFirstOrThrow();
  const d = await w.deps.db.unsafeAdmin
    .insertInto('webhook_deliveries')
    .values({ municipality_id: sub.municipality_id, subscription_id: subscriptionId, kind: 'webhook.test', status: 'dead', attempts: 8 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/webhooks/${subscriptionId}/deliveries/${d.id}/retry`;
};

export const rows: Row[] = [
  { operation: 'GET /webhooks/settings', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/webhooks/settings' }) },
  {
    operation: 'PUT /webhooks/settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PUT', url: '/webhooks/settings', body: { oin: TEST_OIN } }),
  },
  { operation: 'GET /webhooks', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/webhooks' }) },
  {
    operation: 'POST /webhooks',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, side) => {
      await adminOf(w, side);
      return { method: 'POST', url: '/webhooks', body: { url: 'https://ontvanger.example/regie', description: 'Zaaksysteem' } };
    },
  },
  { operation: 'GET /webhooks/{id}', allowed: ['admin'], scope: 'resource', request: onWebhook('GET', '') },
  { operation: 'PATCH /webhooks/{id}', allowed: ['admin'], scope: 'resource', request: onWebhook('PATCH', '', { description: 'Gewijzigd' }) },
  { operation: 'DELETE /webhooks/{id}', allowed: ['admin'], scope: 'resource', request: onWebhook('DELETE', '') },
  { operation: 'POST /webhooks/{id}/secret', allowed: ['admin'], scope: 'resource', request: onWebhook('POST', '/secret') },
  { operation: 'POST /webhooks/{id}/test', allowed: ['admin'], scope: 'resource', request: onWebhook('POST', '/test') },
  { operation: 'GET /webhooks/{id}/deliveries', allowed: ['admin'], scope: 'resource', request: onWebhook('GET', '/deliveries') },
  {
    operation: 'POST /webhooks/{id}/deliveries/{deliveryId}/retry',
    allowed: ['admin'],
    scope: 'resource',
    request: onWebhook('POST', '', undefined, deadDelivery),
  },
];
