// The mandate register as use-cases on a real database (PGlite and PostgreSQL):
// keeping mandates with their history, what may change once a mandate has been in
// force, loadMandates for the other modules, and the walls between municipalities.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { getCollaboration, startCollaboration, updateCollaboration } from '../collaborations/index.js';
import { createRule } from '../rules/index.js';
import { commitmentStatusOnRecord, mandatesHeldBy } from './index.js';
import { loadMandates } from './repo.js';
import { createMandate, endMandateValidity, getMandate, listMandates, updateMandate } from './service.js';

const { db } = withTestDb();

async function world() {
  const deps = testDeps(db, fixedClock('2026-03-02T09:00:00+01:00'));
  const m = await buildMunicipality(db);
  const admin = ctxFor(deps, await buildUser(db, m, { role: 'admin' }));
  const director = ctxFor(deps, await buildUser(db, m, { role: 'director' }));
  const alderman = await buildUser(db, m, { role: 'executive', name: 'Wethouder Pieters' });
  const initiator = await buildUser(db, m, { role: 'initiator' });
  return { deps, m, admin, director, alderman, initiator };
}

describe('keeping the mandate register', () => {
  it('records role and person mandates with the delegation, shows them to staff, and gives them to the checks', async () => {
    const w = await world();
    const role = await createMandate(w.admin, {
      holder: { kind: 'role', role: 'executive' },
      scope: { kind: 'commitMoney', upToCents: 5_000_000 },
      delegatedBy: ' het college ',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    const person = await createMandate(w.admin, {
      holder: { kind: 'person', userId: w.alderman.userId },
      scope: { kind: 'overrule', domain: 'economy' },
      delegatedBy: 'de burgemeester',
      validFrom: '2026-04-01',
      validUntil: '2026-12-31',
    });
    expect(role).toMatchObject({ delegatedBy: 'het college', inForceToday: true, version: 1 });
    expect(person).toMatchObject({ holderName: 'Wethouder Pieters', inForceToday: false });

    const list = await listMandates(w.director);
    expect(list.map((x) => x.id).sort()).toEqual([role.id, person.id].sort());
    expect((await listMandates(w.director, { inForceOn: '2026-03-02' })).map((x) => x.id)).toEqual([role.id]);

    const loaded = await db.tenant(w.m.id, (trx) => loadMandates(trx, w.m.id));
    expect(loaded).toContainEqual({
      id: person.id,
      holder: { kind: 'person', userId: w.alderman.userId },
      scope: { kind: 'overrule', domain: 'economy' },
      delegatedBy: 'de burgemeester',
      validFrom: '2026-04-01',
      validUntil: '2026-12-31',
      collaborationId: null,
    });
    expect(loaded).toContainEqual(expect.objectContaining({ id: role.id, scope: { kind: 'commitMoney', upToCents: 5_000_000 } }));

    const d = await getMandate(w.director, role.id);
    expect(d.abilities).toEqual({ update: false, endValidity: false });
    expect(d.history).toEqual([expect.objectContaining({ actor_id: w.admin.actor.userId, change: expect.objectContaining({ type: 'created' }) })]);
  });

  it('refuses a bad mandate with every field named, and writes nothing', async () => {
    const w = await world();
    const r = await refusal(
      createMandate(w.admin, {
        holder: { kind: 'person', userId: w.initiator.userId },
        scope: { kind: 'commitMoney', upToCents: 0 },
        delegatedBy: '',
        validFrom: '2026-03-01',
        validUntil: '2026-02-01',
      }),
    );
    expect(r.status).toBe(400);
    expect(r.fields.sort()).toEqual(['delegatedBy', 'holder.userId', 'scope.upToCents', 'validUntil']);
    expect(await db.unsafeAdmin.selectFrom('mandates').select('id').where('municipality_id', '=', w.m.id).execute()).toEqual([]);
  });

  it('refuses an exemption of a rule code that is not in the municipality’s register, on scope.ruleCode', async () => {
    const w = await world();
    const exemption = (ruleCode: string) =>
      ({
        holder: { kind: 'role', role: 'executive' },
        scope: { kind: 'grantExemption', ruleCode },
        delegatedBy: 'het college',
        validFrom: '2026-01-01',
        validUntil: null,
      }) as const;
    const r = await refusal(createMandate(w.admin, exemption('APV-9.99')));
    expect(r).toEqual({ status: 400, key: 'error.invalidInput', fields: ['scope.ruleCode'] });
    // Another municipality's register does not count.
    const other = await world();
    await createRule(other.admin, {
      code: 'APV-9.99',
      title: 'Elders',
      legalSource: 'APV',
      domain: 'economy',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    });
    expect((await refusal(createMandate(w.admin, exemption('APV-9.99')))).fields).toEqual(['scope.ruleCode']);
    await createRule(w.admin, {
      code: 'APV-9.99',
      title: 'Hier',
      legalSource: 'APV',
      domain: 'economy',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    });
    expect(await createMandate(w.admin, exemption('APV-9.99'))).toMatchObject({ scope: { kind: 'grantExemption', ruleCode: 'APV-9.99' } });
  });

  it('changes with If-Match, keeps who and what once in force, never shortens the past, and keeps the history', async () => {
    const w = await world();
    const m = await createMandate(w.admin, {
      holder: { kind: 'role', role: 'coordinator' },
      scope: { kind: 'agreePlan' },
      delegatedBy: 'de gemeentesecretaris',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    expect((await refusal(updateMandate(w.admin, { id: m.id, ifMatch: 7, changes: { delegatedBy: 'x' } }))).status).toBe(412);
    const who = await refusal(updateMandate(w.admin, { id: m.id, ifMatch: 1, changes: { holder: { kind: 'role', role: 'director' } } }));
    expect(who).toEqual({ status: 400, key: 'error.invalidInput', fields: ['holder'] });
    const past = await refusal(endMandateValidity(w.admin, { id: m.id, validUntil: '2026-03-01' }));
    expect(past.fields).toEqual(['validUntil']);

    const fixed = await updateMandate(w.admin, { id: m.id, ifMatch: 1, changes: { delegatedBy: 'de gemeentesecretaris (besluit 2026/12)' } });
    expect(fixed.version).toBe(2);
    const ended = await endMandateValidity(w.admin, { id: m.id, ifMatch: 2, validUntil: '2026-03-02' });
    expect(ended).toMatchObject({ validUntil: '2026-03-02', inForceToday: true, version: 3 });
    const { history } = await getMandate(w.admin, m.id);
    expect(history.map((h) => (h.change as { type: string }).type)).toEqual(['created', 'updated', 'ended']);
    expect(history[2]?.change).toEqual({ type: 'ended', changes: { validUntil: { from: null, to: '2026-03-02' } } });
  });

  it('lets only the admin keep it, and hides another municipality’s mandates', async () => {
    const w = await world();
    const input = {
      holder: { kind: 'role', role: 'executive' },
      scope: { kind: 'agreePlan' },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
    } as const;
    expect((await refusal(createMandate(w.director, input))).status).toBe(403);
    expect((await refusal(listMandates(ctxFor(w.deps, w.initiator)))).status).toBe(403);
    const mine = await createMandate(w.admin, input);
    const other = await world();
    expect((await refusal(getMandate(other.admin, mine.id))).status).toBe(404);
    expect((await refusal(updateMandate(other.admin, { id: mine.id, changes: { delegatedBy: 'x' } }))).status).toBe(404);
    expect(await listMandates(other.admin)).toEqual([]);
  });
});

describe('mandates within a collaboration (docs/product.md#mandates-within-a-collaboration)', () => {
  async function withCollaboration() {
    const w = await world();
    const owner = await buildUser(db, w.m, { role: 'coordinator', name: 'Carla Coördinator' });
    const c = await startCollaboration(w.admin, {
      name: 'Jeugdoverlast Centrum',
      description: '',
      goal: 'Minder overlast',
      ownerUserId: owner.userId,
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      phase: 'implementation',
      areaIds: [],
      themeIds: [],
      caseIds: [],
    });
    const scoped = (more: Record<string, unknown> = {}) => ({
      holder: { kind: 'person' as const, userId: owner.userId },
      scope: { kind: 'commitMoney' as const, upToCents: 250_000 },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
      collaborationId: c.id,
      ...more,
    });
    return { ...w, owner, c, scoped };
  }

  it('grants one to the owner, shows it with the collaboration’s name in the register and on the collaboration’s page', async () => {
    const w = await withCollaboration();
    const m = await createMandate(w.admin, w.scoped());
    expect(m).toMatchObject({ collaborationId: w.c.id, collaborationName: 'Jeugdoverlast Centrum', holderName: 'Carla Coördinator' });
    const inRegister = (await listMandates(w.director)).find((x) => x.id === m.id);
    expect(inRegister).toMatchObject({ collaborationId: w.c.id, collaborationName: 'Jeugdoverlast Centrum' });
    expect((await listMandates(w.director, { collaborationId: w.c.id })).map((x) => x.id)).toEqual([m.id]);
    expect((await getMandate(w.director, m.id)).mandate.collaborationName).toBe('Jeugdoverlast Centrum');
    // A mandate of the whole municipality is not on the collaboration's page.
    await createMandate(w.admin, { ...w.scoped(), collaborationId: null });
    expect((await getCollaboration(w.director, w.c.id)).mandates).toEqual([
      {
        id: m.id,
        holderName: 'Carla Coördinator',
        upToCents: 250_000,
        delegatedBy: 'het college',
        validFrom: '2026-01-01',
        validUntil: null,
        inForceToday: true,
      },
    ]);
  });

  it('checks it like every other mandate: within the collaboration only, never for a case commitment', async () => {
    const w = await withCollaboration();
    const m = await createMandate(w.admin, w.scoped());
    const loaded = await db.tenant(w.m.id, (trx) => loadMandates(trx, w.m.id));
    const subject = { userId: w.owner.userId, role: 'coordinator' as const };
    expect(mandatesHeldBy(subject, loaded).map((x) => x.id)).toEqual([]);
    expect(mandatesHeldBy(subject, loaded, w.c.id).map((x) => x.id)).toEqual([m.id]);
    const money = { kind: 'commitMoney' as const, amountCents: 100_000, madeOn: '2026-03-02' };
    expect(commitmentStatusOnRecord(mandatesHeldBy(subject, loaded, w.c.id), { ...money, collaborationId: w.c.id })).toBe('binding');
    expect(commitmentStatusOnRecord(mandatesHeldBy(subject, loaded), money)).toBe('needsConfirmation');
    expect(commitmentStatusOnRecord(loaded, { ...money, collaborationId: 'f0000000-0000-4000-8000-000000000000' })).toBe('needsConfirmation');
  });

  it('refuses a holder other than the owner, a role, another scope and an unknown collaboration; writes nothing', async () => {
    const w = await withCollaboration();
    const notOwner = await refusal(createMandate(w.admin, w.scoped({ holder: { kind: 'person', userId: w.alderman.userId } })));
    expect(notOwner).toEqual({ status: 400, key: 'error.invalidInput', fields: ['holder.userId'] });
    expect((await refusal(createMandate(w.admin, w.scoped({ holder: { kind: 'role', role: 'coordinator' } })))).fields).toEqual(['holder']);
    expect((await refusal(createMandate(w.admin, w.scoped({ scope: { kind: 'agreePlan' } })))).fields).toEqual(['scope']);
    const other = await withCollaboration();
    // Another municipality's collaboration is not found from here.
    expect((await refusal(createMandate(w.admin, w.scoped({ collaborationId: other.c.id })))).fields).toEqual(['collaborationId']);
    expect(await db.unsafeAdmin.selectFrom('mandates').select('id').where('municipality_id', '=', w.m.id).execute()).toEqual([]);
    // The database holds the same line.
    await expect(
      db.unsafeAdmin
        .insertInto('mandates')
        .values({
          municipality_id: w.m.id,
          holder_kind: 'role',
          holder_role: 'coordinator',
          scope_kind: 'commitMoney',
          scope_up_to_cents: 1,
          delegated_by: 'x',
          valid_from: '2026-01-01',
          collaboration_id: w.c.id,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('keeps the past citable: the collaboration is fixed once in force; after a change of owner it can still be ended', async () => {
    const w = await withCollaboration();
    const m = await createMandate(w.admin, w.scoped());
    const other = await startCollaboration(w.admin, {
      name: 'Buurtpreventie',
      description: '',
      goal: '',
      ownerUserId: w.owner.userId,
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      phase: 'agenda',
      areaIds: [],
      themeIds: [],
      caseIds: [],
    });
    const moved = await refusal(updateMandate(w.admin, { id: m.id, ifMatch: 1, changes: { collaborationId: other.id } }));
    expect(moved).toEqual({ status: 400, key: 'error.invalidInput', fields: ['collaborationId'] });
    expect((await refusal(updateMandate(w.admin, { id: m.id, changes: { collaborationId: null } }))).fields).toEqual(['collaborationId']);
    // A new owner: the mandate stays with the person it names until the admin ends it.
    const next = await buildUser(db, w.m, { role: 'director', name: 'Nieuwe Eigenaar' });
    await updateCollaboration(w.admin, { id: w.c.id, changes: { ownerUserId: next.userId } });
    const ended = await endMandateValidity(w.admin, { id: m.id, ifMatch: 1, validUntil: '2026-03-02' });
    expect(ended).toMatchObject({ validUntil: '2026-03-02', collaborationName: 'Jeugdoverlast Centrum', version: 2 });
    expect((await refusal(endMandateValidity(w.admin, { id: m.id, validUntil: '2026-03-01' }))).fields).toEqual(['validUntil']);
    // Before it comes into force, a mandate can be moved to the new owner, not to someone else.
    const future = await createMandate(w.admin, w.scoped({ holder: { kind: 'person', userId: next.userId }, validFrom: '2026-06-01' }));
    expect((await refusal(updateMandate(w.admin, { id: future.id, changes: { holder: { kind: 'person', userId: w.owner.userId } } }))).fields).toEqual([
      'holder.userId',
    ]);
    const { history } = await getMandate(w.admin, m.id);
    expect(history.map((h) => (h.change as { type: string }).type)).toEqual(['created', 'ended']);
  });
});
