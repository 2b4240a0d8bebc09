// POST /auth/logout needs a login, as its document says: 401 without one, 204 with one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

const t = withTestApp();
let staff: Actor;
beforeAll(async () => {
  staff = await buildUser(t.db, await buildMunicipality(t.db), { role: 'coordinator' });
});

describe('logout', () => {
  it('answers 401 problem+json without a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const stale = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: 'regie_session=no-such-session' } });
    expect(stale.statusCode).toBe(401);
  });

  it('ends the session with 204, after which the session no longer counts', async () => {
    const h = await t.login(staff);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h })).statusCode).toBe(401);
  });

  it('is documented as needing a login', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/auth/logout'].post;
    expect(op.security).not.toEqual([]);
    expect(op.responses['401']).toBeDefined();
  });
});
