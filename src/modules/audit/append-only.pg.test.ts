// The access log is append-only (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd):
// the application role may insert and read, and neither it nor the owner can change
// or remove a row. PostgreSQL only: PGlite runs everything as one superuser.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { type BuiltCase, buildCase, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { recordAccess } from './index.js';

const { db, deps } = withTestDb();
let m: TestMunicipality;
let director: Actor;
let c: BuiltCase;

beforeAll(async () => {
  m = await buildMunicipality(db);
  director = await buildUser(db, m, { role: 'director' });
  c = await buildCase({ municipality: m, deps, director });
  const ctx = ctxFor(deps, director);
  await db.tenant(m.id, (trx) => recordAccess(trx, ctx, { kind: 'contactDetails', caseId: c.id, initiatorId: c.initiator.userId }));
});

const message = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return String((e as Error).message);
  }
  return 'no error';
};

describe('the access log is append-only', () => {
  it('the application role may read and add rows', async () => {
    const rows = await db.tenant(m.id, (trx) => trx.selectFrom('access_log').select(['actor_id', 'kind']).where('case_id', '=', c.id).execute());
    expect(rows).toEqual([{ actor_id: director.userId, kind: 'contactDetails' }]);
  });

  it('the application role may not update a row', async () => {
    const err = await message(db.tenant(m.id, (trx) => trx.updateTable('access_log').set({ actor_role: 'admin' }).where('case_id', '=', c.id).execute()));
    expect(err).toMatch(/permission denied/);
  });

  it('the application role may not delete a row', async () => {
    const err = await message(db.tenant(m.id, (trx) => trx.deleteFrom('access_log').where('case_id', '=', c.id).execute()));
    expect(err).toMatch(/permission denied/);
  });

  it('the owner is stopped by the trigger, for update, delete and truncate', async () => {
    expect(await message(db.unsafeAdmin.updateTable('access_log').set({ actor_role: 'admin' }).where('case_id', '=', c.id).execute())).toMatch(/append-only/);
    expect(await message(db.unsafeAdmin.deleteFrom('access_log').where('case_id', '=', c.id).execute())).toMatch(/append-only/);
    expect(await message(sql`truncate access_log`.execute(db.unsafeAdmin))).toMatch(/append-only/);
    const left = await db.unsafeAdmin.selectFrom('access_log').select('actor_role').where('case_id', '=', c.id).execute();
    expect(left).toEqual([{ actor_role: 'director' }]);
  });

  it('another municipality sees none of the rows', async () => {
    const other = await buildMunicipality(db);
    const rows = await db.tenant(other.id, (trx) => trx.selectFrom('access_log').select('id').execute());
    expect(rows).toEqual([]);
  });
});
