// The story of the verfspuiterij, replayed through the API as an adversary would
// (docs/product.md#the-assessment-round, docs/product.md#yes-by-silence,
// docs/product.md#overrule-within-mandate, docs/product.md#one-consolidated-outcome):
// no silent consent from a party nobody could ask, a summary that tells the truth,
// a standing objection blocks the plan, and an overrule stays overruled.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, ctxFor } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { createApiToken } from '../identity/index.js';
import { createRule } from '../rules/index.js';
import { closeDueRounds } from './jobs.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule } from './testing.js';

let w: AssessmentWorld;
const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
beforeAll(async () => {
  w = await assessmentWorld(t.db);
  w.deps.clock = clock;
  await grantOverrule(t.db, w.m.id, { userId: w.executive.userId }, 'physical');
}, 60_000);

const tokens = new Map<string, string>();
const api = async (a: Actor | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  let token = a && tokens.get(a.userId);
  if (a && !token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  return t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
};
const ok = async (res: Awaited<ReturnType<typeof api>>, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const why = 'Een verfspuiterij is milieucategorie 3; hier mag ten hoogste categorie 2.';
const how = 'Een werkplaats zonder spuitcabine, of het bedrijventerrein.';
const proposal = 'Verfspuiterij in de loods aan de Havenweg 12';
const objection = (ruleId: string) => ({ kind: 'objection', ruleIds: [ruleId], whyApplies: why, howItCouldBeDone: how });
const [zoningDept, safetyDept] = [() => w.m.departmentIds[0] as string, () => w.m.departmentIds[1] as string];

async function openRound(caseId: string, body: { departmentIds?: string[]; proposal?: string; outsideParties?: unknown[] } = {}) {
  const round = await ok(
    await api(w.director, 'POST', `/cases/${caseId}/assessment-rounds`, {
      proposal: body.proposal ?? proposal,
      departmentIds: body.departmentIds ?? [zoningDept()],
      outsideParties: body.outsideParties ?? [],
    }),
    201,
  );
  const party = (name: string) => round.parties.find((p: { name: string }) => p.name === name).id as string;
  return { round, party };
}

async function savePlan(caseId: string) {
  const plan = await ok(
    await api(w.director, 'PUT', `/cases/${caseId}/plan`, {
      goal: 'De verfspuiterij opent in de loods.',
      actions: [{ description: 'Omgevingsvergunning aanvragen', ownerKind: 'initiator', dueOn: '2026-06-01' }],
    }),
  );
  return plan.current.version as number;
}

describe('no silent consent from a party nobody asked', () => {
  it('refuses a round that asks a department without an active specialist, naming the department (409), and writes nothing', async () => {
    const caseId = await w.newCase();
    const [dept] = await t.db.unsafeAdmin
      .insertInto('departments')
      .values({ municipality_id: w.m.id, name: 'Erfgoed', domain: 'physical' })
      .returning('id')
      .execute();
    const res = await api(w.director, 'POST', `/cases/${caseId}/assessment-rounds`, { proposal, departmentIds: [zoningDept(), dept?.id] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('Afdeling Erfgoed heeft geen actieve specialist; niemand kan antwoorden');
    const rounds = await t.db.unsafeAdmin.selectFrom('assessment_rounds').select('id').where('case_id', '=', caseId).execute();
    expect(rounds).toEqual([]);
  });

  it('records no yes by silence for a department whose only specialist left after the round opened: not reached, and the director is told', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    // A department of its own, so deactivating its one specialist touches no other test.
    const [dept] = await t.db.unsafeAdmin
      .insertInto('departments')
      .values({ municipality_id: w.m.id, name: 'Milieu', domain: 'physical' })
      .returning('id')
      .execute();
    const leaver = await actorOf('specialist', { municipality: w.m, department: dept?.id });
    const { party } = await openRound(caseId, { departmentIds: [zoningDept(), dept?.id as string] });
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${party('Ruimtelijke ordening')}/answer`, { kind: 'yes' }));
    await t.db.unsafeAdmin.updateTable('users').set({ active: false }).where('id', '=', leaver.userId).execute();

    clock.set('2026-03-17T09:00:00+01:00');
    await closeDueRounds(w.deps);
    const a = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    const milieu = a.rounds[0].parties.find((p: { name: string }) => p.name === 'Milieu');
    expect(a.rounds[0].status).toBe('closed');
    expect(milieu.answer).toBeNull();
    expect(a.summary).toMatchObject({ state: 'incomplete', notReached: 1, yes: 1, silence: 0 });
    const silence = await t.db.unsafeAdmin.selectFrom('assessment_answers').select('id').where('party_id', '=', milieu.id).execute();
    expect(silence).toEqual([]);
    const events = await t.db.unsafeAdmin.selectFrom('events').select(['type', 'payload']).where('case_id', '=', caseId).execute();
    expect(events.find((e) => e.type === 'assessment.notReached')?.payload).toMatchObject({ parties: [{ id: milieu.id, name: 'Milieu' }] });
    const mail = await t.db.unsafeAdmin
      .selectFrom('outbox')
      .select('body_text')
      .where(
        'to_address',
        '=',
        (await t.db.unsafeAdmin.selectFrom('users').select('email').where('id', '=', w.director.userId).executeTakeFirstOrThrow()).email,
      )
      .where('subject', 'like', '%toetsronde 1 gesloten%')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Niet bereikt');
    expect(mail.body_text).toContain('Milieu');
  });
});

describe('no silent consent from an outside party the invitation never reached', () => {
  it('records no yes by silence when the request mail bounced and was never delivered; the director is told', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const bounced = `onbereikbaar-${Date.now()}@example.nl`;
    const reached = `buren-${Date.now()}@example.nl`;
    const { party } = await openRound(caseId, {
      departmentIds: [],
      outsideParties: [
        { name: 'Onbereikbare buurman', email: bounced },
        { name: 'Buurvereniging', email: reached },
      ],
    });
    // The mail server refused the first address; the other was delivered.
    await t.db.unsafeAdmin.updateTable('outbox').set({ attempts: 5, last_error: '550 5.1.1 mailbox unavailable' }).where('to_address', '=', bounced).execute();
    await t.db.unsafeAdmin.updateTable('outbox').set({ status: 'sent', attempts: 1 }).where('to_address', '=', reached).execute();

    clock.set('2026-03-17T09:00:00+01:00');
    await closeDueRounds(w.deps);
    const a = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    const byName = Object.fromEntries(a.rounds[0].parties.map((p: { name: string }) => [p.name, p]));
    expect(byName['Onbereikbare buurman'].answer).toBeNull();
    expect(byName.Buurvereniging.answer.kind).toBe('silence');
    expect(a.summary).toMatchObject({ state: 'incomplete', notReached: 1, silence: 1 });
    const events = await t.db.unsafeAdmin.selectFrom('events').select(['type', 'payload']).where('case_id', '=', caseId).execute();
    expect(events.find((e) => e.type === 'assessment.notReached')?.payload).toMatchObject({
      parties: [{ id: party('Onbereikbare buurman'), name: 'Onbereikbare buurman' }],
    });
  });
});

describe('the round summary tells the truth', () => {
  it('says nobody answered yet right after opening, and consent only once the round closed without objections', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const { party } = await openRound(caseId, { departmentIds: [zoningDept(), safetyDept()] });
    const fresh = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(fresh.summary).toMatchObject({ state: 'open', pending: 2, yes: 0, objections: 0 });
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${party('Ruimtelijke ordening')}/answer`, { kind: 'yes' }));
    const half = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(half.summary).toMatchObject({ state: 'open', pending: 1, yes: 1 });
    await ok(await api(w.safetySpecialist, 'PUT', `/assessment-parties/${party('Openbare orde en veiligheid')}/answer`, { kind: 'yes' }));
    const done = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(done.summary).toMatchObject({ state: 'consent', pending: 0, yes: 2 });
  });
});

describe('a standing objection blocks agreement', () => {
  it('refuses to agree the plan while an objection stands, says why, and lets it through once the party withdraws it', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const { party } = await openRound(caseId);
    const zoning = party('Ruimtelijke ordening');
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${zoning}/answer`, objection(w.rules.zoning)));
    const version = await savePlan(caseId);

    const plan = await ok(await api(w.initiator, 'GET', `/cases/${caseId}/plan`));
    expect(plan.abilities).toMatchObject({ agree: false, agreeBlockedBy: 'standingObjection' });
    for (const who of [w.director, w.initiator]) {
      const res = await api(who, 'POST', `/cases/${caseId}/plan/agreements`, { version });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().detail).toContain('Ruimtelijke ordening');
    }

    // Only the party itself withdraws its objection.
    expect((await api(w.safetySpecialist, 'POST', `/assessment-parties/${zoning}/withdrawal`, { reason: 'Toch niet' })).statusCode).toBe(403);
    const withdrawn = await ok(
      await api(w.specialist, 'POST', `/assessment-parties/${zoning}/withdrawal`, { reason: 'De loods krijgt een filterinstallatie.' }),
    );
    expect(withdrawn.answer.withdrawal).toMatchObject({ reason: 'De loods krijgt een filterinstallatie.', by: { name: w.specialist.name } });
    const a = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(a.outcome.objections[0]).toMatchObject({ partyName: 'Ruimtelijke ordening', standing: false, resolution: { by: 'withdrawn' } });
    const events = await t.db.unsafeAdmin.selectFrom('events').select('type').where('case_id', '=', caseId).execute();
    expect(events.map((e) => e.type)).toContain('assessment.objectionWithdrawn');

    expect((await ok(await api(w.initiator, 'GET', `/cases/${caseId}/plan`))).abilities).toMatchObject({ agree: true, agreeBlockedBy: null });
    await ok(await api(w.director, 'POST', `/cases/${caseId}/plan/agreements`, { version }));
    await ok(await api(w.initiator, 'POST', `/cases/${caseId}/plan/agreements`, { version }));
    expect((await ok(await api(w.director, 'GET', `/cases/${caseId}`))).status).toBe('executing');
  });

  it('a strict objection blocks until a changed proposal in a new round takes it away; an overruled one does not block', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const { party } = await openRound(caseId, { departmentIds: [zoningDept(), safetyDept()] });
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${party('Ruimtelijke ordening')}/answer`, objection(w.rules.zoning)));
    await ok(
      await api(w.safetySpecialist, 'PUT', `/assessment-parties/${party('Openbare orde en veiligheid')}/answer`, {
        kind: 'objection',
        ruleIds: [w.rules.bibob],
        whyApplies: 'De exploitant is niet gescreend.',
      }),
    );
    await ok(await api(w.executive, 'POST', `/assessment-parties/${party('Ruimtelijke ordening')}/overrule`, { reason: 'Werkgelegenheid weegt zwaarder' }));
    const version = await savePlan(caseId);
    const blocked = await api(w.director, 'POST', `/cases/${caseId}/plan/agreements`, { version });
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().detail).toContain('Openbare orde en veiligheid');
    expect(blocked.json().detail).not.toContain('Ruimtelijke ordening');

    const next = await openRound(caseId, { departmentIds: [safetyDept()], proposal: 'Verfspuiterij met een gescreende exploitant' });
    await ok(await api(w.safetySpecialist, 'PUT', `/assessment-parties/${next.party('Openbare orde en veiligheid')}/answer`, { kind: 'yes' }));
    const a = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    const byName = Object.fromEntries(a.outcome.objections.map((o: { partyName: string }) => [o.partyName, o]));
    expect(byName['Openbare orde en veiligheid']).toMatchObject({ roundNumber: 1, standing: false, resolution: { by: 'newRound', roundNumber: 2 } });
    expect(byName['Ruimtelijke ordening']).toMatchObject({ standing: false, resolution: { by: 'overrule', byName: w.executive.name } });
    await ok(await api(w.director, 'POST', `/cases/${caseId}/plan/agreements`, { version }));
  });
});

