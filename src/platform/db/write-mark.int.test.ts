// The database's write mark (Db.writeMark): on PGlite it moves with every committed
// write, however it was made — in a tenant transaction, a privileged one, a single
// statement, or a function called from a select that writes behind the statement's
// back — and stays put while only reads happen, so a value read while the mark stood
// still may be reused (readUnlessUnwritten). PostgreSQL has none: there a commit is in
// the log before other sessions see it.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, TEST_ENGINE, type TestMunicipality } from '../../testing/factories.js';
import { readUnlessUnwritten } from './index.js';

const { db } = withTestDb();
let m: TestMunicipality;
beforeAll(async () => {
  m = await buildMunicipality(db);
});

const mark = async () => {
  if (!db.writeMark) throw new Error('no write mark on this engine');
  return db.writeMark();
};
const areaCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from areas where municipality_id = ${m.id}`.execute(db.unsafeAdmin)).rows[0]?.n;

// One engine per run (REGIE_TEST_DB): the other engine's tests are not registered, so none is reported as skipped.
if (TEST_ENGINE === 'pglite') {
  describe('on PGlite', () => {
    it('stays put while only reads happen, in and out of transactions', async () => {
      const reads = async () => {
        await db.tenant(m.id, (trx) => sql`select count(*) from areas`.execute(trx));
        await sql`select name from municipalities where id = ${m.id}`.execute(db.unsafeAdmin);
        await db.unsafeTransaction((trx) => sql`select count(*) from cases`.execute(trx));
      };
      // The first read of rows just written may move it once: it notes on their page
      // that they were committed. A needless move, never a missed one.
      await reads();
      const before = await mark();
      await reads();
      await reads();
      expect(await mark()).toBe(before);
    });

    it('moves with a write in a tenant transaction, a privileged transaction and a single statement', async () => {
      let before = await mark();
      await db.tenant(m.id, (trx) => trx.insertInto('areas').values({ municipality_id: m.id, name: 'Schrijfmerk tenant' }).execute());
      expect(await mark()).not.toBe(before);

      before = await mark();
      await db.unsafeTransaction((trx) => trx.insertInto('areas').values({ municipality_id: m.id, name: 'Schrijfmerk transactie' }).execute());
      expect(await mark()).not.toBe(before);

      before = await mark();
      await db.unsafeAdmin.updateTable('areas').set({ name: 'Schrijfmerk los' }).where('name', '=', 'Schrijfmerk transactie').execute();
      expect(await mark()).not.toBe(before);
    });

    it('moves with a write made by a function called from a select, which no reading of the SQL text would catch', async () => {
      await sql`create function pg_temp.add_area(m uuid, n text) returns int language sql as $$ insert into areas (municipality_id, name) values (m, n) returning 1 $$`.execute(
        db.unsafeAdmin,
      );
      const count = await areaCount();
      const before = await mark();
      await sql`select pg_temp.add_area(${m.id}::uuid, 'Schrijfmerk functie')`.execute(db.unsafeAdmin);
      expect(await areaCount()).toBe((count ?? 0) + 1);
      expect(await mark()).not.toBe(before);
    });

    it('is refused inside a transaction of the same database, whose one connection it would wait for forever', async () => {
      await expect(db.tenant(m.id, () => readUnlessUnwritten(db, 'inside', async () => 1))).rejects.toThrow(/inside a transaction/);
      await expect(db.unsafeTransaction(() => mark())).rejects.toThrow(/inside a transaction/);
      // Work a transaction set going that runs once it has ended reads the mark as always.
      let later: Promise<string> | undefined;
      await db.tenant(m.id, async () => {
        later = new Promise((resolve, reject) => setImmediate(() => mark().then(resolve, reject)));
      });
      await expect(later).resolves.toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    });

    it('keeps a value read while nothing was written, and reads again after any write', async () => {
      let reads = 0;
      const read = () => readUnlessUnwritten(db, 'reads', async () => ++reads);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1);
      await db.unsafeAdmin.insertInto('areas').values({ municipality_id: m.id, name: 'Schrijfmerk gelezen' }).execute();
      expect(await read()).toBe(2);
      expect(await read()).toBe(2);
      expect(reads).toBe(2);
    });
  });
} else {
  describe('on PostgreSQL', () => {
    it('has no write mark: other sessions and processes write, and a commit is in the log before they see it', () => {
      expect(db.writeMark).toBeUndefined();
    });

    it('reads every time through readUnlessUnwritten', async () => {
      let reads = 0;
      for (let i = 0; i < 3; i++) await readUnlessUnwritten(db, 'reads', async () => ++reads);
      expect(reads).toBe(3);
    });
  });
}
