// The consolidated outcome over HTTP (docs/product.md#one-consolidated-outcome): per party every condition and
// every objection with the rules cited — after an amendment and after an admitted late
// objection — and an overrule with the mandates it was decided under (docs/product.md#overrule-within-mandate), for
// staff and for the initiator.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { ctxFor } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { createApiToken } from '../identity/index.js';
import { type AssessmentWorld, assessmentWorld, grantOverrule, linkTokenMailedTo } from './testing.js';

let w: AssessmentWorld;
const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
beforeAll(async () => {
  w = await assessmentWorld(t.db);
  w.deps.clock = clock;
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
const why = 'Een spuiterij is milieucategorie 3; hier mag ten hoogste categorie 2.';
const how = 'Een werkplaats zonder spuitcabine, of het bedrijventerrein.';
type Item = { partyName: string; roundNumber: number; answer: Record<string, unknown> & { rules: { code: string }[] } };
const byParty = (items: Item[]) => Object.fromEntries(items.map((i) => [i.partyName, i]));

describe('the consolidated outcome', () => {
  it('shows every condition and objection per party with the rules cited, after amendments and admitted late objections, and overrules with their mandates', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const outside = `buren-uitkomst-${Date.now()}@example.nl`;
    const round = await ok(
      await api(w.director, 'POST', `/cases/${caseId}/assessment-rounds`, {
        proposal: 'Autospuiterij in de loods aan de Havenweg 12',
        departmentIds: [w.m.departmentIds[0], w.m.departmentIds[1]],
        outsideParties: [{ name: 'Buurvereniging', email: outside }],
      }),
      201,
    );
    const party = (name: string) => round.parties.find((p: { name: string }) => p.name === name).id as string;
    const zoning = party('Ruimtelijke ordening');
    const safety = party('Openbare orde en veiligheid');

    // Ruimtelijke ordening first says yes, then amends to an objection citing two rules.
    await ok(await api(w.specialist, 'PUT', `/assessment-parties/${zoning}/answer`, { kind: 'yes' }));
    clock.set('2026-03-04T09:00:00+01:00');
    await ok(
      await api(w.specialist, 'PUT', `/assessment-parties/${zoning}/answer`, {
        kind: 'objection',
        ruleIds: [w.rules.zoning, w.rules.terraces],
        whyApplies: why,
        howItCouldBeDone: how,
      }),
    );
    await ok(await api(w.safetySpecialist, 'PUT', `/assessment-parties/${safety}/answer`, { kind: 'yesWithConditions', conditions: 'Brandwerende scheiding' }));
    // The outside party stays silent; after the term it objects late, and the coordinator admits it.
    clock.set('2026-03-17T09:00:00+01:00');
    const token = await linkTokenMailedTo(t.db, w.m.id, outside);
    await ok(
      await api(null, 'PUT', `/assessment-links/${token}/answer`, { kind: 'objection', ruleIds: [w.rules.zoning], whyApplies: 'Stank', howItCouldBeDone: how }),
      201,
    );
    const pending = (await ok(await api(w.coordinator, 'GET', '/late-objections?status=pending'))).items.find((i: { caseId: string }) => i.caseId === caseId);
    await ok(await api(w.coordinator, 'POST', `/late-objections/${pending.id}/decision`, { decision: 'admit', reason: 'De buren wisten het niet' }));

    // The zoning objection is overruled by an executive whose mandates cover both domains cited.
    const physical = await grantOverrule(t.db, w.m.id, { userId: w.executive.userId }, 'physical');
    const economy = await grantOverrule(t.db, w.m.id, { role: 'executive' }, 'economy');
    const overruled = await ok(await api(w.executive, 'POST', `/assessment-parties/${zoning}/overrule`, { reason: 'Werkgelegenheid weegt zwaarder' }));
    expect(overruled.answer.overrule.mandateIds.sort()).toEqual([physical, economy].sort());

    const staff = await ok(await api(w.director, 'GET', `/cases/${caseId}/assessment`));
    const objections = byParty(staff.outcome.objections);
    expect(Object.keys(objections).sort()).toEqual(['Buurvereniging', 'Ruimtelijke ordening']);
    expect(objections['Ruimtelijke ordening']?.answer).toMatchObject({
      kind: 'objection',
      amendments: 1,
      late: false,
      whyApplies: why,
      howItCouldBeDone: how,
      rules: [
        { id: w.rules.zoning, code: 'OP-4.12', title: 'Regel OP-4.12', legalSource: 'Bron OP-4.12', domain: 'physical', strict: false },
        { id: w.rules.terraces, code: 'APV-2:48', title: 'Regel APV-2:48', legalSource: 'Bron APV-2:48', domain: 'economy', strict: false },
      ],
    });
    const mandates = (objections['Ruimtelijke ordening']?.answer.overrule as { mandates: { id: string }[] }).mandates;
    expect([...mandates].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        {
          id: physical,
          holder: { kind: 'person', userId: w.executive.userId, name: w.executive.name },
          scope: { kind: 'overrule', domain: 'physical' },
          delegatedBy: 'het college',
          validFrom: '2024-01-01',
          validUntil: null,
        },
        {
          id: economy,
          holder: { kind: 'role', role: 'executive' },
          scope: { kind: 'overrule', domain: 'economy' },
          delegatedBy: 'het college',
          validFrom: '2024-01-01',
          validUntil: null,
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // The admitted late objection replaced the silence as the outside party's answer.
    expect(objections.Buurvereniging?.answer).toMatchObject({
      kind: 'objection',
      late: true,
      whyApplies: 'Stank',
      rules: [{ code: 'OP-4.12' }],
      overrule: null,
    });
    expect(staff.outcome.conditions.map((c: Item) => [c.partyName, c.answer.conditions])).toEqual([['Openbare orde en veiligheid', 'Brandwerende scheiding']]);

    // The initiator sees the same outcome of the closed round, overrule and mandates included.
    const mine = await ok(await api(w.initiator, 'GET', `/cases/${caseId}/assessment`));
    expect(mine.outcome).toEqual(staff.outcome);
  });
});

describe('nothing half-written over HTTP', () => {
  it('a bad e-mail address of the second outside party: 400 naming that field, and no round, party, event or mail', async () => {
    clock.set('2026-03-02T09:00:00+01:00');
    const caseId = await w.newCase();
    const count = async () => {
      const n = async (table: 'assessment_rounds' | 'events' | 'outbox') =>
        Number(
          (
            await t.db.unsafeAdmin
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .where('municipality_id', '=', w.m.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const parties = Number(
        (
          await t.db.unsafeAdmin
            .selectFrom('assessment_parties')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('municipality_id', '=', w.m.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
      return { rounds: await n('assessment_rounds'), parties, events: await n('events'), outbox: await n('outbox') };
    };
    const before = await count();
    const res = await api(w.director, 'POST', `/cases/${caseId}/assessment-rounds`, {
      proposal: 'Autospuiterij',
      departmentIds: [w.m.departmentIds[0]],
      outsideParties: [
        { name: 'Buurvereniging', email: 'buren@example.nl' },
        { name: 'Omwonende', email: 'geen-adres' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['outsideParties.1.email']);
    expect(await count()).toEqual(before);
  });
});
