// Agreeing a plan within mandate (docs/product.md#agreeing-a-plan-within-mandate) on a
// real database (PGlite and PostgreSQL): a plan that commits the municipality needs
// the director's mandates, and every way round them is refused.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality, testDeps } from '../../testing/factories.js';
import { createMandate, type MandateScope } from '../mandates/index.js';
import { createRule } from '../rules/index.js';
import { agreePlan, getPlan, savePlan } from './index.js';

const { db } = withTestDb();
const deps = testDeps(db); // today is Monday 2 March 2026

interface World {
  m: TestMunicipality;
  admin: Actor;
  director: Actor;
  caseId: string;
  initiator: Actor;
}

async function world(m?: TestMunicipality): Promise<World> {
  const mm = m ?? (await buildMunicipality(db));
  const admin = await actorOf('admin', { municipality: mm });
  const director = await actorOf('director', { municipality: mm });
  await createRule(ctxFor(deps, admin), {
    code: 'APV-2:48',
    title: 'Terrassen',
    legalSource: 'APV artikel 2:48',
    domain: 'economy',
    strict: false,
    validFrom: '2024-01-01',
    validUntil: null,
  }).catch(() => undefined); // a second world in the same municipality has it already
  const c = await buildCase({ municipality: mm, deps, status: 'planning', director });
  return { m: mm, admin, director, caseId: c.id, initiator: c.initiator };
}

const mandate = (w: World, scope: MandateScope, opts: { holder?: Actor; validFrom?: string; validUntil?: string | null } = {}) =>
  createMandate(ctxFor(deps, w.admin), {
    holder: opts.holder ? { kind: 'person', userId: opts.holder.userId } : { kind: 'role', role: 'director' },
    scope,
    delegatedBy: 'het college',
    validFrom: opts.validFrom ?? '2026-01-01',
    validUntil: opts.validUntil ?? null,
  });

/** Every mandate a plan of € 25.000,00 with an exemption from APV-2:48 needs, held by the director's role. */
const fullMandates = async (w: World, money = 2_500_000) => [
  await mandate(w, { kind: 'agreePlan' }),
  await mandate(w, { kind: 'commitMoney', upToCents: money }),
  await mandate(w, { kind: 'grantExemption', ruleCode: 'APV-2:48' }),
];

async function committingPlan(w: World, commitsCents = 2_500_000) {
  return savePlan(ctxFor(deps, w.director), {
    caseId: w.caseId,
    goal: 'Terras op de kade met subsidie',
    actions: [{ description: 'Vergunning verlenen', ownerKind: 'director', dueOn: '2026-04-01' }],
    commitsCents,
    exemptionRuleCodes: ['APV-2:48'],
  });
}

const agreeAsDirector = (w: World, version: number) => agreePlan(ctxFor(deps, w.director), { caseId: w.caseId, version });

