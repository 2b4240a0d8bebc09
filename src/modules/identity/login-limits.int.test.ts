// Limits on password logins that hold whatever address the client claims: a fresh
// X-Forwarded-For is ignored unless TRUST_PROXY says a proxy sets it, an account is
// limited across client addresses, and one client trying many accounts is stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Actor } from '../../platform/auth/index.js';
import { parseTrustProxy } from '../../platform/config.js';
import type { App } from '../../platform/http/server.js';
import { buildMunicipality, buildUser, TEST_PASSWORD, testDeps } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { ACCOUNT_FAILURES, CLIENT_ACCOUNTS } from './login-limits.js';

const t = withTestApp();
let staff: Actor;
let proxied: App;
beforeAll(async () => {
  const m = await buildMunicipality(t.db);
  staff = await buildUser(t.db, m, { role: 'coordinator' });
  proxied = await buildApp({ ...testDeps(t.db), config: { ...t.deps.config, trustProxy: 1 } });
  await proxied.ready();
});
afterAll(async () => {
  await proxied?.close();
});

const unique = () => `${Math.random().toString(36).slice(2)}@example.nl`;
const login = (app: App, email: string, opts: { password?: string; from?: string; forwardedFor?: string } = {}) =>
  app
    .inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: opts.from ?? '127.0.0.1',
      headers: opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {},
      payload: { email, password: opts.password ?? 'wrong-password' },
    })
    .then((r) => r.statusCode);

describe('login limits', () => {
  it('ignores a fresh X-Forwarded-For on every request when no proxy is trusted', async () => {
    const email = unique();
    const codes: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES + 1; i++) codes.push(await login(t.app, email, { from: '192.0.2.10', forwardedFor: `203.0.113.${i + 1}` }));
    expect(codes.slice(0, ACCOUNT_FAILURES)).toEqual(Array(ACCOUNT_FAILURES).fill(401));
    expect(codes[ACCOUNT_FAILURES]).toBe(429);
  });

  it('limits an account across client addresses, also for the right password', async () => {
    for (let i = 0; i < ACCOUNT_FAILURES; i++) expect(await login(t.app, staff.email, { from: `198.51.100.${i + 1}` })).toBe(401);
    expect(await login(t.app, staff.email, { from: '198.51.100.200' })).toBe(429);
    expect(await login(t.app, staff.email, { from: '198.51.100.201', password: TEST_PASSWORD })).toBe(429);
  });

  it('counts failures together across servers on one database', async () => {
    const email = unique();
    for (let i = 0; i < ACCOUNT_FAILURES / 2; i++) expect(await login(t.app, email, { from: '192.0.2.30' })).toBe(401);
    for (let i = 0; i < ACCOUNT_FAILURES / 2; i++) expect(await login(proxied, email, { from: '10.0.0.2', forwardedFor: '203.0.113.30' })).toBe(401);
    expect(await login(t.app, email, { from: '192.0.2.31' })).toBe(429);
  });

  it('stops one client trying 25 accounts (password spraying), not another client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push(await login(t.app, unique(), { from: '192.0.2.20' }));
    expect(codes.slice(0, CLIENT_ACCOUNTS)).toEqual(Array(CLIENT_ACCOUNTS).fill(401));
    expect(codes.slice(CLIENT_ACCOUNTS)).toEqual(Array(25 - CLIENT_ACCOUNTS).fill(429));
    expect(await login(t.app, unique(), { from: '192.0.2.21' })).toBe(401);
  });

  it('with TRUST_PROXY=1 takes the client from the proxy’s X-Forwarded-For', async () => {
    for (let i = 0; i < CLIENT_ACCOUNTS; i++) expect(await login(proxied, unique(), { from: '10.0.0.2', forwardedFor: '203.0.113.50' })).toBe(401);
    expect(await login(proxied, unique(), { from: '10.0.0.2', forwardedFor: '203.0.113.50' })).toBe(429);
    // Another client behind the same proxy is not the one that sprayed.
    expect(await login(proxied, unique(), { from: '10.0.0.2', forwardedFor: '203.0.113.51' })).toBe(401);
  });
  it('keeps no address it counts: the counters hold only a hash of it', async () => {
    const email = `Iemand.Anders-${Math.random().toString(36).slice(2)}@Example.nl`;
    expect(await login(t.app, email, { from: '192.0.2.40' })).toBe(401);
    const rows = await t.db.unsafeAdmin.selectFrom('login_failures').select(['key', 'what']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const local = email.split('@')[0]?.toLowerCase() as string;
    for (const r of rows) expect(`${r.key} ${r.what}`.toLowerCase()).not.toContain(local);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.2, 192.168.1.0/24', ['10.0.0.2', '192.168.1.0/24']],
  ] as const)('%j is %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('refuses true, which would let every caller choose its own address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
  });
});
