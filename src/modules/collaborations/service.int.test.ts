// Collaborations as use-cases on a real database (PGlite and PostgreSQL): starting one,
// goal and progress, parties with contribution/power/yield, the phase history, the
// timeline, the health check on the page, who may do what, and the wall between
// municipalities (docs/product.md#collaborations).
import { describe, expect, it } from 'vitest';
import { type Clock, fixedClock } from '../../kernel/clock.js';
import { withTestDb } from '../../testing/db.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import type { PartyFields } from './model.js';
import { addParty, addTarget, changePhase, getCollaboration, recordReading, startCollaboration, updateCollaboration, updateParty } from './service.js';

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
