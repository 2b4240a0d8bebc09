// The negative suite's rows for logging in, login links and one's own tokens (see src/testing/authorization.int.test.ts).
import { everyone, type Row, staff } from '../../testing/authorization.js';
import { TEST_PASSWORD } from '../../testing/factories.js';

export const rows: Row[] = [
  {
    operation: 'POST /auth/login',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login', body: { email: w.people[s].coordinator?.actor.email, password: TEST_PASSWORD } }),
  },
  {
    operation: 'POST /auth/login-links',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login-links', body: { municipality: w.munis[s].slug, email: w.people[s].initiator?.actor.email } }),
  },
  {
    operation: 'POST /auth/login-links/redeem',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login-links/redeem', body: { token: (await w.fresh(s)).loginLink } }),
  },
  { operation: 'POST /auth/logout', allowed: everyone, scope: 'collection', request: async () => ({ method: 'POST', url: '/auth/logout' }) },
  { operation: 'GET /me', allowed: everyone, scope: 'collection', request: async () => ({ method: 'GET', url: '/me' }) },
  { operation: 'GET /me/tokens', allowed: everyone, scope: 'collection', request: async () => ({ method: 'GET', url: '/me/tokens' }) },
  { operation: 'POST /me/tokens', allowed: staff, scope: 'collection', request: async () => ({ method: 'POST', url: '/me/tokens', body: { name: 'x' } }) },
  {
    operation: 'DELETE /me/tokens/{id}',
    allowed: ['director'], // only one's own token
    scope: 'resource',
    request: async (w, s) => ({ method: 'DELETE', url: `/me/tokens/${(await w.fresh(s)).tokenId}` }),
  },
];
