// The webhook API over HTTP (docs/product.md#webhooks): problem+json, ETag and
// If-Match, the secret in the answer to creation and rotation only, never in a read
// and never in a log line, the test event in the delivery log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { type App, buildServer } from '../../platform/http/server.js';
import { actorOf, buildMunicipality, buildUser, TEST_PASSWORD, testDatabase, testDeps } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { sessionOrTokenAuthentication, unsafeLoginWithPassword } from '../identity/index.js';
import { startWebhookWorker } from './jobs.js';
import { webhookRoutes } from './routes.js';
import { startReceiver } from './testing.js';

const OIN = '00000001001234567000';

describe('the webhook API', () => {
  const t = withTestApp();
  let headers: Record<string, string>;

  beforeAll(async () => {
    const m = await buildMunicipality(t.db);
    headers = await t.login(await actorOf('admin', { municipality: m }));
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/webhooks/settings', headers, payload: { oin: OIN } })).statusCode).toBe(200);
  });

  it('creates a subscription, shows its secret once, and changes it only with the current version', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers,
      payload: { url: 'https://zaken.example.nl/regie', description: 'Zaaksysteem', eventTypes: ['zaak-status-gewijzigd', 'plan-akkoord'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const sub = created.json();
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/webhooks/${sub.id}`);
    expect(sub).toMatchObject({ personalData: false, active: true, eventTypes: ['zaak-status-gewijzigd', 'plan-akkoord'] });
    expect(sub.secret).toMatch(/^whsec_/);

    const reads = [
      await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers }),
      await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${sub.id}`, headers }),
      await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${sub.id}/deliveries`, headers }),
      await t.app.inject({ method: 'GET', url: '/api/v1/webhooks/settings', headers }),
    ];
    for (const r of reads) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(sub.secret.slice(6));
      expect(r.body).not.toContain('"secret"');
    }

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${sub.id}`,
      headers: { ...headers, 'if-match': '"7"' },
      payload: { active: false },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const paused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${sub.id}`,
      headers: { ...headers, 'if-match': '"1"' },
      payload: { active: false },
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.headers.etag).toBe('"2"');
    expect(paused.json()).toMatchObject({ active: false, version: 2 });

    const rotated = await t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${sub.id}/secret`, headers: { ...headers, 'if-match': '"2"' } });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(sub.secret);

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${sub.id}`, headers: { ...headers, 'if-match': '"3"' } });
    expect(gone.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${sub.id}`, headers })).statusCode).toBe(404);
  });

  it('puts the test event in the delivery log', async () => {
    const sub = (await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'https://zaken.example.nl/test' } })).json();
    const test = await t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${sub.id}/test`, headers });
    expect(test.statusCode).toBe(202);
    const log = (await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${sub.id}/deliveries?limit=10`, headers })).json();
    expect(log.items).toMatchObject([{ id: test.json().id, eventType: 'test', eventId: null, status: 'pending', attempts: 0 }]);
    expect(log.nextCursor).toBeNull();
    const forged = await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${sub.id}/deliveries?cursor=abc.def`, headers });
    expect(forged.statusCode).toBe(400);
  });

  it.each([
    ['plain http (the installation allows https only)', { url: 'http://zaken.example.nl/in' }, 'url'],
    ['a password in the URL', { url: 'https://regie:geheim@zaken.example.nl/in' }, 'url'],
    ['an unknown event type', { url: 'https://zaken.example.nl/in', eventTypes: ['zaak-verzonnen'] }, 'eventTypes'],
    ['no event type at all', { url: 'https://zaken.example.nl/in', eventTypes: [] }, 'eventTypes'],
  ])('refuses %s with a 400 naming the field', async (_label, payload, field) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().invalidParams.map((p: { name: string }) => p.name.split('.')[0])).toContain(field);
  });
});

describe('secrets in the log', () => {
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

  it('never writes a signing secret to the log, not when it is made, rotated, read or used', async () => {
    const m = await buildMunicipality(db);
    const admin = await buildUser(db, m, { role: 'admin' });
    const session = await unsafeLoginWithPassword(deps, { email: admin.email, password: TEST_PASSWORD });
    const login = { cookie: `regie_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    const receiver = await startReceiver((n) => (n === 0 ? 500 : 204));
    const workerLog: string[] = [];
    const worker = startWebhookWorker(deps, { intervalMs: 60_000, log: (message, err) => workerLog.push(`${message} ${String(err)}`) });
    try {
      await app.inject({ method: 'PUT', url: '/api/v1/webhooks/settings', headers: login, payload: { oin: OIN } });
      const created = (await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: login, payload: { url: receiver.url } })).json();
      const rotated = (await app.inject({ method: 'POST', url: `/api/v1/webhooks/${created.id}/secret`, headers: login })).json();
      await app.inject({ method: 'GET', url: `/api/v1/webhooks/${created.id}`, headers: login });
      await app.inject({ method: 'POST', url: `/api/v1/webhooks/${created.id}/test`, headers: login });
      await worker.flush();
      expect(receiver.received).toHaveLength(1);
      // one line per request at least: the log was captured
      expect(lines.length).toBeGreaterThanOrEqual(5);
      const text = lines.join('\n') + workerLog.join('\n');
      for (const secret of [created.secret, rotated.secret]) {
        expect(secret).toMatch(/^whsec_/);
        expect(text).not.toContain(secret.slice(6));
        expect(text).not.toContain(secret.slice(6, 20));
      }
      expect(text).not.toContain(String(receiver.received[0]?.headers['webhook-signature']).slice(3));
    } finally {
      await worker.stop();
      await receiver.close();
    }
  });
});
