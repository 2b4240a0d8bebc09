// The negative suite's rows for the integrated assessment (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { caseReaders, onCase, type Row, ruleFields, uniq, type World } from '../../testing/authorization.js';
import { actorOf, buildCase, buildMunicipality, buildRound, ctxFor } from '../../testing/factories.js';
import { buildAgreement } from '../intermunicipal/testing.js';
import { createRule } from '../rules/index.js';
import { answerAsDepartment } from './service.js';
import { buildSharedRound, grantOverrule, linkTokenMailedTo } from './testing.js';

/** A fresh round on a fresh case of `side`: its department 0 and, unless `departmentOnly`, an outside party. */
async function freshRound(w: World, side: 'A' | 'B', departmentOnly = false) {
  const f = await w.fresh(side);
  const email = `buur-${uniq()}@example.nl`;
  const r = await buildRound({
    deps: w.deps,
    by: w.people[side].director?.actor as Actor,
    caseId: f.caseId,
    departmentIds: [f.municipality.departmentIds[0] as string],
    outsideParties: departmentOnly ? [] : [{ name: 'Buurman', email }],
  });
  const token = departmentOnly ? '' : await linkTokenMailedTo(w.deps.db, f.municipality.id, email);
  return { f, partyId: r.departmentPartyIds[0] as string, token };
}
/** An objection citing a fresh non-strict economy rule, as the specialist of department 0 gives it. */
async function objectionBy(w: World, side: 'A' | 'B', partyId: string) {
  const rule = await createRule(ctxFor(w.deps, w.people[side].admin?.actor as Actor), { ...ruleFields(), validUntil: null });
  return answerAsDepartment(ctxFor(w.deps, w.people[side].specialist?.actor as Actor), {
    partyId,
    answer: { kind: 'objection', ruleIds: [rule.id], whyApplies: 'Geluid in de avond', howItCouldBeDone: 'Sluiten om 22 uur' },
  });
}

/**
 * A request to `side`'s department 0 from a fresh neighbour's round, under an agreement
 * in force (docs/product.md#another-municipalitys-department-in-a-round).
 */
async function sharedRequest(w: World, side: 'A' | 'B') {
  const n = await buildMunicipality(w.deps.db);
  const [admin, director] = [await actorOf('admin', { municipality: n }), await actorOf('director', { municipality: n })];
  const a = await buildAgreement(w.deps, { provider: w.munis[side], providerAdmin: w.people[side].admin?.actor as Actor, receiver: n, receiverAdmin: admin });
  const c = await buildCase({ municipality: n, deps: w.deps, director, status: 'planning' });
  return (await buildSharedRound(w.deps, { by: director, caseId: c.id, agreementId: a.id, departmentId: w.munis[side].departmentIds[0] as string })).partyId;
}

export const rows: Row[] = [
  // Requests from other municipalities: only a specialist of the asked department of the providing municipality.
  {
    operation: 'GET /shared-requests',
    allowed: ['specialist'],
    scope: 'collection',
    request: async (w, s) => {
      await sharedRequest(w, s);
      return { method: 'GET', url: '/shared-requests' };
    },
  },
  {
    operation: 'GET /shared-requests/{id}',
    allowed: ['specialist'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/shared-requests/${await sharedRequest(w, s)}` }),
  },
  {
    operation: 'PUT /shared-requests/{id}/answer',
    allowed: ['specialist'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'PUT', url: `/shared-requests/${await sharedRequest(w, s)}/answer`, body: { kind: 'yes' } }),
  },
  // The integrated assessment: rounds by the director or a coordinator, answers by the
  // asked department's specialist, outside parties through their link, overrules within mandate.
  {
    operation: 'POST /cases/{id}/assessment-rounds',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/assessment-rounds', (f) => ({ proposal: 'Een terras aan de haven', departmentIds: [f.municipality.departmentIds[0]] })),
  },
  { operation: 'GET /cases/{id}/assessment', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/assessment') },
  {
    operation: 'PUT /assessment-parties/{id}/answer',
    allowed: ['specialist'], // of the asked department (department 0)
    scope: 'resource',
    request: async (w, s) => ({ method: 'PUT', url: `/assessment-parties/${(await freshRound(w, s)).partyId}/answer`, body: { kind: 'yes' } }),
  },
  {
    operation: 'POST /assessment-parties/{id}/overrule',
    allowed: ['executive'], // the one holding an overrule mandate in the domain; others are refused for lack of one
    scope: 'resource',
    request: async (w, s) => {
      const { partyId } = await freshRound(w, s);
      await objectionBy(w, s, partyId);
      await grantOverrule(w.deps.db, w.munis[s].id, { role: 'executive' }, 'economy');
      return { method: 'POST', url: `/assessment-parties/${partyId}/overrule`, body: { reason: 'Economisch belang weegt zwaarder' } };
    },
  },
  {
    operation: 'POST /assessment-parties/{id}/withdrawal',
    allowed: ['specialist'], // of the asked department (department 0): only the party withdraws its own objection
    scope: 'resource',
    request: async (w, s) => {
      const { partyId } = await freshRound(w, s, true);
      await objectionBy(w, s, partyId);
      return { method: 'POST', url: `/assessment-parties/${partyId}/withdrawal`, body: { reason: 'De loods krijgt een filterinstallatie' } };
    },
  },
  {
    operation: 'GET /assessment-links/{token}',
    allowed: 'public',
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/assessment-links/${(await freshRound(w, s)).token}` }),
  },
  {
    operation: 'PUT /assessment-links/{token}/answer',
    allowed: 'public',
    scope: 'resource',
    request: async (w, s) => ({ method: 'PUT', url: `/assessment-links/${(await freshRound(w, s)).token}/answer`, body: { kind: 'yes' } }),
  },
  {
    operation: 'GET /assessment-requests',
    allowed: ['specialist'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/assessment-requests' }),
  },
  {
    operation: 'GET /late-objections',
    allowed: ['coordinator', 'director', 'otherDirector'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/late-objections' }),
  },
  {
    operation: 'POST /late-objections/{id}/decision',
    allowed: ['coordinator'],
    scope: 'resource',
    request: async (w, s) => {
      const { partyId } = await freshRound(w, s, true);
      await answerAsDepartment(ctxFor(w.deps, w.people[s].specialist?.actor as Actor), { partyId, answer: { kind: 'yes' } }); // closes the round
      const late = await objectionBy(w, s, partyId);
      if (late.outcome !== 'late') throw new Error('expected a late objection');
      return { method: 'POST', url: `/late-objections/${late.lateObjectionId}/decision`, body: { decision: 'setAside', reason: 'Had in de ronde gekund' } };
    },
  },
];
