// The API calls of the login details: which municipalities offer which login, an
// account's history, and the audit's reveal of a BSN
// (docs/product.md#logging-in-through-openid-connect, docs/product.md#an-accounts-history,
// docs/product.md#revealing-a-bsn-for-the-audit).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { ResponseOf } from './models.js';

export type LoginMunicipality = ResponseOf<'/auth/login-municipalities', 'get'>['items'][number];
export type AccountHistoryEntry = ResponseOf<'/users/{id}/history', 'get'>['items'][number];
export type RevealedNumber = ResponseOf<'/cases/{id}/initiator/identity-number', 'post'>;

export const loginDetailsApi = {
  municipalities: (signal?: AbortSignal) => answer(client.GET('/auth/login-municipalities', { signal })),
  history: (userId: string, signal?: AbortSignal) => answer(client.GET('/users/{id}/history', { params: { path: { id: userId } }, signal })),
  reveal: (caseId: string, reason: string) =>
    answer(client.POST('/cases/{id}/initiator/identity-number', { params: { path: { id: caseId } }, body: { reason } })),
};
