// The committed database types are what the migrations produce: regenerate them
// from a freshly migrated database and compare.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DB_TYPES_COMMAND, DB_TYPES_FILE, generateDbTypes, migratedDatabase } from '../../../scripts/db-types.js';
import { openDatabase } from './index.js';

it('types.generated.ts matches the migrated schema', async () => {
  const admin = process.env.REGIE_TEST_PG_URL;
  if (!admin) throw new Error('REGIE_TEST_PG_URL is not set: run this with `npm test`, which starts PostgreSQL.');
  const generated = await generateDbTypes(await migratedDatabase(admin));
  const committed = readFileSync(DB_TYPES_FILE, 'utf8');
  expect(committed, `src/platform/db/types.generated.ts is out of date with db/migrations: run \`${DB_TYPES_COMMAND}\` and commit the result`).toBe(generated);
}, 60_000);

// Sharing agreements (docs/architecture.md#across-municipalities): the agreement table has
// row-level security, and the provider's way into another municipality's rows is a
// select-only policy on exactly these tables.
it('sharing agreements: row-level security and the select-only shared policies', async () => {
  const admin = process.env.REGIE_TEST_PG_URL;
  if (!admin) throw new Error('REGIE_TEST_PG_URL is not set: run this with `npm test`, which starts PostgreSQL.');
  const db = await openDatabase({ url: await migratedDatabase(admin) });
  try {
    const rls = await sql<{ relname: string }>`select relname from pg_class where relname = 'sharing_agreements' and relrowsecurity`.execute(db.unsafeAdmin);
    expect(rls.rows).toHaveLength(1);
    const shared = await sql<{ tablename: string; cmd: string }>`
      select tablename, cmd from pg_policies where policyname = 'shared_provider' order by tablename`.execute(db.unsafeAdmin);
    expect(shared.rows).toEqual([
      { tablename: 'assessment_answers', cmd: 'SELECT' },
      { tablename: 'assessment_parties', cmd: 'SELECT' },
      { tablename: 'assessment_rounds', cmd: 'SELECT' },
      { tablename: 'rules', cmd: 'SELECT' },
    ]);
  } finally {
    await db.close();
  }
}, 60_000);