describe('agreeing a plan within mandate', () => {
  it('needs no mandate for a plan that commits nothing', async () => {
    const w = await world();
    const { version } = await savePlan(ctxFor(deps, w.director), { caseId: w.caseId, goal: 'Overleg met de buren', actions: [] });
    expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([]);
    expect(await agreeAsDirector(w, version)).toEqual({ version, complete: false });
  });

  it('refuses with 403 naming everything missing, and the plan says why', async () => {
    const w = await world();
    const { version } = await committingPlan(w);
    const r = await refusal(agreeAsDirector(w, version));
    expect(r).toMatchObject({ status: 403, key: 'error.planNeedsMandate' });
    expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([
      { kind: 'agreePlan' },
      { kind: 'commitMoney', amountCents: 2_500_000 },
      { kind: 'grantExemption', ruleCode: 'APV-2:48' },
    ]);
    // The initiator's agreement needs no mandate, and they are not told about the director's.
    expect((await getPlan(ctxFor(deps, w.initiator), w.caseId)).missingMandates).toEqual([]);
    await agreePlan(ctxFor(deps, w.initiator), { caseId: w.caseId, version });
  });

  it('agrees with covering mandates and records them on the event', async () => {
    const w = await world();
    const used = await fullMandates(w);
    await mandate(w, { kind: 'overrule', domain: 'economy' }); // held, but not needed
    const { version } = await committingPlan(w);
    expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([]);
    await agreePlan(ctxFor(deps, w.initiator), { caseId: w.caseId, version });
    expect(await agreeAsDirector(w, version)).toEqual({ version, complete: true });
    const ev = await db.unsafeAdmin
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('case_id', '=', w.caseId)
      .where('type', '=', 'plan.agreed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const payload = ev.payload as { mandateIds?: string[]; by: string };
    expect(payload.by).toBe('director');
    expect(new Set(payload.mandateIds)).toEqual(new Set(used.map((m) => m.id)));
    const status = await db.unsafeAdmin.selectFrom('cases').select('status').where('id', '=', w.caseId).executeTakeFirstOrThrow();
    expect(status.status).toBe('executing');
  });

  describe('refuses every way round a mandate', () => {
    it('an expired agree-a-plan mandate', async () => {
      const w = await world();
      await mandate(w, { kind: 'agreePlan' }, { validFrom: '2026-01-01', validUntil: '2026-03-01' }); // ended yesterday
      await mandate(w, { kind: 'commitMoney', upToCents: 2_500_000 });
      await mandate(w, { kind: 'grantExemption', ruleCode: 'APV-2:48' });
      const { version } = await committingPlan(w);
      expect(await refusal(agreeAsDirector(w, version))).toMatchObject({ status: 403, key: 'error.planNeedsMandate' });
      expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([{ kind: 'agreePlan' }]);
    });

    it('a mandate not yet in force', async () => {
      const w = await world();
      await fullMandates(w);
      await mandate(w, { kind: 'commitMoney', upToCents: 9_000_000 }, { validFrom: '2026-03-03' }); // from tomorrow
      const { version } = await committingPlan(w, 3_000_000);
      expect(await refusal(agreeAsDirector(w, version))).toMatchObject({ status: 403 });
      expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([{ kind: 'commitMoney', amountCents: 3_000_000 }]);
    });

    it("another department's mandate: held by name by someone else", async () => {
      const w = await world();
      const head = await actorOf('specialist', { municipality: w.m, name: 'Hoofd Economische Zaken' });
      await mandate(w, { kind: 'agreePlan' }, { holder: head });
      await mandate(w, { kind: 'commitMoney', upToCents: 2_500_000 }, { holder: head });
      await mandate(w, { kind: 'grantExemption', ruleCode: 'APV-2:48' }, { holder: head });
      const { version } = await committingPlan(w);
      expect(await refusal(agreeAsDirector(w, version))).toMatchObject({ status: 403, key: 'error.planNeedsMandate' });
      expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toHaveLength(3);
    });

    it('an amount one cent over the limit (and exactly at it is fine)', async () => {
      const w = await world();
      await fullMandates(w, 2_500_000);
      const over = await committingPlan(w, 2_500_001);
      expect(await refusal(agreeAsDirector(w, over.version))).toMatchObject({ status: 403, key: 'error.planNeedsMandate' });
      expect((await getPlan(ctxFor(deps, w.director), w.caseId)).missingMandates).toEqual([{ kind: 'commitMoney', amountCents: 2_500_001 }]);
      const exact = await committingPlan(w, 2_500_000); // nobody agreed yet: the same version, changed
      expect(await agreeAsDirector(w, exact.version)).toMatchObject({ version: exact.version });
    });

    it("another municipality's mandates", async () => {
      const w = await world();
      const elsewhere = await world(await buildMunicipality(db));
      await fullMandates(elsewhere);
      const { version } = await committingPlan(w);
      expect(await refusal(agreeAsDirector(w, version))).toMatchObject({ status: 403, key: 'error.planNeedsMandate' });
    });

    it('an exemption from a rule that is not in the register cannot be put in a plan', async () => {
      const w = await world();
      const r = await refusal(savePlan(ctxFor(deps, w.director), { caseId: w.caseId, goal: 'x', actions: [], exemptionRuleCodes: ['GEEN-1'] }));
      expect(r).toMatchObject({ status: 400, fields: ['exemptionRuleCodes'] });
    });
  });
});
