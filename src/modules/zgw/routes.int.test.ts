// The ZGW API over HTTP (docs/product.md#zgw-registration): problem+json on bad
// settings, ETag and If-Match, the client secret never in an answer, and the status
// page with "opnieuw proberen" against the fake Zaken API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, buildCase, buildMunicipality } from '../../testing/factories.js';
import { type FakeZgw, startFakeZgw } from '../../testing/fake-zgw.js';
import { withTestApp } from '../../testing/http.js';
import { unsafeRunDueZgwTasks } from './delivery.js';

const SECRET = 'geheim-voor-de-http-test';

describe('the ZGW API', () => {
  const t = withTestApp();
  let headers: Record<string, string>;
  let fake: FakeZgw;
  let m: Awaited<ReturnType<typeof buildMunicipality>>;

  beforeAll(async () => {
    m = await buildMunicipality(t.db);
    headers = await t.login(await actorOf('admin', { municipality: m }));
    fake = await startFakeZgw({ clientId: 'regie-http', secret: SECRET });
  });
  afterAll(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  it('keeps the settings with If-Match, refuses a bad RSIN with a 400 and never returns the secret', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/settings', headers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ enabled: false, hasSecret: false, version: 0 });

    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/zgw/settings', headers, payload: { rsin: '123456781' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors?.[0]?.field ?? bad.body).toContain('rsin');

    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/zgw/settings',
      headers: { ...headers, 'if-match': '"0"' },
      payload: {
        enabled: true,
        zakenUrl: `${fake.zakenUrl}/`,
        zaaktypeUrl: 'https://ztc.example/catalogi/api/v1/zaaktypen/0b1c4f2e-5d7a-4a3e-9d1b-2f6c8e0a7b11',
        rsin: '002564440',
        clientId: 'regie-http',
        clientSecret: SECRET,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({ enabled: true, hasSecret: true, zakenUrl: fake.zakenUrl });
    expect(saved.body).not.toContain(SECRET);
    const stale = await t.app.inject({ method: 'PUT', url: '/api/v1/zgw/settings', headers: { ...headers, 'if-match': '"0"' }, payload: { clientId: 'x' } });
    expect(stale.statusCode).toBe(412);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/zgw/settings', headers })).body).not.toContain(SECRET);
  });

  it('lists a failed task on the status page and retries it', async () => {
    fake.cutNext(1);
    const c = await buildCase({ municipality: m, deps: t.deps });
    await unsafeRunDueZgwTasks(t.deps, { timeoutMs: 2000 });
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/tasks', headers });
    expect(page.statusCode).toBe(200);
    const [task] = page.json().items;
    expect(task).toMatchObject({ caseReference: c.reference, step: 'create', status: 'pending', attempts: 1 });
    expect(task.lastError).toBeTruthy();

    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/zgw/tasks/${task.id}/retry`, headers });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ attempts: 0, status: 'pending' });
    await unsafeRunDueZgwTasks(t.deps, { timeoutMs: 2000 });
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/zgw/tasks', headers })).json();
    expect(after).toEqual({ items: [], done: 1 });
    expect(fake.zaken.map((z) => z.identificatie)).toEqual([c.reference]);
  });
});
