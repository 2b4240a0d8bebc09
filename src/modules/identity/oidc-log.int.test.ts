// The server's log holds no login secret (docs/product.md#logging-in-through-openid-connect):
// not the client secret set by the administrator, not the issuer's code, not the
// binding cookie, not the BSN of a DigiD login.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { type App, buildServer } from '../../platform/http/server.js';
import { buildMunicipality, buildUser, TEST_PASSWORD, testDatabase, testDeps } from '../../testing/factories.js';
import { browseToReturn, startTestIssuer, TEST_CLIENT_SECRET, type TestIssuer } from '../../testing/oidc-issuer.js';
import { oidcRoutes, sessionOrTokenAuthentication, unsafeLoginWithPassword } from './index.js';

const BSN = '111222333';
let db: Db;
let deps: Deps;
let app: App;
let issuer: TestIssuer;
const lines: string[] = [];

beforeAll(async () => {
  db = await testDatabase();
  deps = testDeps(db, { now: () => new Date() });
  deps.config = { ...deps.config, logLevel: 'trace', logFormat: 'json' };
  app = await buildServer(deps, {
    authenticate: sessionOrTokenAuthentication(deps),
    register: (a) => {
      oidcRoutes(a, deps);
    },
    logDestination: { write: (line: string) => void lines.push(line) },
  });
  await app.ready();
  issuer = await startTestIssuer({
    publicUrl: deps.config.publicUrl,
    accounts: { resident: { claims: { bsn: BSN }, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' } },
  });
}, 60_000);
afterAll(async () => {
  await issuer?.close();
  await app?.close();
  await db?.close();
});

it('logs no client secret, code, binding cookie or BSN', async () => {
  const m = await buildMunicipality(db);
  const admin = await buildUser(db, m, { role: 'admin' });
  const session = await unsafeLoginWithPassword(deps, { email: admin.email, password: TEST_PASSWORD });
  const headers = { cookie: `regie_session=${session.token}`, 'x-csrf-token': session.csrfToken };
  const put = await app.inject({
    method: 'PUT',
    url: '/api/v1/login-settings/digid',
    headers,
    payload: { issuer: issuer.issuer, clientId: issuer.clientId, clientSecret: TEST_CLIENT_SECRET },
  });
  expect(put.statusCode, put.body).toBe(200);
  expect(put.body).not.toContain(TEST_CLIENT_SECRET);
  const start = await app.inject({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { municipality: m.slug, kind: 'digid' } });
  const binding = start.cookies.find((c) => c.name === 'regie_oidc')?.value as string;
  const params = await browseToReturn(start.json().url, deps.config.publicUrl, 'resident');
  const done = await app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: params, cookies: { regie_oidc: binding } });
  expect(done.statusCode, done.body).toBe(200);
  // A failing callback too: the spoilt code goes nowhere.
  const failed = await app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: params, cookies: { regie_oidc: binding } });
  expect(failed.statusCode).toBe(401);

  // one line per request at least
  expect(lines.length).toBeGreaterThanOrEqual(4);
  const log = lines.join('\n');
  for (const secret of [TEST_CLIENT_SECRET, params.code as string, binding, BSN]) expect(log).not.toContain(secret);
});
