// The API calls of logging in through OpenID Connect (docs/product.md#logging-in-through-openid-connect).
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { BodyOf, ResponseOf } from './models.js';

export type LoginKind = 'staff' | 'digid' | 'eherkenning';
export type LoginOptions = ResponseOf<'/auth/login-options', 'get'>;
export type LoginSettings = ResponseOf<'/login-settings', 'get'>['items'][number];
export type LoginSettingsBody = BodyOf<'/login-settings/{kind}', 'put'>;
export type CallbackBody = BodyOf<'/auth/oidc/callback', 'post'>;

export const loginApi = {
  options: (municipality: string, signal?: AbortSignal) => answer(client.GET('/auth/login-options', { params: { query: { municipality } }, signal })),
  start: (municipality: string, kind: LoginKind) => answer(client.POST('/auth/oidc/start', { body: { municipality, kind } })),
  callback: (body: CallbackBody) => answer(client.POST('/auth/oidc/callback', { body })),
  logout: () => answer(client.POST('/auth/oidc/logout')),
  settings: (signal?: AbortSignal) => answer(client.GET('/login-settings', { signal })),
  save: (kind: LoginKind, body: LoginSettingsBody) => answer(client.PUT('/login-settings/{kind}', { params: { path: { kind } }, body })),
  remove: (kind: LoginKind) => answer(client.DELETE('/login-settings/{kind}', { params: { path: { kind } } })),
};
