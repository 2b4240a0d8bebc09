// The negative suite's rows for logging in, login links and one's own tokens (see src/testing/authorization.int.test.ts).
import { everyone, type Row, staff, type World } from '../../testing/authorization.js';
import { TEST_PASSWORD } from '../../testing/factories.js';
import { browseToReturn, startTestIssuer, type TestIssuer } from '../../testing/oidc-issuer.js';
import { STATE_COOKIE, unsafeStartOidcLogin } from './oidc.js';
import { seal } from './oidc-crypto.js';
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

// Logging in through OpenID Connect (docs/product.md#logging-in-through-openid-connect):
// a real provider on this machine, started once per test file, serves as the broker.
let issuer: Promise<TestIssuer> | undefined;
const ACCOUNT = { resident: { claims: { bsn: '111222333' }, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' } };

async function withBroker(w: World, side: 'A' | 'B'): Promise<void> {
  issuer ??= startTestIssuer({ publicUrl: w.deps.config.publicUrl, accounts: ACCOUNT, clockOffsetMs: w.deps.clock.now().getTime() - Date.now() });
  const i = await issuer;
  const values = {
    issuer: i.issuer,
    client_id: i.clientId,
    client_secret_sealed: seal(w.deps.config, i.clientSecret),
    identifier_claim: 'bsn',
    min_level: null,
  };
  await w.deps.db.unsafeAdmin
    .insertInto('login_providers')
    .values({ municipality_id: w.munis[side].id, kind: 'digid', ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'kind']).doUpdateSet(values))
    .execute();
}

const settings = {
  issuer: 'https://login.example.nl/realms/gemeente',
  clientId: 'regie',
  clientSecret: 'geheim',
  minLevel: 'urn:etoegang:core:assurance-class:loa3',
};

rows.push(
  {
    operation: 'GET /auth/login-options',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/auth/login-options?municipality=${w.munis[s].slug}` }),
  },
  // The login page's pickers list only municipalities with a login set up (docs/product.md#logging-in-through-openid-connect).
  {
    operation: 'GET /auth/login-municipalities',
    allowed: 'public',
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/auth/login-municipalities' }),
  },
  {
    operation: 'POST /auth/oidc/start',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      await withBroker(w, s);
      return { method: 'POST', url: '/auth/oidc/start', body: { municipality: w.munis[s].slug, kind: 'digid' } };
    },
  },
  {
    operation: 'POST /auth/oidc/callback',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      await withBroker(w, s);
      const { url, cookie } = await unsafeStartOidcLogin(w.deps, { municipalitySlug: w.munis[s].slug, kind: 'digid' });
      const params = await browseToReturn(url, w.deps.config.publicUrl, 'resident');
      return { method: 'POST', url: '/auth/oidc/callback', body: params, headers: { cookie: `${STATE_COOKIE}=${cookie}` } };
    },
  },
  { operation: 'POST /auth/oidc/logout', allowed: everyone, scope: 'collection', request: async () => ({ method: 'POST', url: '/auth/oidc/logout' }) },
  { operation: 'GET /login-settings', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/login-settings' }) },
  {
    operation: 'PUT /login-settings/{kind}',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PUT', url: '/login-settings/eherkenning', body: settings }),
  },
  {
    operation: 'DELETE /login-settings/{kind}',
    allowed: ['admin'],
    // another municipality's administrator has no staff sign-on of theirs to remove
    scope: 'resource',
    request: async (w, s) => {
      const values = { issuer: settings.issuer, client_id: 'regie', identifier_claim: 'email' };
      await w.deps.db.unsafeAdmin
        .insertInto('login_providers')
        .values({ municipality_id: w.munis[s].id, kind: 'staff', ...values })
        .onConflict((oc) => oc.columns(['municipality_id', 'kind']).doUpdateSet(values))
        .execute();
      return { method: 'DELETE', url: '/login-settings/staff' };
    },
  },
);
