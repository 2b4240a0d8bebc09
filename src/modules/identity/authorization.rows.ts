// The negative suite's rows for logging in, login links and one's own tokens (see src/testing/authorization.int.test.ts).
import { everyone, type Row, staff } from '../../testing/authorization.js';
import { TEST_PASSWORD } from '../../testing/factories.js';
import { newToken, sha256 } from './secrets.js';

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
  // Staff passwords, "Mijn account" and fresh links (docs/product.md#staff-accounts).
  {
    operation: 'POST /auth/login-links/resend',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login-links/resend', body: { token: (await w.fresh(s)).loginLink } }),
  },
  {
    operation: 'POST /auth/password-resets',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/password-resets', body: { email: w.people[s].council?.actor.email } }),
  },
  {
    operation: 'POST /auth/password-resets/redeem',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      const council = w.people[s].council?.actor;
      const token = newToken();
      await w.deps.db.unsafeAdmin
        .insertInto('password_links')
        .values({
          token_hash: sha256(token),
          municipality_id: council?.municipalityId as string,
          user_id: council?.userId as string,
          purpose: 'reset',
          expires_at: new Date(w.deps.clock.now().getTime() + 3_600_000),
        })
        .execute();
      return { method: 'POST', url: '/auth/password-resets/redeem', body: { token, password: TEST_PASSWORD } };
    },
  },
  {
    operation: 'POST /me/password',
    allowed: staff,
    scope: 'collection',
    // The same password again: the people of the suite keep logging in as before.
    request: async () => ({ method: 'POST', url: '/me/password', body: { current: TEST_PASSWORD, password: TEST_PASSWORD } }),
  },
  { operation: 'GET /me/account', allowed: everyone, scope: 'collection', request: async () => ({ method: 'GET', url: '/me/account' }) },
  {
    operation: 'PATCH /me/account',
    allowed: staff,
    scope: 'collection',
    request: async () => ({ method: 'PATCH', url: '/me/account', body: { phone: '010 123 45 67' } }),
  },
];
