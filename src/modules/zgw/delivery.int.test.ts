// Registering cases as zaken, contract-tested against a Zaken API built from the
// official specification (docs/zgw.md#contract-tests): every request Regie sends must
// validate, or the test fails. Also: statuses as the lifecycle moves, an outage that
// delays but loses nothing, no second zaak after a lost answer, and another
// municipality's settings never used.
import { afterEach, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { type FakeZgw, startFakeZgw } from '../../testing/fake-zgw.js';
import { type NewEvent, recordEvent } from '../timeline/index.js';
import { MAX_ATTEMPTS, unsafeRunDueZgwTasks } from './delivery.js';
import { getZgwSettings, listZgwTasks, retryZgwTask, updateZgwSettings } from './service.js';

const { db, deps } = withTestDb();
const RSIN = '002564440';
const SECRET = 'een-lang-genoeg-geheim';

const fakes: FakeZgw[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) {
    expect(f.violations).toEqual([]);
    await f.close();
  }
});

async function zgwFor(m: TestMunicipality, clientId = `regie-${m.slug}`) {
  const fake = await startFakeZgw({ clientId, secret: SECRET });
  fakes.push(fake);
  const admin = ctxFor(deps, await actorOf('admin', { municipality: m }));
  await updateZgwSettings(admin, {
    enabled: true,
    zakenUrl: fake.zakenUrl,
    zaaktypeUrl: 'https://ztc.example/catalogi/api/v1/zaaktypen/0b1c4f2e-5d7a-4a3e-9d1b-2f6c8e0a7b11',
    statustypeIntakeUrl: 'https://ztc.example/catalogi/api/v1/statustypen/11111111-1111-4111-8111-111111111111',
    statustypePlanAgreedUrl: 'https://ztc.example/catalogi/api/v1/statustypen/22222222-2222-4222-8222-222222222222',
    statustypeClosedUrl: 'https://ztc.example/catalogi/api/v1/statustypen/33333333-3333-4333-8333-333333333333',
    rsin: RSIN,
    clientId,
    clientSecret: SECRET,
  });
  return { fake, admin };
}

const run = () => unsafeRunDueZgwTasks(deps, { timeoutMs: 2000 });
const tasksOf = (caseId: string) =>
  db.unsafeAdmin.selectFrom('zgw_tasks').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('event_id').execute();
const zaakOf = (caseId: string) => db.unsafeAdmin.selectFrom('zgw_zaken').selectAll().where('case_id', '=', caseId).executeTakeFirst();

async function lifecycle(m: TestMunicipality, caseId: string, step: 'planAgreed' | 'closed') {
  const event: NewEvent['event'] =
    step === 'planAgreed'
      ? { type: 'plan.agreed', payload: { planId: caseId, version: 1, by: 'director', complete: true } }
      : { type: 'case.statusChanged', payload: { from: 'executing', to: 'closed', reason: null, planDueOn: null } };
  await db.tenant(m.id, (trx) => recordEvent(trx, { municipalityId: m.id, actorId: null, at: deps.clock.now() }, { caseId, visibility: 'internal', event }));
}

describe('settings', () => {
  it('are off by default, check the RSIN and never return the secret', async () => {
    const m = await buildMunicipality(db);
    const admin = ctxFor(deps, await actorOf('admin', { municipality: m }));
    expect(await getZgwSettings(admin)).toMatchObject({ enabled: false, hasSecret: false });
    await expect(updateZgwSettings(admin, { rsin: '123456781' })).rejects.toMatchObject({ status: 400 });
    await expect(updateZgwSettings(admin, { enabled: true })).rejects.toMatchObject({ status: 400 });
    const saved = await updateZgwSettings(admin, { rsin: RSIN, clientId: 'regie', clientSecret: SECRET });
    expect(saved).toMatchObject({ rsin: RSIN, hasSecret: true, enabled: false });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    const row = await db.unsafeAdmin.selectFrom('zgw_settings').select('secret_sealed').where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(SECRET);
  });

  it('queue nothing while ZGW is off', async () => {
    const m = await buildMunicipality(db);
    const c = await buildCase({ municipality: m, deps, status: 'intake' });
    expect(await tasksOf(c.id)).toEqual([]);
  });
});

