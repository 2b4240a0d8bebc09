// The retention term on a real database (docs/product.md#bewaartermijn): a case ended
// longer ago than the term loses its initiator's personal data to a pseudonym, a
// younger or open case keeps it, the figures stay as they were, the access log keeps
// its rows and then names the pseudonym, and a second run changes nothing.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { type BuiltCase, buildCase, buildCommitment, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { addNote, sendMessage } from '../cases/index.js';
import { applyRetention, pseudonymOf, recordAccess } from './index.js';

// The test clock: 2 March 2026.
const { db, deps } = withTestDb();
let m: TestMunicipality;
let director: Actor;
let coordinator: Actor;
let old: BuiltCase; // closed 25 months ago
let young: BuiltCase; // closed 23 months ago
let open: BuiltCase; // never closed
let otherMuni: TestMunicipality;
let elsewhere: BuiltCase; // closed 25 months ago, in a municipality that keeps personal data

const monthsAgo = (n: number) => {
  const d = new Date('2026-03-02T08:00:00Z');
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};

async function endCase(id: string, at: Date) {
  await db.unsafeAdmin.updateTable('cases').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute();
}

/** The figures a report reads: counts per status and theme, dates, commitments, event kinds. */
async function figures(mId: string) {
  const q = (s: ReturnType<typeof sql>) => s.execute(db.unsafeAdmin).then((r) => r.rows);
  return {
    cases: await q(
      sql`select id, reference, status, submitted_at, intake_at, closed_at, area_id, title, plan_due_on from cases where municipality_id = ${mId} order by id`,
    ),
    themes: await q(sql`select case_id, theme_id from case_themes where municipality_id = ${mId} order by case_id, theme_id`),
    commitments: await q(sql`select id, status, due_on, made_on, decision_kind, amount_cents from commitments where municipality_id = ${mId} order by id`),
    events: await q(sql`select id, case_id, type, created_at from events where municipality_id = ${mId} and type <> 'case.personalDataRemoved' order by id`),
    users: await q(sql`select count(*)::int as n from users where municipality_id = ${mId}`),
  };
}

beforeAll(async () => {
  m = await buildMunicipality(db);
  director = await buildUser(db, m, { role: 'director' });
  coordinator = await buildUser(db, m, { role: 'coordinator' });
  const mk = () =>
    buildCase({
      municipality: m,
      deps,
      status: 'planning',
      director,
      coordinator,
      initiator: {
        name: 'Fatima de Vries',
        email: `fatima-${Math.random().toString(36).slice(2)}@example.nl`,
        phone: '06-12345678',
        company: 'Schilderwerk BV',
        kvkNumber: '12345678',
      },
    });
  old = await mk();
  // Filed through an eHerkenning login: the acting person goes too (docs/product.md#eherkenning-branches-and-acting-persons).
  await db.unsafeAdmin
    .updateTable('case_intakes')
    .set({ branch_number: '000012345678', acting_name: 'Fatima de Vries', acting_pseudonym: 'ehk-fatima' })
    .where('case_id', '=', old.id)
    .execute();
  young = await mk();
  open = await mk();
  await buildCommitment({ deps, by: director, caseId: old.id });
  await sendMessage(ctxFor(deps, director), { caseId: old.id, text: 'Beste mevrouw De Vries, bel mij op 06-12345678.' });
  await addNote(ctxFor(deps, director), { caseId: old.id, text: 'Overleg gehad', visibility: 'internal' });
  const ctx = ctxFor(deps, director);
  await db.tenant(m.id, (trx) => recordAccess(trx, ctx, { kind: 'contactDetails', caseId: old.id, initiatorId: old.initiator.userId }));
  await endCase(old.id, monthsAgo(25));
  await endCase(young.id, monthsAgo(23));
  await db.unsafeAdmin.updateTable('municipalities').set({ personal_data_retention_months: 24 }).where('id', '=', m.id).execute();

  otherMuni = await buildMunicipality(db);
  elsewhere = await buildCase({ municipality: otherMuni, deps, status: 'planning' });
  await endCase(elsewhere.id, monthsAgo(25));
  await db.unsafeAdmin.updateTable('municipalities').set({ personal_data_retention_months: null }).where('id', '=', otherMuni.id).execute();
});

