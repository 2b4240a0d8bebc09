// When a personal API token was last used (docs/product.md#staff-accounts): shown on
// Mijn account, written when the token is read from the database and its last use is
// TOKEN_USE_MINUTES old or older, never for a revoked token or another person's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildMunicipality } from '../../testing/factories.js';
import { startTestApp, type TestApp } from '../../testing/http.js';
import { forgetCachedActors, TOKEN_USE_MINUTES } from './service.js';

const clock = fixedClock('2026-03-02T09:00:00Z');
let t: TestApp;
let director: Actor;
let other: Actor;
beforeAll(async () => {
  t = await startTestApp(clock);
  const m = await buildMunicipality(t.db);
  director = await actorOf('director', { municipality: m });
  other = await actorOf('coordinator', { municipality: m });
});
afterAll(async () => {
  await t?.close();
});

async function tokens(session: Record<string, string>) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: session });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Array<{ id: string; name: string; lastUsedAt: string | null }> }).items;
}

/** A request with the token, read from the database (not from the few seconds' memory of who a token is). */
async function use(token: string, who: Actor) {
  forgetCachedActors(who.userId);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  return res.statusCode;
}

describe('the last use of an API token', () => {
  it('is "never" until the token is used, then the moment of use, kept to the minutes of its rule', async () => {
    const session = await t.login(director);
    const made = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: session, payload: { name: 'script' } })).json();
    const mine = async () => (await tokens(session)).find((x) => x.id === made.id)?.lastUsedAt;
    expect(await mine()).toBeNull();

    clock.set('2026-03-02T09:10:00Z');
    expect(await use(made.token, director)).toBe(200);
    expect(await mine()).toBe('2026-03-02T09:10:00.000Z');

    // Used again within the minutes of the rule: not written again.
    clock.set(new Date(Date.parse('2026-03-02T09:10:00Z') + (TOKEN_USE_MINUTES * 60_000 - 1000)));
    expect(await use(made.token, director)).toBe(200);
    expect(await mine()).toBe('2026-03-02T09:10:00.000Z');

    clock.set('2026-03-02T11:00:00Z');
    expect(await use(made.token, director)).toBe(200);
    expect(await mine()).toBe('2026-03-02T11:00:00.000Z');
  });

  it('is not written for a revoked token, and one person using a token moves no other token', async () => {
    const session = await t.login(director);
    const kept = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: session, payload: { name: 'kept' } })).json();
    const revoked = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: session, payload: { name: 'revoked' } })).json();
    const otherSession = await t.login(other);
    const theirs = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: otherSession, payload: { name: 'theirs' } })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${revoked.id}`, headers: session })).statusCode).toBeLessThan(300);

    clock.set('2026-03-03T08:00:00Z');
    expect(await use(revoked.token, director)).toBe(401);
    expect(await use(theirs.token, other)).toBe(200);
    const list = await tokens(session);
    expect(list.find((x) => x.id === revoked.id)?.lastUsedAt ?? null).toBeNull();
    expect(list.find((x) => x.id === kept.id)?.lastUsedAt).toBeNull();
    expect((await tokens(otherSession)).find((x) => x.id === theirs.id)?.lastUsedAt).toBe('2026-03-03T08:00:00.000Z');
  });
});
