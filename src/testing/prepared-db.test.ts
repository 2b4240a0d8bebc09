// The copies test files start from are named after the migrations: any change to
// them must give another name, so that no test runs on a stale schema.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../platform/db/migrate.js';
import { migrationsHash } from './prepared-db.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const copy = () => {
  dir = mkdtempSync(join(tmpdir(), 'regie-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
};

describe('migrationsHash', () => {
  it('is the same for the same migrations', () => {
    expect(migrationsHash('', copy())).toBe(migrationsHash());
  });

  it('changes when a migration changes, is added or is renamed, and with the engine version', () => {
    const d = copy();
    const before = migrationsHash('', d);
    expect(migrationsHash('0.3.16', d)).not.toBe(before);
    writeFileSync(join(d, '999_next.sql'), 'create table t (id int);');
    const added = migrationsHash('', d);
    expect(added).not.toBe(before);
    writeFileSync(join(d, '999_next.sql'), 'create table t (id bigint);');
    const changed = migrationsHash('', d);
    expect(changed).not.toBe(added);
    rmSync(join(d, '999_next.sql'));
    writeFileSync(join(d, '998_next.sql'), 'create table t (id bigint);');
    expect(migrationsHash('', d)).not.toBe(changed);
  });
});
