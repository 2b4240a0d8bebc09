// The API calls of the ZGW registration (docs/product.md#zgw-registration).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';

export type ZgwSettings = ResponseOf<'/zgw/settings', 'get'>;
export type ZgwSettingsBody = BodyOf<'/zgw/settings', 'put'>;
export type ZgwTask = ResponseOf<'/zgw/tasks', 'get'>['items'][number];

export const zgwApi = {
  settings: (signal?: AbortSignal) => answer(client.GET('/zgw/settings', { signal })),
  save: (version: number, body: ZgwSettingsBody) => answer(client.PUT('/zgw/settings', { body, headers: { 'If-Match': `"${version}"` } })),
  tasks: (signal?: AbortSignal) => answer(client.GET('/zgw/tasks', { signal })),
  retry: (id: string) => answer(client.POST('/zgw/tasks/{id}/retry', { params: { path: { id } } })),
};
