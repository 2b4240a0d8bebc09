// The API calls of the ZGW registration (docs/product.md#zgw-registration), the
// Catalogi choices (docs/product.md#zgw-zaaktype-choice) and the zaak of a case
// (docs/product.md#zgw-zaak-on-case).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';

export type ZgwSettings = ResponseOf<'/zgw/settings', 'get'>;
export type ZgwSettingsBody = BodyOf<'/zgw/settings', 'put'>;
export type ZgwTask = ResponseOf<'/zgw/tasks', 'get'>['items'][number];
export type ZgwZaaktype = ResponseOf<'/zgw/zaaktypen', 'get'>['items'][number];
export type ZgwInformatieobjecttype = ResponseOf<'/zgw/informatieobjecttypen', 'get'>['items'][number];
export type ZgwCaseZaak = ResponseOf<'/cases/{id}/zgw', 'get'>;

export const zgwApi = {
  settings: (signal?: AbortSignal) => answer(client.GET('/zgw/settings', { signal })),
  save: (version: number, body: ZgwSettingsBody) => answer(client.PUT('/zgw/settings', { body, headers: { 'If-Match': `"${version}"` } })),
  tasks: (signal?: AbortSignal) => answer(client.GET('/zgw/tasks', { signal })),
  zaaktypen: (signal?: AbortSignal) => answer(client.GET('/zgw/zaaktypen', { signal })),
  informatieobjecttypen: (signal?: AbortSignal) => answer(client.GET('/zgw/informatieobjecttypen', { signal })),
  ofCase: (id: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/zgw', { params: { path: { id } }, signal })),
  retry: (id: string) => answer(client.POST('/zgw/tasks/{id}/retry', { params: { path: { id } } })),
};