describe('an overrule stays overruled', () => {
  it('refuses the same objection in the next round on the unchanged proposal, by the same or another official, whatever the code looks like', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const first = await openRound(caseId);
    const zoning1 = first.party('Ruimtelijke ordening');
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${zoning1}/answer`, objection(w.rules.zoning)));
    await ok(await api(w.executive, 'POST', `/assessment-parties/${zoning1}/overrule`, { reason: 'Werkgelegenheid weegt zwaarder' }));

    clock.set('2026-03-04T09:00:00+01:00');
    const second = await openRound(caseId, { proposal: `  ${proposal.toUpperCase()} ` });
    const zoning2 = second.party('Ruimtelijke ordening');
    const same = await api(w.specialist, 'PUT', `/assessment-parties/${zoning2}/answer`, objection(w.rules.zoning));
    expect(same.statusCode, same.body).toBe(409);
    expect(same.json().detail).toContain(w.executive.name);
    expect(same.json().detail).toContain('2 maart 2026');

    const colleague = await actorOf('specialist', { municipality: w.m, department: zoningDept() });
    expect((await api(colleague, 'PUT', `/assessment-parties/${zoning2}/answer`, objection(w.rules.zoning))).statusCode).toBe(409);

    const lower = await createRule(ctxFor(w.deps, w.admin), {
      code: 'op-4.12',
      title: 'Regel op-4.12',
      legalSource: 'Bron',
      domain: 'physical',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: null,
    });
    expect((await api(colleague, 'PUT', `/assessment-parties/${zoning2}/answer`, objection(lower.id))).statusCode).toBe(409);

    // Nothing was recorded; the overrule still shows in the outcome.
    const a = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(a.rounds[1].parties[0].answer).toBeNull();
    expect(a.outcome.objections).toHaveLength(1);
    expect(a.outcome.objections[0]).toMatchObject({ roundNumber: 1, standing: false, resolution: { by: 'overrule', byName: w.executive.name } });
    // A yes is still a fine answer in the new round, and the overrule stays in the outcome.
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${zoning2}/answer`, { kind: 'yes' }));
    const after = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    expect(after.outcome.objections[0]).toMatchObject({ roundNumber: 1, resolution: { by: 'overrule' } });
  });
});
