// The API calls of response periods and the inventory of interests (docs/product.md#response-periods).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';

export type PublicPeriod = ResponseOf<'/municipalities/{slug}/response-periods/{id}', 'get'>;
export type PublicPeriodList = ResponseOf<'/municipalities/{slug}/response-periods', 'get'>;
export type CasePeriods = ResponseOf<'/cases/{id}/response-periods', 'get'>;
export type ResponsePeriod = CasePeriods['items'][number];
export type Inventory = ResponseOf<'/response-periods/{id}', 'get'>;
export type OpenPeriodBody = BodyOf<'/cases/{id}/response-periods', 'post'>;
export type SubmitResponseBody = BodyOf<'/municipalities/{slug}/response-periods/{id}/responses', 'post'>;

export const participationApi = {
  publicPeriods: (slug: string, signal?: AbortSignal) => answer(client.GET('/municipalities/{slug}/response-periods', { params: { path: { slug } }, signal })),
  publicPeriod: (slug: string, id: string, signal?: AbortSignal) =>
    answer(client.GET('/municipalities/{slug}/response-periods/{id}', { params: { path: { slug, id } }, signal })),
  respond: (slug: string, id: string, body: SubmitResponseBody) =>
    answer(client.POST('/municipalities/{slug}/response-periods/{id}/responses', { params: { path: { slug, id } }, body })),
  confirm: (token: string) => answer(client.POST('/response-confirmations', { body: { token } })),
  casePeriods: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/response-periods', { params: { path: { id: caseId } }, signal })),
  openPeriod: (caseId: string, body: OpenPeriodBody) => answer(client.POST('/cases/{id}/response-periods', { params: { path: { id: caseId } }, body })),
  inventory: (id: string, signal?: AbortSignal) => answer(client.GET('/response-periods/{id}', { params: { path: { id } }, signal })),
  close: (id: string, reason: string) => answer(client.POST('/response-periods/{id}/closure', { params: { path: { id } }, body: { reason } })),
  answerTopic: (id: string, topicId: string, text: string) =>
    answer(client.PUT('/response-periods/{id}/topics/{topicId}/answer', { params: { path: { id, topicId } }, body: { answer: text } })),
  hide: (responseId: string, reason: string) => answer(client.POST('/responses/{id}/hiding', { params: { path: { id: responseId } }, body: { reason } })),
};
