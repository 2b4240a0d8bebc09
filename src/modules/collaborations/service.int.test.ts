// Collaborations as use-cases on a real database (PGlite and PostgreSQL): starting one,
// goal and progress, parties with contribution/power/yield, the phase history, the
// timeline, the health check on the page, who may do what, and the wall between
// municipalities (docs/product.md#collaborations).
import { describe, expect, it } from 'vitest';
import { type Clock, fixedClock } from '../../kernel/clock.js';
import { withTestDb } from '../../testing/db.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { refreshDueHealth } from './jobs.js';
import type { PartyFields } from './model.js';
import { listCollaborations } from './queries.js';
import {
  addParty,
  addTarget,
  type CollaborationView,
  changePhase,
  getCollaboration,
  recordReading,
  startCollaboration,
  updateCollaboration,
  updateParty,
  updateTarget,
} from './service.js';

const { db } = withTestDb();

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (x: string) => {
      now = new Date(x);
    },
  };
}

async function world(clock: Clock = fixedClock('2026-03-02T09:00:00+01:00')) {
  const deps = testDeps(db, clock);
  const m = await buildMunicipality(db);
  const director = await buildUser(db, m, { role: 'director', name: 'Ria Regisseur' });
  const as = async (role: Parameters<typeof buildUser>[2]['role']) => ctxFor(deps, await buildUser(db, m, { role }));
  return {
    deps,
    m,
    director,
    owner: ctxFor(deps, director),
    coordinator: await as('coordinator'),
    admin: await as('admin'),
    council: await as('council'),
    executive: await as('executive'),
    specialist: await as('specialist'),
    otherDirector: await as('director'),
    initiator: await as('initiator'),
  };
}

const org = (name: string, more: Partial<PartyFields> = {}): PartyFields => ({
  kind: 'organisation',
  departmentId: null,
  municipalityId: null,
  name,
  orgType: 'nonprofit',
  kvkNumber: null,
  contactName: null,
  contactEmail: null,
  decidesAlone: [],
  decidesTogether: [],
  finalSay: [],
  yield: '',
  contributions: [],
  ...more,
});

async function youthNuisance(w: Awaited<ReturnType<typeof world>>) {
  return startCollaboration(w.owner, {
    name: '  Jeugdoverlast Centrum ',
    description: 'Samen tegen jeugdoverlast rond het winkelcentrum.',
    goal: 'Minder overlast door jongeren in het centrum',
    ownerUserId: w.director.userId,
    phase: 'policy',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'review',
    areaIds: [w.m.areaIds[0] as string],
    themeIds: [w.m.themeIds[1] as string],
    caseIds: [],
  });
}

