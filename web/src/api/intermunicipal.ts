// The API calls of sharing agreements between municipalities and the requests under them
// (docs/product.md#sharing-agreements-between-municipalities).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';
import type { components } from './schema.js';

type Schemas = components['schemas'];

export type SharingAgreement = Schemas['SharingAgreement'];
export type SharedDepartment = Schemas['SharedDepartment'];
export type SharedRequestItem = Schemas['SharedRequestItem'];
export type SharedRequest = ResponseOf<'/shared-requests/{id}', 'get'>;
export type ProposeAgreementBody = BodyOf<'/sharing-agreements', 'post'>;

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const id = (x: string) => ({ path: { id: x } });

export const intermunicipalApi = {
  agreements: (signal?: AbortSignal) => answer(client.GET('/sharing-agreements', { signal })),
  propose: (body: ProposeAgreementBody) => answer(client.POST('/sharing-agreements', { body })),
  approve: (a: SharingAgreement) => answer(client.POST('/sharing-agreements/{id}/approval', { params: id(a.id), headers: ifMatch(a.version) })),
  end: (a: SharingAgreement, reason: string) =>
    answer(client.POST('/sharing-agreements/{id}/end', { params: id(a.id), body: { reason: reason.trim() || null }, headers: ifMatch(a.version) })),
  /** the receiving municipality's themes, to choose the agreement's theme scope from (docs/product.md#themes-in-a-sharing-agreement) */
  receiverThemes: (municipality: string, signal?: AbortSignal) => answer(client.GET('/shared-themes', { params: { query: { municipality } }, signal })),
  sharedDepartments: (signal?: AbortSignal) => answer(client.GET('/shared-departments', { signal })),
  sharedRequests: (signal?: AbortSignal) => answer(client.GET('/shared-requests', { signal })),
  sharedRequest: (partyId: string, signal?: AbortSignal) => answer(client.GET('/shared-requests/{id}', { params: id(partyId), signal })),
  answer: (partyId: string, body: BodyOf<'/shared-requests/{id}/answer', 'put'>) =>
    answer(client.PUT('/shared-requests/{id}/answer', { params: id(partyId), body })),
};
