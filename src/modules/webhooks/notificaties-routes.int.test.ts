// A ZGW Notificaties subscription over HTTP (docs/product.md#zgw-notificaties):
// problem+json for bad input, the client secret write-only (`hasSecret`), never in an
// answer and never in a log line, not when it is given, read or used for the JWT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { type App, buildServer } from '../../platform/http/server.js';
import { actorOf, buildCase, buildMunicipality, buildUser, TEST_PASSWORD, testDatabase, testDeps } from '../../testing/factories.js';
import { startFakeNotificaties } from '../../testing/fake-notificaties.js';
import { withTestApp } from '../../testing/http.js';
import { sessionOrTokenAuthentication, unsafeLoginWithPassword } from '../identity/index.js';
import { startWebhookWorker } from './jobs.js';
import { webhookRoutes } from './routes.js';

const OIN = '00000001001234567000';
const CLIENT_ID = 'regie-notificaties';
const CLIENT_SECRET = 'een-geheim-dat-alleen-de-nrc-kent-0123456789';
const zgw = (extra: Record<string, unknown> = {}) => ({
  format: 'zgw-notificaties',
  url: 'https://notificaties.voorbeeld.nl/api/v1',
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  ...extra,
});

describe('a ZGW Notificaties subscription in the API', () => {
  const t = withTestApp();
  let headers: Record<string, string>;

  beforeAll(async () => {
    const m = await buildMunicipality(t.db);
    headers = await t.login(await actorOf('admin', { municipality: m }));
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/webhooks/settings', headers, payload: { oin: OIN } })).statusCode).toBe(200);
  });

  it('is created with its client id, shows no secret, and says only that it has one', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: zgw({ description: 'Notificatierouteringscomponent' }) });
    expect(created.statusCode, created.body).toBe(201);
    const sub = created.json();
    expect(sub).toMatchObject({ format: 'zgw-notificaties', clientId: CLIENT_ID, hasSecret: true, secret: null });
    expect(created.body).not.toContain(CLIENT_SECRET);
    for (const url of ['/api/v1/webhooks', `/api/v1/webhooks/${sub.id}`]) {
      const r = await t.app.inject({ method: 'GET', url, headers });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(CLIENT_SECRET);
      expect(r.body).not.toContain('clientSecret');
    }
    const renewed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${sub.id}`,
      headers: { ...headers, 'if-match': '"1"' },
      payload: { clientSecret: 'een-nieuw-geheim-van-de-nrc' },
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).toMatchObject({ version: 2, hasSecret: true });
    expect(renewed.body).not.toContain('een-nieuw-geheim');

    for (const tail of ['/secret', '/test']) {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${sub.id}${tail}`, headers: { ...headers, 'if-match': '"2"' } });
      expect(r.statusCode).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it.each([
    ['plain http (the installation allows https only)', zgw({ url: 'http://notificaties.voorbeeld.nl/api/v1' }), 'url'],
    ['no client id', zgw({ clientId: undefined }), 'clientId'],
    ['an empty client id', zgw({ clientId: '   ' }), 'clientId'],
    ['no secret', zgw({ clientSecret: undefined }), 'clientSecret'],
    ['an event type that makes no notificatie', zgw({ eventTypes: ['plan-akkoord'] }), 'eventTypes'],
    ['an unknown format', zgw({ format: 'soap' }), 'format'],
    ['a client id on a CloudEvents webhook', { url: 'https://ontvanger.voorbeeld.nl/regie', clientId: CLIENT_ID }, 'clientId'],
  ])('refuses %s with a 400 naming the field', async (_label, payload, field) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().invalidParams.map((p: { name: string }) => p.name.split('.')[0])).toContain(field);
    expect(r.body).not.toContain(CLIENT_SECRET);
  });
});

describe('the client secret in the log', () => {
  let db: Db;
  let deps: Deps;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await testDatabase();
    deps = testDeps(db);
    // Everything the server logs, at its most talkative.
    deps.config = { ...deps.config, logLevel: 'trace', logFormat: 'json', webhooks: { ...deps.config.webhooks, allowHttp: true } };
    app = await buildServer(deps, {
      authenticate: sessionOrTokenAuthentication(deps),
      register: (a) => webhookRoutes(a, deps),
      logDestination: { write: (line: string) => void lines.push(line) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('never writes the client secret or the JWT made with it to the log, not when it is given, read or used', async () => {
    const m = await buildMunicipality(db);
    const admin = await buildUser(db, m, { role: 'admin' });
    const session = await unsafeLoginWithPassword(deps, { email: admin.email, password: TEST_PASSWORD });
    const login = { cookie: `regie_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    const nrc = await startFakeNotificaties({ clientId: CLIENT_ID, secret: CLIENT_SECRET });
    nrc.refuseNext(1, 403, 'Geen rechten.');
    const workerLog: string[] = [];
    const worker = startWebhookWorker(deps, { intervalMs: 60_000, log: (message, err) => workerLog.push(`${message} ${String(err)}`) });
    try {
      await app.inject({ method: 'PUT', url: '/api/v1/webhooks/settings', headers: login, payload: { oin: OIN } });
      const created = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: login, payload: zgw({ url: nrc.url }) });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      await app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}`, headers: login });
      await buildCase({ municipality: m, deps });
      await worker.flush();
      const log = (await app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries`, headers: login })).json();
      expect(log.items).toMatchObject([{ status: 'pending', lastStatus: 403, lastError: expect.stringContaining('Geen rechten.') }]);
      expect(nrc.requests).toHaveLength(1);
      expect(nrc.violations).toEqual([]);
      expect(lines.length).toBeGreaterThanOrEqual(4);
      const text = lines.join('\n') + workerLog.join('\n') + JSON.stringify(log);
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(CLIENT_SECRET.slice(0, 16));
      expect(text).not.toContain(String(nrc.requests[0]?.headers.authorization).slice(7));
    } finally {
      await worker.stop();
      await nrc.close();
    }
  });
});