describe('keeping a collaboration', () => {
  it('starts one with its phase, links and a timeline, and checks its health from the start', async () => {
    const w = await world();
    const c = await youthNuisance(w);
    expect(c).toMatchObject({
      name: 'Jeugdoverlast Centrum',
      ownerName: 'Ria Regisseur',
      phase: 'policy',
      phaseSince: '2026-03-02',
      endKind: 'review',
      version: 1,
      abilities: { edit: true },
    });
    expect(c.areas.map((a) => a.id)).toEqual([w.m.areaIds[0]]);
    expect(c.themes.map((t) => t.id)).toEqual([w.m.themeIds[1]]);
    expect(c.phases).toEqual([{ phase: 'policy', since: '2026-03-02' }]);
    expect(c.timeline.map((e) => e.type)).toEqual(['collaboration.started']);
    expect(c.timeline[0]).toMatchObject({ actorName: 'Ria Regisseur', payload: { name: 'Jeugdoverlast Centrum', phase: 'policy' } });
    expect(c.health.issues.map((i) => i.code)).toEqual(['goalWithoutTarget', 'powerNotSettled']);
    expect(c.health.issues[0]?.text).toBe('Het doel heeft geen meetbaar streefcijfer. Ria Regisseur legt vast waaraan de samenwerking wordt afgemeten.');
  });

  it('the youth-nuisance collaboration: a target, four parties, a reading, and the party without a yield flagged', async () => {
    const w = await world();
    const c = await youthNuisance(w);
    let v = await addTarget(w.owner, {
      collaborationId: c.id,
      indicator: 'Meldingen jeugdoverlast',
      baseline: 42,
      targetValue: 20,
      unit: 'per kwartaal',
      targetOn: '2026-12-31',
    });
    const target = v.targets[0];
    expect(target).toMatchObject({ indicator: 'Meldingen jeugdoverlast', baseline: 42, targetValue: 20, unit: 'per kwartaal', readings: [] });
    v = await recordReading(w.owner, { collaborationId: c.id, targetId: target?.id as string, readOn: '2026-02-28', value: 35.5, note: 'Eerste kwartaal' });
    expect(v.targets[0]?.readings).toEqual([{ id: expect.any(String), readOn: '2026-02-28', value: 35.5, note: 'Eerste kwartaal' }]);

    await addParty(w.owner, {
      collaborationId: c.id,
      ...org('Gemeente: Openbare orde en veiligheid', {
        kind: 'department',
        departmentId: w.m.departmentIds[1] as string,
        orgType: 'public',
        finalSay: ['Inzet boa’s', ' '],
        decidesTogether: ['Aanpak per straat'],
        yield: 'Minder meldingen',
        contributions: [{ kind: 'money', amount: 2_500_000, description: 'Budget jongerenwerk' }],
      }),
    });
    await addParty(w.owner, {
      collaborationId: c.id,
      ...org('Politie Midden-Nederland', {
        orgType: 'public',
        contactName: 'Wijkagent De Vries',
        contactEmail: 'devries@politie.example',
        decidesAlone: ['Surveillance'],
        yield: 'Minder inzet op meldingen',
        contributions: [{ kind: 'hours', amount: 160, description: 'Wijkagent' }],
      }),
    });
    await addParty(w.owner, {
      collaborationId: c.id,
      ...org('Winkeliersvereniging Centrum', {
        orgType: 'private',
        kvkNumber: '12345678',
        yield: 'Een veilig winkelgebied',
        contributions: [{ kind: 'assets', amount: null, description: 'Camera’s bij de ingangen' }],
      }),
    });
    v = await addParty(w.owner, {
      collaborationId: c.id,
      ...org('Sportclub De Toekomst', {
        contributions: [{ kind: 'data', amount: null, description: 'Ledenaantallen jeugd' }],
      }),
    });
    expect(v.parties).toHaveLength(4);
    expect(v.parties[0]).toMatchObject({
      kind: 'department',
      departmentId: w.m.departmentIds[1],
      finalSay: ['Inzet boa’s'],
      contributions: [{ kind: 'money', amount: 2_500_000, description: 'Budget jongerenwerk' }],
    });
    expect(v.parties[2]).toMatchObject({ kvkNumber: '12345678', orgType: 'private' });
    expect(v.health.issues).toEqual([
      {
        code: 'partyWithoutYield',
        actor: 'Ria Regisseur',
        party: 'Sportclub De Toekomst',
        text: 'Voor Sportclub De Toekomst staat niet vast wat het oplevert. Ria Regisseur spreekt dat met Sportclub De Toekomst af.',
      },
    ]);
    expect(v.timeline.map((e) => e.type)).toEqual([
      'collaboration.partyAdded',
      'collaboration.partyAdded',
      'collaboration.partyAdded',
      'collaboration.partyAdded',
      'collaboration.progressRead',
      'collaboration.targetAdded',
      'collaboration.started',
    ]);

    // The sports club settles its yield: the health check is clear.
    const club = v.parties[3];
    v = await updateParty(w.owner, { collaborationId: c.id, partyId: club?.id as string, ifMatch: 1, changes: { yield: 'Jongeren op het veld' } });
    expect(v.health.issues).toEqual([]);
    expect(v.parties[3]).toMatchObject({ yield: 'Jongeren op het veld', version: 2 });
    expect(v.timeline[0]).toMatchObject({
      type: 'collaboration.partyUpdated',
      payload: { name: 'Sportclub De Toekomst', changes: { yield: { from: '', to: 'Jongeren op het veld' } } },
    });
    // A stale party version is refused.
    expect(await refusal(updateParty(w.owner, { collaborationId: c.id, partyId: club?.id as string, ifMatch: 1, changes: { yield: 'x' } }))).toMatchObject({
      status: 412,
    });
  });

  it('keeps the phase history and records a later end date as the decision to extend', async () => {
    const clock = movableClock('2026-03-02T09:00:00+01:00');
    const w = await world(clock);
    const c = await youthNuisance(w);
    clock.set('2026-06-15T10:00:00+02:00');
    let v = await changePhase(w.coordinator, { id: c.id, ifMatch: c.version, phase: 'implementation' });
    expect(v.phases).toEqual([
      { phase: 'policy', since: '2026-03-02' },
      { phase: 'implementation', since: '2026-06-15' },
    ]);
    expect(v).toMatchObject({ phase: 'implementation', phaseSince: '2026-06-15', version: 2 });
    expect(await refusal(changePhase(w.owner, { id: c.id, phase: 'implementation' }))).toMatchObject({ status: 409 });

    // Past the end date without a decision: flagged; extending clears it.
    clock.set('2027-01-05T10:00:00+01:00');
    v = await getCollaboration(w.council, c.id);
    expect(v.health.issues.map((i) => i.code)).toContain('endPassed');
    v = await updateCollaboration(w.owner, { id: c.id, ifMatch: v.version, changes: { endOn: '2027-06-30' } });
    expect(v.health.issues.map((i) => i.code)).not.toContain('endPassed');
    expect(v.timeline[0]).toMatchObject({ type: 'collaboration.extended', payload: { from: '2026-12-31', to: '2027-06-30' } });
    // A stale version is refused.
    expect(await refusal(updateCollaboration(w.owner, { id: c.id, ifMatch: 1, changes: { name: 'Nieuw' } }))).toMatchObject({ status: 412 });
  });

  it('links cases and changes fields with a diff on the timeline', async () => {
    const w = await world();
    const c = await youthNuisance(w);
    const k = await buildCase({ municipality: w.m, deps: w.deps });
    const v = await updateCollaboration(w.admin, {
      id: c.id,
      changes: { caseIds: [k.id], themeIds: [], name: 'Jeugd en veiligheid Centrum' },
    });
    expect(v.cases).toEqual([expect.objectContaining({ id: k.id, reference: k.reference })]);
    expect(v.themes).toEqual([]);
    expect(v.timeline[0]).toMatchObject({
      type: 'collaboration.updated',
      payload: { changes: { name: { from: 'Jeugdoverlast Centrum', to: 'Jeugd en veiligheid Centrum' }, caseIds: { from: [], to: [k.id] } } },
    });
    expect(await refusal(updateCollaboration(w.admin, { id: c.id, changes: { name: 'Jeugd en veiligheid Centrum' } }))).toMatchObject({
      status: 409,
    });
  });
});