describe('registration', () => {
  it('creates a valid zaak, records its URL on the case and posts valid statussen as the lifecycle moves', async () => {
    const m = await buildMunicipality(db);
    const { fake } = await zgwFor(m);
    const c = await buildCase({ municipality: m, deps, status: 'intake', title: `Een terras aan de haven met ${'heel '.repeat(30)}veel stoelen` });
    await db.unsafeAdmin.updateTable('cases').set({ lon: 5.12, lat: 52.09, rd_x: 136000, rd_y: 455000 }).where('id', '=', c.id).execute();
    expect((await tasksOf(c.id)).map((t) => t.step)).toEqual(['create', 'intake']);
    expect(await run()).toBe(2);

    expect(fake.zaken).toHaveLength(1);
    const zaak = fake.zaken[0] as Record<string, unknown>;
    expect(zaak).toMatchObject({ bronorganisatie: RSIN, verantwoordelijkeOrganisatie: RSIN, identificatie: c.reference });
    expect((zaak.omschrijving as string).length).toBeLessThanOrEqual(80);
    expect(zaak.zaakgeometrie).toEqual({ type: 'Point', coordinates: [5.12, 52.09] });
    expect((await zaakOf(c.id))?.zaak_url).toBe(zaak.url);
    expect(fake.statussen.map((s) => s.statustype)).toEqual(['https://ztc.example/catalogi/api/v1/statustypen/11111111-1111-4111-8111-111111111111']);

    await lifecycle(m, c.id, 'planAgreed');
    await lifecycle(m, c.id, 'closed');
    expect(await run()).toBe(2);
    expect(fake.statussen.map((s) => String(s.statustype).slice(-1))).toEqual(['1', '2', '3']);
    expect(fake.statussen.every((s) => s.zaak === zaak.url)).toBe(true);
    expect((await tasksOf(c.id)).every((t) => t.status === 'done')).toBe(true);
  });

  it('survives an outage: the tasks wait with back-off, then go through in order, nothing lost', async () => {
    const m = await buildMunicipality(db);
    const { fake, admin } = await zgwFor(m);
    fake.cutNext(100);
    const c = await buildCase({ municipality: m, deps, status: 'intake' });
    expect(await run()).toBe(0);
    const [create, intake] = await tasksOf(c.id);
    expect(create).toMatchObject({ status: 'pending', attempts: 1 });
    expect(create?.last_error).toBeTruthy();
    expect(create?.next_attempt_at.getTime()).toBe(deps.clock.now().getTime() + 30_000);
    // a status never goes before its zaak
    expect(intake).toMatchObject({ status: 'pending', attempts: 0 });
    const page = await listZgwTasks(admin);
    expect(page.items.map((t) => t.step)).toEqual(['create', 'intake']);

    fake.cutNext(0);
    await retryZgwTask(admin, create?.id as string);
    expect(await run()).toBe(2);
    expect(fake.zaken).toHaveLength(1);
    expect(fake.statussen).toHaveLength(1);
    expect((await listZgwTasks(admin)).items).toEqual([]);
  });

  it('marks a task failed after the last attempt, kept for "opnieuw proberen"', async () => {
    const m = await buildMunicipality(db);
    const { fake, admin } = await zgwFor(m);
    fake.cutNext(1000);
    const c = await buildCase({ municipality: m, deps });
    const [task] = await tasksOf(c.id);
    await db.unsafeAdmin
      .updateTable('zgw_tasks')
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where('id', '=', task?.id as string)
      .execute();
    await run();
    expect((await tasksOf(c.id))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect((await listZgwTasks(admin)).items[0]).toMatchObject({ status: 'failed', step: 'create' });
    fake.cutNext(0);
    await retryZgwTask(admin, task?.id as string);
    expect(await run()).toBe(1);
    expect(fake.zaken).toHaveLength(1);
  });

  it('makes no second zaak when the answer to the creation was lost', async () => {
    const m = await buildMunicipality(db);
    const { fake } = await zgwFor(m);
    fake.loseNextCreateAnswer();
    const c = await buildCase({ municipality: m, deps });
    expect(await run()).toBe(0);
    expect(fake.zaken).toHaveLength(1);
    expect(await zaakOf(c.id)).toBeUndefined();
    await db.unsafeAdmin.updateTable('zgw_tasks').set({ next_attempt_at: deps.clock.now() }).where('case_id', '=', c.id).execute();
    expect(await run()).toBe(1);
    expect(fake.zaken).toHaveLength(1);
    expect((await zaakOf(c.id))?.zaak_url).toBe(fake.zaken[0]?.url);
  });

  it("uses each municipality's own settings only", async () => {
    const a = await buildMunicipality(db);
    const b = await buildMunicipality(db);
    const za = await zgwFor(a);
    const zb = await zgwFor(b);
    const ca = await buildCase({ municipality: a, deps });
    const cb = await buildCase({ municipality: b, deps });
    expect(await run()).toBe(2);
    expect(za.fake.zaken.map((z) => z.identificatie)).toEqual([ca.reference]);
    expect(zb.fake.zaken.map((z) => z.identificatie)).toEqual([cb.reference]);
    // B's admin sees none of A's tasks and cannot retry them
    const [taskA] = await tasksOf(ca.id);
    await expect(retryZgwTask(zb.admin, taskA?.id as string)).rejects.toMatchObject({ status: 404 });
  });
});