const userOf = (id: string) => db.unsafeAdmin.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const caseOf = (id: string) => db.unsafeAdmin.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('pseudonymisation after the retention term', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  let done: number;
  beforeAll(async () => {
    before = await figures(m.id);
    done = await applyRetention(deps);
  });

  it('replaces the personal data of the case ended 25 months ago, with a term of 24', async () => {
    expect(done).toBeGreaterThanOrEqual(1);
    const u = await userOf(old.initiator.userId);
    const p = pseudonymOf(old.initiator.userId);
    expect(u).toMatchObject({ name: p.name, email: p.email, phone: null, company: null, kvk_number: null, password_hash: null, active: false });
    expect(u.name).toMatch(/^Aanvrager [0-9A-F]{6}$/);
    expect((await caseOf(old.id)).personal_data_removed_at).not.toBeNull();
    const intake = await db.unsafeAdmin.selectFrom('case_intakes').selectAll().where('case_id', '=', old.id).executeTakeFirstOrThrow();
    expect(intake).toMatchObject({ acting_name: null, acting_pseudonym: null, company: null, kvk_number: null });
    const k = await db.unsafeAdmin.selectFrom('commitments').select(['made_to_name', 'made_to_email']).where('case_id', '=', old.id).executeTakeFirstOrThrow();
    expect(k).toEqual({ made_to_name: p.name, made_to_email: null });
    const messages = await db.unsafeAdmin.selectFrom('events').select('payload').where('case_id', '=', old.id).where('type', '=', 'message.sent').execute();
    expect(messages.map((e) => e.payload)).toEqual([{ text: '', from: 'staff' }]);
    const removed = await db.unsafeAdmin
      .selectFrom('events')
      .select(['payload', 'visibility', 'actor_id'])
      .where('case_id', '=', old.id)
      .where('type', '=', 'case.personalDataRemoved')
      .execute();
    expect(removed).toEqual([{ payload: { retentionMonths: 24 }, visibility: 'internal', actor_id: null }]);
    // Nothing the initiator wrote or received is left under their old address.
    const mail = await db.unsafeAdmin.selectFrom('outbox').select('id').where('to_address', '=', old.initiator.email).execute();
    expect(mail).toEqual([]);
    const stillThere = await db.unsafeAdmin
      .selectFrom('users')
      .select('id')
      .where('municipality_id', '=', m.id)
      .where('email', '=', old.initiator.email)
      .execute();
    expect(stillThere).toEqual([]);
  });

  it('keeps the case ended 23 months ago, and the open case', async () => {
    for (const c of [young, open]) {
      expect((await caseOf(c.id)).personal_data_removed_at).toBeNull();
      expect(await userOf(c.initiator.userId)).toMatchObject({ name: 'Fatima de Vries', email: c.initiator.email, phone: '06-12345678', active: true });
    }
  });

  it('keeps everything in a municipality without a term', async () => {
    expect((await caseOf(elsewhere.id)).personal_data_removed_at).toBeNull();
    expect((await userOf(elsewhere.initiator.userId)).email).toBe(elsewhere.initiator.email);
  });

  it('leaves the figures as they were', async () => {
    expect(await figures(m.id)).toEqual(before);
  });

  it('keeps the access log rows, which now name the pseudonym', async () => {
    const rows = await db.unsafeAdmin
      .selectFrom('access_log as l')
      .innerJoin('users as i', 'i.id', 'l.initiator_id')
      .select(['l.actor_id', 'i.name'])
      .where('l.case_id', '=', old.id)
      .execute();
    expect(rows).toEqual([{ actor_id: director.userId, name: pseudonymOf(old.initiator.userId).name }]);
  });

  it('is idempotent: a second run finds nothing and changes nothing', async () => {
    const after = await figures(m.id);
    const events = await db.unsafeAdmin.selectFrom('events').select('id').where('case_id', '=', old.id).execute();
    expect(await applyRetention(deps)).toBe(0);
    expect(await figures(m.id)).toEqual(after);
    expect(await db.unsafeAdmin.selectFrom('events').select('id').where('case_id', '=', old.id).execute()).toEqual(events);
  });

  it('an account with a case still holding personal data stays usable', async () => {
    // Same initiator, two cases: one past the term, one open.
    const email = `twee-${Math.random().toString(36).slice(2)}@example.nl`;
    const first = await buildCase({ municipality: m, deps, status: 'planning', director, coordinator, initiator: { name: 'Jan Jansen', email } });
    const second = await buildCase({ municipality: m, deps, status: 'planning', director, coordinator, initiator: { name: 'Jan Jansen', email } });
    expect(second.initiator.userId).toBe(first.initiator.userId);
    await endCase(first.id, monthsAgo(30));
    await applyRetention(deps);
    expect((await caseOf(first.id)).personal_data_removed_at).not.toBeNull();
    expect(await userOf(first.initiator.userId)).toMatchObject({ name: 'Jan Jansen', email, active: true });
  });
});

describe('two runs at once', () => {
  it('each due case is handled once', async () => {
    const mm = await buildMunicipality(db);
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await buildCase({ municipality: mm, deps, status: 'planning' }));
    for (const c of cases) await endCase(c.id, monthsAgo(40));
    const [a, b] = await Promise.all([applyRetention(deps), applyRetention(deps)]);
    expect(a + b).toBe(4);
    const removed = await db.unsafeAdmin
      .selectFrom('events')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('municipality_id', '=', mm.id)
      .where('type', '=', 'case.personalDataRemoved')
      .executeTakeFirstOrThrow();
    expect(Number(removed.n)).toBe(4);
  });
});