describe('refusing bad input, every problem at once', () => {
  it('refuses an owner who is not a director or coordinator, unknown links, and an end before the start', async () => {
    const w = await world();
    const other = await buildMunicipality(db);
    const r = await refusal(
      startCollaboration(w.owner, {
        name: '',
        description: '',
        goal: '',
        ownerUserId: w.council.actor.userId,
        phase: 'agenda',
        startOn: '2026-05-01',
        endOn: '2026-04-01',
        endKind: 'end',
        areaIds: [other.areaIds[0] as string],
        themeIds: [],
        caseIds: [],
      }),
    );
    expect(r).toEqual({ status: 400, key: 'error.invalidInput', fields: ['name', 'endOn', 'ownerUserId', 'areaIds'] });
  });

  it('refuses bad parties: a KvK number, a department of another municipality, the own municipality as the other one', async () => {
    const w = await world();
    const other = await buildMunicipality(db);
    const c = await youthNuisance(w);
    expect(await refusal(addParty(w.owner, { collaborationId: c.id, ...org('Bakker', { kvkNumber: '123' }) }))).toMatchObject({
      status: 400,
      fields: ['kvkNumber'],
    });
    expect(
      await refusal(addParty(w.owner, { collaborationId: c.id, ...org('Afdeling', { kind: 'department', departmentId: other.departmentIds[0] as string }) })),
    ).toMatchObject({ status: 400, fields: ['departmentId'] });
    expect(await refusal(addParty(w.owner, { collaborationId: c.id, ...org('Wij', { kind: 'municipality', municipalityId: w.m.id }) }))).toMatchObject({
      status: 400,
      fields: ['municipalityId'],
    });
    // Another municipality of the installation is a party by its id.
    const v = await addParty(w.owner, {
      collaborationId: c.id,
      ...org('Gemeente Naburg', { kind: 'municipality', municipalityId: other.id, orgType: 'public' }),
    });
    expect(v.parties[0]).toMatchObject({ kind: 'municipality', municipalityId: other.id });
    expect(
      await refusal(
        recordReading(w.owner, { collaborationId: c.id, targetId: '00000000-0000-4000-8000-000000000000', readOn: '2026-03-01', value: 1, note: '' }),
      ),
    ).toMatchObject({ status: 404 });
    const t = await addTarget(w.owner, { collaborationId: c.id, indicator: 'X', baseline: 0, targetValue: 1, unit: 'st', targetOn: '2026-12-31' });
    expect(
      await refusal(recordReading(w.owner, { collaborationId: c.id, targetId: t.targets[0]?.id as string, readOn: '2026-03-03', value: 1, note: '' })),
    ).toMatchObject({ status: 400, fields: ['readOn'] });
  });
});

