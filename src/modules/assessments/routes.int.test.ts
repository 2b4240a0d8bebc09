// The integrated assessment over HTTP: the JSON shapes of the contract, problem+json
// errors in Dutch that name the field, and the outside party's link without login.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { ctxFor } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { createApiToken } from '../identity/index.js';
import { type AssessmentWorld, assessmentWorld, linkTokenMailedTo } from './testing.js';

let w: AssessmentWorld;
const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
beforeAll(async () => {
  w = await assessmentWorld(t.db);
  w.deps.clock = clock; // one clock for the world's set-up and the server
}, 60_000);

const tokens = new Map<string, string>();
/** Bearer tokens (an initiator has no password to log in with). */
const headers = async (a: Actor) => {
  let token = tokens.get(a.userId);
  if (!token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  return { authorization: `Bearer ${token}` };
};
const api = async (a: Actor | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers: a ? await headers(a) : {} });

async function openRound(outsideEmail: string) {
  clock.set('2026-03-02T09:00:00+01:00');
  const caseId = await w.newCase();
  const res = await api(w.director, 'POST', `/cases/${caseId}/assessment-rounds`, {
    proposal: 'Autospuiterij in de loods aan de Havenweg 12',
    departmentIds: [w.m.departmentIds[0]],
    outsideParties: [{ name: 'Buurvereniging', email: outsideEmail, organisation: 'Vereniging Havenkwartier' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { caseId, round: res.json() };
}

describe('rounds and answers over HTTP', () => {
  it('opens a round and answers with the contract’s shapes', async () => {
    const { caseId, round } = await openRound('buren-1@example.nl');
    expect(round).toMatchObject({ number: 1, status: 'open', openedOn: '2026-03-02', termEndsOn: '2026-03-16', closedAt: null, sameProposalAs: null });
    const dept = round.parties.find((p: { kind: string }) => p.kind === 'department');
    expect(dept).toMatchObject({ name: 'Ruimtelijke ordening', answer: null, abilities: { answer: false, overrule: false } });

    // An objection without a rule: 400 problem+json naming the field, in Dutch.
    const bad = await api(w.specialist, 'PUT', `/assessment-parties/${dept.id}/answer`, {
      kind: 'objection',
      whyApplies: 'Geluid',
      howItCouldBeDone: 'Elders',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().invalidParams).toEqual([{ name: 'ruleIds', reason: 'Een bezwaar noemt ten minste één regel uit het regelregister.' }]);

    // The specialist of another department is refused.
    const other = await api(w.safetySpecialist, 'PUT', `/assessment-parties/${dept.id}/answer`, { kind: 'yes' });
    expect(other.statusCode).toBe(403);
    expect(other.json().title).toContain('gevraagde afdeling');

    const ok = await api(w.specialist, 'PUT', `/assessment-parties/${dept.id}/answer`, {
      kind: 'objection',
      ruleIds: [w.rules.zoning],
      whyApplies: 'Een spuiterij is milieucategorie 3; hier mag ten hoogste categorie 2.',
      howItCouldBeDone: 'Een werkplaats zonder spuitcabine, of het bedrijventerrein.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().answer).toMatchObject({ kind: 'objection', rules: [{ code: 'OP-4.12', strict: false }], amendments: 0, late: false, overrule: null });

    const view = (await api(w.director, 'GET', `/cases/${caseId}/assessment`)).json();
    expect(view.outcome.objections.map((o: { partyName: string }) => o.partyName)).toEqual(['Ruimtelijke ordening']);
    expect(view.rounds[0].parties.find((p: { kind: string }) => p.kind === 'outside').email).toBe('buren-1@example.nl');
    // What the page may offer comes from the policy: the director may open a further round, the specialist not.
    expect(view.abilities).toEqual({ openRound: true });
    expect((await api(w.specialist, 'GET', `/cases/${caseId}/assessment`)).json().abilities).toEqual({ openRound: false });
  });

  it('after the term: a yes is refused with 409, an objection is recorded as late (201) and listed for the coordinator', async () => {
    const { caseId, round } = await openRound('buren-2@example.nl');
    const dept = round.parties.find((p: { kind: string }) => p.kind === 'department');
    clock.set('2026-03-17T09:00:00+01:00');
    const refused = await api(w.specialist, 'PUT', `/assessment-parties/${dept.id}/answer`, { kind: 'yes' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toContain('De ronde is gesloten');
    const late = await api(w.specialist, 'PUT', `/assessment-parties/${dept.id}/answer`, {
      kind: 'objection',
      ruleIds: [w.rules.bibob],
      whyApplies: 'Integriteitsonderzoek loopt nog.',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ answer: { kind: 'silence', asOf: '2026-03-16' }, lateObjection: { status: 'pending' } });
    const list = (await api(w.coordinator, 'GET', '/late-objections?status=pending')).json();
    const item = list.items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(item).toMatchObject({ cause: 'afterClose', status: 'pending', rules: [{ code: 'BIBOB', strict: true }], abilities: { decide: true } });
    const decided = await api(w.coordinator, 'POST', `/late-objections/${item.id}/decision`, { decision: 'admit', reason: 'Nieuwe informatie van de politie' });
    expect(decided.statusCode, decided.body).toBe(200);
    // Another municipality's coordinator or admin does not find it (404), whatever their role.
    const elsewhere = await assessmentWorld(t.db);
    for (const who of [elsewhere.coordinator, elsewhere.admin]) {
      const res = await api(who, 'POST', `/late-objections/${item.id}/decision`, { decision: 'setAside', reason: 'x' });
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(decided.json()).toMatchObject({
      status: 'admitted',
      reopenedUntil: '2026-03-24',
      decidedBy: { name: w.coordinator.name },
      abilities: { decide: false },
    });
    // A strict objection is never overruled.
    const overrule = await api(w.coordinator, 'POST', `/assessment-parties/${dept.id}/overrule`, { reason: 'Toch doen' });
    expect(overrule.statusCode).toBe(409);
    expect(overrule.json().title).toContain('strikte regel');
    // The initiator sees the closed round's outcome but no e-mail addresses and no late objections.
    const mine = (await api(w.initiator, 'GET', `/cases/${caseId}/assessment`)).json();
    expect(mine.rounds[0].parties.every((p: { email: string | null }) => p.email === null)).toBe(true);
    expect(mine.lateObjections).toEqual([]);
    expect(mine.abilities).toEqual({ openRound: false });
  });
});

describe('the outside party’s link over HTTP (no login)', () => {
  it('valid, foreign, used after the term, expired', async () => {
    await openRound('buren-3@example.nl');
    const token = await linkTokenMailedTo(t.db, w.m.id, 'buren-3@example.nl');
    const page = await api(null, 'GET', `/assessment-links/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ may: 'answer', termEndsOn: '2026-03-16', party: { name: 'Buurvereniging', organisation: 'Vereniging Havenkwartier' } });
    const yes = await api(null, 'PUT', `/assessment-links/${token}/answer`, { kind: 'yesWithConditions', conditions: 'Niet op zondag' });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().answer).toMatchObject({ kind: 'yesWithConditions', answeredBy: { name: 'Buurvereniging' } });

    const other = await assessmentWorld(t.db);
    const foreign = await api(null, 'GET', `/assessment-links/${other.m.id}.${token.split('.')[1]}`);
    expect(foreign.statusCode).toBe(404);
    // A malformed (too short) token is as unknown as any other: 404, not a 400 about its form.
    for (const res of [await api(null, 'GET', '/assessment-links/kort'), await api(null, 'PUT', '/assessment-links/kort/answer', { kind: 'yes' })]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }

    clock.set('2026-03-18T09:00:00+01:00');
    expect((await api(null, 'PUT', `/assessment-links/${token}/answer`, { kind: 'yes' })).statusCode).toBe(409);
    const late = await api(null, 'PUT', `/assessment-links/${token}/answer`, {
      kind: 'objection',
      ruleIds: [w.rules.terraces],
      whyApplies: 'Het terras komt voor onze deur.',
      howItCouldBeDone: 'Aan de achterkant.',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().may).toBe('none');
    const gone = await api(null, 'GET', `/assessment-links/${token}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.json().title).toContain('de termijn van de toetsronde is voorbij');
  });
});

describe('the specialist’s inbox over HTTP', () => {
  it('lists open requests of the own department first', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const res = await api(w.specialist, 'GET', '/assessment-requests');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { status: string; answered: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.status)).toEqual([...items.map((i) => i.status)].sort((a, b) => (a === b ? 0 : a === 'open' ? -1 : 1)));
  });
});
