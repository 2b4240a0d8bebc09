// The committed database types are what the migrations produce: regenerate them
// from a freshly migrated database and compare.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DB_TYPES_COMMAND, DB_TYPES_FILE, generateDbTypes, migratedDatabase } from '../../../scripts/db-types.js';

it('types.generated.ts matches the migrated schema', async () => {
  const admin = process.env.REGIE_TEST_PG_URL;
  if (!admin) throw new Error('REGIE_TEST_PG_URL is not set: run this with `npm test`, which starts PostgreSQL.');
  const generated = await generateDbTypes(await migratedDatabase(admin));
  const committed = readFileSync(DB_TYPES_FILE, 'utf8');
  expect(committed, `src/platform/db/types.generated.ts is out of date with db/migrations: run \`${DB_TYPES_COMMAND}\` and commit the result`).toBe(generated);
}, 60_000);