describe('who may', () => {
  it('lets the readers read, the owner, a coordinator and an admin edit, and refuses the rest', async () => {
    const w = await world();
    const c = await youthNuisance(w);
    for (const r of [w.council, w.executive, w.otherDirector]) {
      const v = await getCollaboration(r, c.id);
      expect(v.abilities).toEqual({ edit: false });
      expect(await refusal(changePhase(r, { id: c.id, phase: 'evaluation' }))).toMatchObject({ status: 403 });
    }
    expect((await getCollaboration(w.coordinator, c.id)).abilities).toEqual({ edit: true });
    expect((await getCollaboration(w.admin, c.id)).abilities).toEqual({ edit: true });
    // Specialists and initiators see nothing of it.
    for (const r of [w.specialist, w.initiator]) {
      expect(await refusal(getCollaboration(r, c.id))).toMatchObject({ status: 404 });
      expect(await refusal(changePhase(r, { id: c.id, phase: 'evaluation' }))).toMatchObject({ status: 404 });
    }
    expect(await refusal(youthNuisance({ ...w, owner: w.council }))).toMatchObject({ status: 403 });
  });

  it('never shows another municipality’s collaboration, not even to its admin', async () => {
    const w = await world();
    const c = await youthNuisance(w);
    const o = await world();
    expect(await refusal(getCollaboration(o.admin, c.id))).toMatchObject({ status: 404 });
    expect(await refusal(changePhase(o.coordinator, { id: c.id, phase: 'evaluation' }))).toMatchObject({ status: 404 });
    // Row-level security hides its rows even from a query that forgets the filter.
    const seen = await db.tenant(o.m.id, (trx) => trx.selectFrom('collaborations').select('id').where('id', '=', c.id).execute());
    expect(seen).toEqual([]);
  });
});

