// The API calls of webhooks to other systems (docs/product.md#webhooks).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';

export type WebhookSettings = ResponseOf<'/webhooks/settings', 'get'>;
export type WebhookSubscription = ResponseOf<'/webhooks/{id}', 'get'>;
export type WebhookDeliveryPage = ResponseOf<'/webhooks/{id}/deliveries', 'get'>;
export type WebhookDelivery = WebhookDeliveryPage['items'][number];
export type CreateWebhookBody = BodyOf<'/webhooks', 'post'>;

const path = (id: string) => ({ path: { id } });
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const webhooksApi = {
  settings: (signal?: AbortSignal) => answer(client.GET('/webhooks/settings', { signal })),
  saveOin: (oin: string) => answer(client.PUT('/webhooks/settings', { body: { oin } })),
  list: (signal?: AbortSignal) => answer(client.GET('/webhooks', { signal })),
  create: (body: CreateWebhookBody) => answer(client.POST('/webhooks', { body })),
  update: (id: string, version: number, body: BodyOf<'/webhooks/{id}', 'patch'>) =>
    answer(client.PATCH('/webhooks/{id}', { params: path(id), body, headers: ifMatch(version) })),
  remove: (id: string, version: number) => answer(client.DELETE('/webhooks/{id}', { params: path(id), headers: ifMatch(version) })),
  rotateSecret: (id: string, version: number) => answer(client.POST('/webhooks/{id}/secret', { params: path(id), headers: ifMatch(version) })),
  sendTest: (id: string) => answer(client.POST('/webhooks/{id}/test', { params: path(id) })),
  deliveries: (id: string, cursor?: string, signal?: AbortSignal) =>
    answer(client.GET('/webhooks/{id}/deliveries', { params: { path: { id }, query: cursor ? { cursor, limit: 20 } : { limit: 20 } }, signal })),
  retry: (id: string, deliveryId: string) => answer(client.POST('/webhooks/{id}/deliveries/{deliveryId}/retry', { params: { path: { id, deliveryId } } })),
};
