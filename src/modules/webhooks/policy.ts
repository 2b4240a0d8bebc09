// Who may do what with webhooks (docs/product.md#webhooks): only the admin of a
// municipality sees and keeps its subscriptions, their secrets and delivery log.
// Subscriptions of another municipality are never found (404): every query is scoped
// to the actor's municipality before the policy is asked.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export const webhookPolicy = definePolicy({
  manage: (a: Actor) => a.role === 'admin',
});

export function authorizeWebhooks(a: Actor): void {
  webhookPolicy.authorize(a, null, 'manage');
}