describe('the stored health (docs/product.md#the-health-check-of-a-collaboration)', () => {
  const stored = async (id: string) =>
    db.unsafeAdmin.selectFrom('collaborations').select(['health', 'health_issue_count', 'health_checked_on']).where('id', '=', id).executeTakeFirstOrThrow();
  /** The stored findings equal the health check on the page (computed from scratch there), with the day they were checked. */
  async function expectStoredEqualsCheck(v: CollaborationView, today: string) {
    const s = await stored(v.id);
    const fromCheck = v.health.issues.map(({ text: _t, ...i }) => i);
    expect(s.health).toEqual(fromCheck);
    expect(s.health_issue_count).toBe(fromCheck.length);
    expect(s.health_checked_on).toBe(today);
  }

  it('after each use-case equals the health check, and the overview filters on it', async () => {
    const clock = movableClock('2026-03-02T09:00:00+01:00');
    const w = await world(clock);
    let v = await youthNuisance(w);
    await expectStoredEqualsCheck(v, '2026-03-02');
    v = await addTarget(w.owner, { collaborationId: v.id, indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'per maand', targetOn: '2026-12-31' });
    await expectStoredEqualsCheck(v, '2026-03-02');
    const targetId = v.targets[0]?.id as string;
    v = await updateTarget(w.owner, { collaborationId: v.id, targetId, ifMatch: v.version, changes: { targetValue: 15, unit: ' per kwartaal ' } });
    expect(v.targets[0]).toMatchObject({ targetValue: 15, unit: 'per kwartaal', baseline: 40 });
    expect(v.timeline[0]).toMatchObject({
      type: 'collaboration.targetUpdated',
      payload: { targetId, indicator: 'Meldingen', changes: { targetValue: { from: 20, to: 15 }, unit: { from: 'per maand', to: 'per kwartaal' } } },
    });
    await expectStoredEqualsCheck(v, '2026-03-02');
    v = await recordReading(w.owner, { collaborationId: v.id, targetId, readOn: '2026-03-01', value: 35, note: '' });
    await expectStoredEqualsCheck(v, '2026-03-02');
    v = await addParty(w.owner, { collaborationId: v.id, ...org('Politie', { finalSay: ['handhaving'] }) });
    await expectStoredEqualsCheck(v, '2026-03-02');
    expect(v.health.issues.map((i) => i.code)).toEqual(['partyWithoutContribution', 'partyWithoutYield']);
    const partyId = v.parties[0]?.id as string;
    v = await updateParty(w.owner, {
      collaborationId: v.id,
      partyId,
      changes: { yield: 'Minder meldingen', contributions: [{ kind: 'hours', amount: 100, description: '' }] },
    });
    await expectStoredEqualsCheck(v, '2026-03-02');
    expect(v.health.issues).toEqual([]);
    v = await changePhase(w.owner, { id: v.id, ifMatch: v.version, phase: 'implementation' });
    await expectStoredEqualsCheck(v, '2026-03-02');
    v = await updateCollaboration(w.owner, { id: v.id, changes: { endOn: '2026-03-01', startOn: '2026-01-01' } });
    await expectStoredEqualsCheck(v, '2026-03-02');
    expect(v.health.issues.map((i) => i.code)).toEqual(['endPassed']);

    clock.set('2026-03-02T10:00:00+01:00'); // newer, so first in the overview
    const other = await startCollaboration(w.owner, {
      name: 'Gezond',
      description: '',
      goal: '',
      ownerUserId: w.director.userId,
      phase: 'agenda',
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      areaIds: [],
      themeIds: [],
      caseIds: [],
    });
    const names = async (f: Parameters<typeof listCollaborations>[1]) => (await listCollaborations(w.council, f)).items.map((i) => i.name);
    expect(await names({ limit: 10, health: 'with' })).toEqual(['Gezond', 'Jeugdoverlast Centrum']);
    v = await updateCollaboration(w.owner, { id: v.id, changes: { endOn: '2026-12-31' } });
    expect(await names({ limit: 10, health: 'without' })).toEqual(['Jeugdoverlast Centrum']);
    expect(await names({ limit: 10, health: 'with' })).toEqual(['Gezond']);
    expect(await names({ limit: 10, health: 'without', phase: 'agenda' })).toEqual([]);
    const item = (await listCollaborations(w.council, { limit: 10, health: 'with' })).items[0];
    expect(item?.health.map((i) => i.text)).toEqual((await getCollaboration(w.council, other.id)).health.issues.map((i) => i.text));
  });

  it('the daily job adds the findings that come with time, and equals the health check after it', async () => {
    const clock = movableClock('2026-03-02T09:00:00+01:00');
    const w = await world(clock);
    let v = await youthNuisance(w);
    v = await addTarget(w.owner, { collaborationId: v.id, indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'st', targetOn: '2026-12-31' });
    v = await addParty(w.owner, {
      collaborationId: v.id,
      ...org('Politie', { finalSay: ['handhaving'], yield: 'Rust', contributions: [{ kind: 'hours', amount: 10, description: '' }] }),
    });
    expect(v.health.issues).toEqual([]);
    expect(await refreshDueHealth(w.deps)).toBe(0); // already checked today
    // A year and a half later: past the end date, no reading for 90 days, the phase unchanged for a year.
    clock.set('2027-09-01T09:00:00+02:00');
    expect((await listCollaborations(w.council, { limit: 10, health: 'with' })).items).toEqual([]); // not yet checked today
    expect(await refreshDueHealth(w.deps)).toBeGreaterThanOrEqual(1);
    const page = await getCollaboration(w.council, v.id);
    expect(page.health.issues.map((i) => i.code)).toEqual(['endPassed', 'noRecentReading', 'phaseStale']);
    await expectStoredEqualsCheck(page, '2027-09-01');
    expect((await listCollaborations(w.council, { limit: 10, health: 'with' })).items.map((i) => i.id)).toEqual([v.id]);
    expect(await refreshDueHealth(w.deps)).toBe(0);
  });

  it('refuses a bad change of a target with the fields named, and an unknown target with 404', async () => {
    const w = await world();
    let v = await youthNuisance(w);
    v = await addTarget(w.owner, { collaborationId: v.id, indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'st', targetOn: '2026-12-31' });
    const targetId = v.targets[0]?.id as string;
    expect(await refusal(updateTarget(w.owner, { collaborationId: v.id, targetId, changes: { indicator: ' ', targetOn: '2026-02-30' } }))).toEqual({
      status: 400,
      key: 'error.invalidInput',
      fields: ['indicator', 'targetOn'],
    });
    expect((await refusal(updateTarget(w.owner, { collaborationId: v.id, targetId, changes: { baseline: 40 } }))).status).toBe(409);
    expect((await refusal(updateTarget(w.owner, { collaborationId: v.id, targetId, ifMatch: 1, changes: { baseline: 30 } }))).status).toBe(412);
    expect((await refusal(updateTarget(w.owner, { collaborationId: v.id, targetId: v.id, changes: { baseline: 30 } }))).status).toBe(404);
    expect((await refusal(updateTarget(w.council, { collaborationId: v.id, targetId, changes: { baseline: 30 } }))).status).toBe(403);
  });
});
