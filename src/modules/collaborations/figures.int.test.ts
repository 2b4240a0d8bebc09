// Collaborations in the management information on a real database (PGlite and
// PostgreSQL): the figures per phase, health finding, party and contribution equal what
// the seeded world holds, the area filter applies, another municipality's
// collaborations never count, and the section downloads as CSV
// (docs/product.md#collaborations-in-figures).
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { createApiToken } from '../identity/index.js';
import { addAgreement, updateAgreement } from './agreements.js';
import type { Contribution, PartyFields, Phase } from './model.js';
import { addParty, addTarget, startCollaboration } from './service.js';

const t = withTestApp({ clock: fixedClock('2026-03-02T09:00:00+01:00') });

const party = (name: string, contributions: Contribution[], settled = true): PartyFields => ({
  kind: 'organisation',
  departmentId: null,
  municipalityId: null,
  name,
  orgType: 'public',
  kvkNumber: null,
  contactName: 'Contact',
  contactEmail: `contact@${name.toLowerCase()}.example`,
  decidesAlone: [],
  decidesTogether: [],
  finalSay: settled ? ['de eigen inzet'] : [],
  yield: settled ? 'Minder meldingen' : '',
  contributions,
});
const money = (cents: number): Contribution => ({ kind: 'money', amount: cents, description: 'Budget' });
const hours = (h: number): Contribution => ({ kind: 'hours', amount: h, description: 'Inzet' });

/** The seed: per collaboration its phase, whether it gets a target (no target: one health finding), its area and its parties. */
const SEED: { name: string; phase: Phase; target: boolean; area: 0 | 1; parties: PartyFields[] }[] = [
  { name: 'Jeugdoverlast', phase: 'agenda', target: true, area: 0, parties: [party('Politie', [money(250_000), hours(40)]), party('Winkeliers', [hours(12)])] },
  { name: 'Veilig uitgaan', phase: 'agenda', target: true, area: 0, parties: [party('Politie', [money(100_000)])] },
  { name: 'Schuldhulp', phase: 'implementation', target: false, area: 1, parties: [party('Woningcorporatie', [hours(16), money(5_050)])] },
];

async function seed(m: TestMunicipality, seedOf = SEED) {
  const director = await buildUser(t.db, m, { role: 'director' });
  const ctx = ctxFor(t.deps, director);
  const made: { id: string; parties: Map<string, string> }[] = [];
  for (const s of seedOf) {
    const c = await startCollaboration(ctx, {
      name: s.name,
      description: '',
      goal: 'Beter',
      ownerUserId: director.userId,
      phase: s.phase,
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      areaIds: [m.areaIds[s.area] as string],
      themeIds: [],
      caseIds: [],
    });
    if (s.target)
      await addTarget(ctx, { collaborationId: c.id, indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'meldingen', targetOn: '2026-12-31' });
    let parties = new Map<string, string>();
    for (const p of s.parties) {
      const v = await addParty(ctx, { collaborationId: c.id, ...p });
      parties = new Map(v.parties.map((x) => [x.name, x.id]));
    }
    made.push({ id: c.id, parties });
  }
  return { director, ctx, made };
}

async function api(a: Actor, url: string) {
  const token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
}

