// An in-process Regie for HTTP tests: the real server, the real database of the
// engine under test, requests through Fastify's inject (no sockets).
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import type { Clock } from '../kernel/clock.js';
import type { Actor } from '../platform/auth/index.js';
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

/**
 * One line of set-up for an HTTP test file: `const t = withTestApp({ clock })` starts
 * the app on a fresh database in beforeAll and closes both in afterAll; `t.app`,
 * `t.db` and `t.deps` are there from beforeAll on.
 */
export function withTestApp(opts: { clock?: Clock } = {}): Omit<TestApp, 'close'> {
  let current: TestApp | undefined;
  const started = (): TestApp => {
    if (!current) throw new Error('withTestApp(): the app starts in beforeAll; use it from a hook or a test');
    return current;
  };
  beforeAll(async () => {
    current = await startTestApp(opts.clock);
  }, 60_000);
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get app() {
      return started().app;
    },
    get db() {
      return started().db;
    },
    get deps() {
      return started().deps;
    },
    login: (actor, password) => started().login(actor, password),
  };
}
