// An in-process Regie for HTTP tests: the real server, the real database of the
// engine under test, requests through Fastify's inject (no sockets).
import type { Clock } from '../kernel/clock.js';
import type { Actor } from '../platform/auth/index.js';
import { buildApp } from '../app.js';
import type { Deps } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import type { App } from '../platform/http/server.js';
import { TEST_PASSWORD, testDatabase, testDeps } from './factories.js';

export interface TestApp {
  app: App;
  deps: Deps;
  db: Db;
  /** Log in through the API; returns headers that authenticate later calls (cookie + CSRF). */
  login(actor: Pick<Actor, 'email'>, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startTestApp(clock?: Clock): Promise<TestApp> {
  const db = await testDatabase();
  const deps = testDeps(db, clock);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    db,
    async login(actor, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: actor.email, password } });
      if (res.statusCode !== 200) throw new Error(`login failed for ${actor.email}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'regie_session');
      if (!cookie) throw new Error('no session cookie');
      return { cookie: `regie_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
