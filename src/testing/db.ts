// One line of set-up for a test file or describe block that needs the database:
//
//   const { db, deps } = withTestDb();
//
// opens a migrated database of the engine under test (REGIE_TEST_DB) in beforeAll
// and closes it in afterAll. `db` and `deps` can be handed around at once; the
// database behind them is there from beforeAll on.
import { afterAll, beforeAll } from 'vitest';
import { fixedClock } from '../kernel/clock.js';
import type { Deps } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { testDatabase, testDeps } from './factories.js';

export type FixedClock = ReturnType<typeof fixedClock>;

export interface TestDb {
  db: Db;
  /** `db`, a fixed clock and the test configuration */
  deps: Deps & { clock: FixedClock };
}

/** Monday 2 March 2026, a working day, unless a test says otherwise. */
export const TEST_NOW = '2026-03-02T09:00:00+01:00';

export function withTestDb(opts: { at?: string } = {}): TestDb {
  let current: Db | undefined;
  beforeAll(async () => {
    current = await testDatabase();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const db = lateDb(() => {
    if (!current) throw new Error('withTestDb(): the database is opened in beforeAll; use it from a hook or a test');
    return current;
  });
  return { db, deps: testDeps(db, fixedClock(opts.at ?? TEST_NOW)) as TestDb['deps'] };
}

/** A Db that forwards to the one `get` answers at the time of use. */
export function lateDb(get: () => Db): Db {
  return new Proxy({} as Db, {
    get(_, key) {
      const db = get();
      const value = Reflect.get(db, key, db);
      return typeof value === 'function' ? value.bind(db) : value;
    },
  });
}
