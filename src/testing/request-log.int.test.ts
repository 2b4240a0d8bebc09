// The server's log lines: one per request, with its id and route pattern, and
// without the personal data that requests carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionOrTokenAuthentication, unsafeLoginWithPassword } from '../modules/identity/index.js';
import type { Deps } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { type App, buildServer } from '../platform/http/server.js';
import { buildMunicipality, buildUser, TEST_PASSWORD, testDatabase, testDeps } from './factories.js';

const EMAIL = 'marieke.jansen@voorbeeld.test';
const NAME = 'Marieke Jansen-de Vries';
const SEARCH = 'bouwvergunning Dorpsstraat';
const BSN = '123456782';

let db: Db;
let deps: Deps;
let app: App;
let lines: string[] = [];
let cookie: string;
let csrf: string;
let actor: { userId: string; municipalityId: string };

beforeAll(async () => {
  db = await testDatabase();
  deps = testDeps(db);
  deps.config = { ...deps.config, logLevel: 'info', logFormat: 'json' };
  app = await buildServer(deps, {
    authenticate: sessionOrTokenAuthentication(deps),
    register: (a) => {
      a.get('/api/v1/people/:id', { schema: { params: z.object({ id: z.string() }), querystring: z.object({ q: z.string().optional() }) } }, async () => ({
        ok: true,
      }));
      a.post('/api/v1/people', { schema: { body: z.object({ name: z.string(), email: z.string(), bsn: z.string() }) } }, async (_req, reply) =>
        reply.code(201).send({ ok: true }),
      );
      a.get('/api/v1/broken', async () => {
        throw new Error('database gone');
      });
    },
    logDestination: { write: (line: string) => void lines.push(line) },
  });
  await app.ready();
  const m = await buildMunicipality(db);
  const user = await buildUser(db, m, { role: 'director', email: EMAIL, name: NAME });
  const session = await unsafeLoginWithPassword(deps, { email: EMAIL, password: TEST_PASSWORD });
  cookie = `regie_session=${session.token}`;
  csrf = session.csrfToken;
  actor = user;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

describe('request log', () => {
  it('names the request, route, status and actor, and none of the personal data', async () => {
    lines = [];
    const get = await app.inject({
      method: 'GET',
      url: `/api/v1/people/${encodeURIComponent(EMAIL)}?q=${encodeURIComponent(SEARCH)}`,
      headers: { cookie, authorization: `Basic ${Buffer.from(`${EMAIL}:geheim`).toString('base64')}`, 'x-request-id': 'trace-4711' },
    });
    expect(get.statusCode).toBe(200);
    expect(get.headers['x-request-id']).toBe('trace-4711');
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: NAME, email: EMAIL, bsn: BSN },
    });
    expect(post.statusCode).toBe(201);
    const postId = post.headers['x-request-id'];
    expect(postId).toMatch(/^[0-9a-f-]{36}$/);

    const text = lines.join('');
    for (const secret of [EMAIL, 'marieke', NAME, 'Jansen', SEARCH, 'Dorpsstraat', BSN, session(cookie), csrf, 'geheim', 'Basic ']) {
      expect(text, `log holds "${secret}"`).not.toContain(secret);
    }
    const requests = logged().filter((l) => l.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        reqId: 'trace-4711',
        method: 'GET',
        route: '/api/v1/people/:id',
        status: 200,
        actorId: actor.userId,
        municipalityId: actor.municipalityId,
      }),
      expect.objectContaining({ reqId: postId, method: 'POST', route: '/api/v1/people', status: 201, actorId: actor.userId }),
    ]);
    expect(typeof requests[0]?.ms).toBe('number');
  });

  it('makes its own request id when the given one is not a plain token, and names refusals too', async () => {
    lines = [];
    const res = await app.inject({ method: 'GET', url: '/api/v1/people/1', headers: { 'x-request-id': `${EMAIL} <script>` } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.join('')).not.toContain(EMAIL);
    expect(logged()[0]).toMatchObject({ reqId: res.headers['x-request-id'], status: 200 });
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/people/1',
      headers: { authorization: 'Bearer regie_unknown', 'x-request-id': 'trace-401' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-request-id']).toBe('trace-401');
    expect(logged()[1]).toMatchObject({ reqId: 'trace-401', status: 401, route: '/api/v1/people/:id' });
    expect(lines.join('')).not.toContain('regie_unknown');
  });

  it('logs a failure with its stack, without the request', async () => {
    lines = [];
    const res = await app.inject({ method: 'GET', url: `/api/v1/broken?q=${encodeURIComponent(SEARCH)}`, headers: { cookie } });
    expect(res.statusCode).toBe(500);
    const id = res.headers['x-request-id'];
    const errored = logged().find((l) => l.msg === 'request errored');
    expect(errored).toMatchObject({ level: 50, reqId: id, route: '/api/v1/broken', err: { message: 'database gone' } });
    expect(errored?.err.stack).toContain('request-log.int.test.ts');
    expect(logged().find((l) => l.msg === 'request failed')).toMatchObject({ level: 50, reqId: id, status: 500 });
    expect(lines.join('')).not.toContain('Dorpsstraat');
  });
});

/** the session token of a cookie header */
function session(c: string): string {
  return c.split('=')[1] as string;
}