describe('collaborations in the management information', () => {
  it('counts phases, health findings, agreements and contributions per party of the own municipality only', async () => {
    const m = await buildMunicipality(t.db);
    const w = await seed(m);
    const [first] = w.made;
    const agreement = (by: string) =>
      addAgreement(w.ctx, {
        collaborationId: first?.id as string,
        madeBy: { partyId: first?.parties.get(by) as string },
        madeTo: { userId: w.director.userId },
        what: `${by} levert`,
        dueOn: '2026-06-01',
        madeVia: 'meeting',
        madeOn: '2026-03-01',
        decision: { kind: 'other' },
      });
    const kept = await agreement('Politie');
    const broken = await agreement('Winkeliers');
    const open = await agreement('Politie');
    await updateAgreement(w.ctx, { collaborationId: first?.id as string, agreementId: kept.id, change: { kind: 'outcome', status: 'kept' } });
    await updateAgreement(w.ctx, {
      collaborationId: first?.id as string,
      agreementId: broken.id,
      change: { kind: 'outcome', status: 'broken', reason: 'Geen tijd' },
    });
    expect(open.status).not.toBe('kept');

    // Another municipality with the same party names: never counted.
    const other = await buildMunicipality(t.db);
    await seed(other, [{ name: 'Elders', phase: 'evaluation', target: false, area: 0, parties: [party('Politie', [money(999_999), hours(999)])] }]);

    const coordinator = await buildUser(t.db, m, { role: 'coordinator' });
    const res = await api(coordinator, '/insights');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().collaborations;

    // Hand-counted from SEED.
    const phases = ['agenda', 'policy', 'implementation', 'evaluation'] as const;
    expect(c.total).toBe(SEED.length);
    expect(c.byPhase).toEqual(phases.map((phase) => ({ phase, count: SEED.filter((s) => s.phase === phase).length })));
    const unhealthy = SEED.filter((s) => !s.target).length;
    expect(unhealthy).toBe(1);
    expect(c.withHealthIssues).toBe(unhealthy);
    expect(c.byIssue).toEqual([{ code: 'goalWithoutTarget', count: unhealthy }]);
    expect(c.agreementsByParty).toEqual([
      { party: 'Politie', kept: 1, broken: 0, withdrawn: 0, open: 1 },
      { party: 'Winkeliers', kept: 0, broken: 1, withdrawn: 0, open: 0 },
    ]);
    const sums = new Map<string, { euros: number; hours: number }>();
    for (const p of SEED.flatMap((s) => s.parties)) {
      const x = sums.get(p.name) ?? { euros: 0, hours: 0 };
      for (const k of p.contributions) {
        if (k.kind === 'money') x.euros += (k.amount as number) / 100;
        if (k.kind === 'hours') x.hours += k.amount as number;
      }
      sums.set(p.name, x);
    }
    const expected = [...sums].map(([party, s]) => ({ party, ...s })).sort((a, b) => b.euros - a.euros || b.hours - a.hours);
    expect(c.contributionsByParty).toEqual(expected);
    expect(expected[0]).toEqual({ party: 'Politie', euros: 3500, hours: 40 });

    // The area filter: only the collaborations in that area.
    const inArea = (await api(coordinator, `/insights?areaId=${m.areaIds[1]}`)).json().collaborations;
    expect(inArea.total).toBe(SEED.filter((s) => s.area === 1).length);
    expect(inArea.contributionsByParty).toEqual([{ party: 'Woningcorporatie', euros: 50.5, hours: 16 }]);
    expect(inArea.agreementsByParty).toEqual([]);

    // The CSV: a row per phase, the health findings and a row per party.
    const csv = await api(coordinator, '/insights/collaborations/export');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toContain('sturingsinformatie-collaborations.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Onderdeel;Naam;Aantal;Afspraken nagekomen;Afspraken niet nagekomen;Afspraken ingetrokken;Afspraken lopend;Bijdrage (euro);Bijdrage (uren)',
    );
    expect(lines).toContain('Fase;Agendavorming;2');
    expect(lines).toContain('Gezondheidscheck;Met bevindingen;1');
    expect(lines).toContain('Gezondheidscheck;Doel zonder streefcijfer;1');
    expect(lines).toContain('Partij;Politie;;1;0;0;1;3500;40');
    expect(lines).toContain('Partij;Woningcorporatie;;0;0;0;0;50,5;16');
    expect(csv.body).not.toContain('999');

    // The other municipality sees only its own.
    const theirs = (await api(await buildUser(t.db, other, { role: 'coordinator' }), '/insights')).json().collaborations;
    expect(theirs.total).toBe(1);
    expect(theirs.contributionsByParty).toEqual([{ party: 'Politie', euros: 9999.99, hours: 999 }]);
  });
});
