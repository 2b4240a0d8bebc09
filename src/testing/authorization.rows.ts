// The rows of the negative suite (authorization.int.test.ts): one per API
// operation, with who may call it. Keep this in step with the policies.
import { answerAsDepartment, openAssessmentRound } from '../modules/assessments/index.js';
import { grantOverrule, linkTokenMailedTo } from '../modules/assessments/testing.js';
import { recordCommitment } from '../modules/commitments/index.js';
import type { Actor } from '../platform/auth/index.js';
import { createMandate } from '../modules/mandates/index.js';
import { createDepartment, createNamed, createUser } from '../modules/organisation/index.js';
import { createRule } from '../modules/rules/index.js';
import type { Deps } from '../platform/context.js';
import { ctxFor, TEST_PASSWORD, type TestMunicipality } from './factories.js';

export const ACTOR_KEYS = ['admin', 'coordinator', 'director', 'otherDirector', 'specialist', 'executive', 'council', 'initiator', 'otherInitiator'] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export interface Fresh {
  caseId: string;
  actionId: string;
  loginLink: string;
  tokenId: string;
  municipality: TestMunicipality;
}

export interface World {
  fresh(side: 'A' | 'B', opts?: { suspended?: boolean }): Promise<Fresh>;
  people: Record<'A' | 'B', Partial<Record<ActorKey, { actor: Actor; token: string }>>>;
  munis: Record<'A' | 'B', TestMunicipality>;
  /** for rows that seed their module's own resource through its service */
  deps: Deps;
}

export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
}

export interface Row {
  operation: string;
  /** The first listed actor is used for the allowed call and the other-municipality call. */
  allowed: ActorKey[] | 'public';
  scope: 'resource' | 'collection';
  request(w: World, side: 'A' | 'B'): Promise<Req>;
}

const everyone: ActorKey[] = [...ACTOR_KEYS];
const staff: ActorKey[] = ACTOR_KEYS.filter((k) => k !== 'initiator' && k !== 'otherInitiator');
/** Staff who read case files (council members get overviews, not files). */
const caseReaders: ActorKey[] = ['coordinator', 'director', 'otherDirector', 'specialist', 'executive', 'admin'];

const onCase =
  (method: Req['method'], tail: string, body?: (f: Fresh) => Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const f = await w.fresh(side);
    return { method, url: `/cases/${f.caseId}${tail.replace('{actionId}', f.actionId)}`, body: body?.(f) };
  };

/** A register rule with a code of its own, so repeated calls never overlap. */
const uniq = () => Math.random().toString(36).slice(2, 10);

/** A fresh department, area, theme or user of the admin's municipality, then a call on it. */
const onOrg =
  (kind: 'departments' | 'areas' | 'themes' | 'users', method: Req['method'], body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const ctx = ctxFor(w.deps, w.people[side].admin?.actor as Actor);
    const id =
      kind === 'departments'
        ? (await createDepartment(ctx, { name: `Afdeling ${uniq()}`, domain: 'social' })).id
        : kind === 'users'
          ? (await createUser(ctx, { email: `u-${uniq()}@example.nl`, name: 'Collega', role: 'director' })).id
          : (await createNamed(ctx, kind, `Naam ${uniq()}`)).id;
    return { method, url: `/${kind}/${id}`, body };
  };

const ruleRow = () => ({
  code: `AUTH-${Math.random().toString(36).slice(2, 10)}`,
  title: 'Testregel',
  legalSource: 'APV artikel 1:1',
  domain: 'economy' as const,
  strict: false,
  validFrom: '2024-01-01',
});
/** A fresh rule in the register of municipality `side`, made by its admin. */
const onRule =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const r = await createRule(ctxFor(w.deps, w.people[side].admin?.actor as Actor), { ...ruleRow(), validUntil: null });
    return { method, url: `/rules/${r.id}${tail}`, body };
  };

// ---- the integrated assessment ----
/** A fresh round on a fresh case of `side`: its department 0 and, unless `departmentOnly`, an outside party. */
async function freshRound(w: World, side: 'A' | 'B', departmentOnly = false) {
  const f = await w.fresh(side);
  const director = ctxFor(w.deps, w.people[side].director?.actor as Actor);
  const email = `buur-${uniq()}@example.nl`;
  const r = await openAssessmentRound(director, {
    caseId: f.caseId,
    proposal: 'Een terras aan de haven',
    departmentIds: [f.municipality.departmentIds[0] as string],
    outsideParties: departmentOnly ? [] : [{ name: 'Buurman', email }],
  });
  const party = await w.deps.db.unsafeAdmin
    .selectFrom('assessment_parties')
    .select('id')
    .where('round_id', '=', r.id)
    .where('kind', '=', 'department')
    .executeTakeFirstOrThrow();
  const token = departmentOnly ? '' : await linkTokenMailedTo(w.deps.db, f.municipality.id, email);
  return { f, partyId: party.id, token };
}
/** An objection citing a fresh non-strict economy rule, as the specialist of department 0 gives it. */
async function objectionBy(w: World, side: 'A' | 'B', partyId: string) {
  const rule = await createRule(ctxFor(w.deps, w.people[side].admin?.actor as Actor), { ...ruleRow(), validUntil: null });
  return answerAsDepartment(ctxFor(w.deps, w.people[side].specialist?.actor as Actor), {
    partyId,
    answer: { kind: 'objection', ruleIds: [rule.id], whyApplies: 'Geluid in de avond', howItCouldBeDone: 'Sluiten om 22 uur' },
  });
}

// ---- the mandate register and commitments ----
/** A fresh mandate in the register of municipality `side`, made by its admin. */
const onMandate =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const m = await createMandate(ctxFor(w.deps, w.people[side].admin?.actor as Actor), {
      holder: { kind: 'role', role: 'executive' },
      scope: { kind: 'commitMoney', upToCents: 100_000 },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    return { method, url: `/mandates/${m.id}${tail}`, body };
  };
const commitmentBody = {
  madeBy: { name: 'P. de Vries', role: 'wethouder Economie' },
  what: 'De gemeente denkt mee over de vergunning.',
  dueOn: '2026-12-31',
  madeVia: 'meeting',
  madeOn: '2026-01-05',
  decision: { kind: 'other' },
};
/**
 * A fresh commitment on a fresh case of `side`, recorded by its director, made to the
 * initiator by an outside person ("other": needs confirmation by the coordinator).
 */
const onCommitment =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const f = await w.fresh(side);
    const k = await recordCommitment(ctxFor(w.deps, w.people[side].director?.actor as Actor), {
      caseId: f.caseId,
      ...(commitmentBody as Omit<Parameters<typeof recordCommitment>[1], 'caseId'>),
    });
    return { method, url: `/commitments/${k.id}${tail}`, body };
  };

export const rows: Row[] = [
  { operation: 'GET /health', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/health' }) },
  { operation: 'GET /openapi.json', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/openapi.json' }) },
  {
    operation: 'POST /auth/login',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login', body: { email: w.people[s].coordinator?.actor.email, password: TEST_PASSWORD } }),
  },
  {
    operation: 'POST /auth/login-links',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login-links', body: { municipality: w.munis[s].slug, email: w.people[s].initiator?.actor.email } }),
  },
  {
    operation: 'POST /auth/login-links/redeem',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'POST', url: '/auth/login-links/redeem', body: { token: (await w.fresh(s)).loginLink } }),
  },
  { operation: 'POST /auth/logout', allowed: 'public', scope: 'collection', request: async () => ({ method: 'POST', url: '/auth/logout' }) },
  { operation: 'GET /me', allowed: everyone, scope: 'collection', request: async () => ({ method: 'GET', url: '/me' }) },
  { operation: 'GET /me/tokens', allowed: everyone, scope: 'collection', request: async () => ({ method: 'GET', url: '/me/tokens' }) },
  { operation: 'POST /me/tokens', allowed: staff, scope: 'collection', request: async () => ({ method: 'POST', url: '/me/tokens', body: { name: 'x' } }) },
  {
    operation: 'DELETE /me/tokens/{id}',
    allowed: ['director'], // only one's own token
    scope: 'resource',
    request: async (w, s) => ({ method: 'DELETE', url: `/me/tokens/${(await w.fresh(s)).tokenId}` }),
  },
  {
    operation: 'POST /cases',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({
      method: 'POST',
      url: '/cases',
      body: {
        municipality: w.munis[s].slug,
        initiator: { name: 'Jan', email: 'jan@example.nl' },
        title: 'Bankje',
        description: 'Een bankje in het park graag.',
        location: 'Park',
      },
    }),
  },
  // Initiators list only their own cases (tested in cases/routes.int.test.ts).
  {
    operation: 'GET /cases',
    allowed: [...caseReaders, 'initiator', 'otherInitiator'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/cases' }),
  },
  { operation: 'GET /cases/{id}', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '') },
  {
    operation: 'POST /cases/{id}/status',
    allowed: ['director', 'coordinator', 'initiator'],
    scope: 'resource',
    request: onCase('POST', '/status', () => ({ status: 'withdrawn', reason: 'Test van de autorisatie' })),
  },
  { operation: 'GET /cases/{id}/director-proposal', allowed: ['coordinator'], scope: 'resource', request: onCase('GET', '/director-proposal') },
  {
    operation: 'PUT /cases/{id}/director',
    allowed: ['coordinator'],
    scope: 'resource',
    request: async (w, s) => {
      const f = await w.fresh(s);
      return { method: 'PUT', url: `/cases/${f.caseId}/director`, body: { directorId: w.people[s].otherDirector?.actor.userId, reason: 'Werkverdeling' } };
    },
  },
  {
    operation: 'POST /cases/{id}/suspension',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/suspension', () => ({ reason: 'Wacht op stukken' })),
  },
  {
    operation: 'DELETE /cases/{id}/suspension',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'DELETE', url: `/cases/${(await w.fresh(s, { suspended: true })).caseId}/suspension` }),
  },
  {
    operation: 'GET /team-board',
    allowed: ['coordinator', 'director', 'otherDirector'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/team-board' }),
  },
  { operation: 'GET /cases/{id}/plan', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/plan') },
  {
    operation: 'PUT /cases/{id}/plan',
    allowed: ['director'],
    scope: 'resource',
    request: onCase('PUT', '/plan', () => ({ goal: 'Nieuw doel', actions: [] })),
  },
  {
    operation: 'POST /cases/{id}/plan/agreements',
    allowed: ['director', 'initiator'],
    scope: 'resource',
    request: onCase('POST', '/plan/agreements', () => ({ version: 1 })),
  },
  {
    operation: 'PATCH /cases/{id}/plan/actions/{actionId}',
    allowed: ['director'],
    scope: 'resource',
    request: onCase('PATCH', '/plan/actions/{actionId}', () => ({ status: 'done' })),
  },
  { operation: 'GET /cases/{id}/events', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/events') },
  {
    operation: 'POST /cases/{id}/notes',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/notes', () => ({ text: 'Notitie', visibility: 'internal' })),
  },
  {
    operation: 'POST /cases/{id}/messages',
    allowed: ['initiator', 'director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/messages', () => ({ text: 'Hallo' })),
  },
  // The case dossier PDF (docs/product.md#the-dossier): staff who read the case file.
  { operation: 'GET /cases/{id}/dossier', allowed: caseReaders, scope: 'resource', request: onCase('GET', '/dossier') },
  // The integrated assessment (docs/product.md#the-assessment-round): rounds by the director or a coordinator, answers by the
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
  // The rules register (docs/product.md#the-rules-register): all staff read it (they cite it), only the admin keeps it.
  { operation: 'GET /rules', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/rules' }) },
  { operation: 'POST /rules', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'POST', url: '/rules', body: ruleRow() }) },
  { operation: 'GET /rules/export', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/rules/export?format=json' }) },
  {
    operation: 'POST /rules/import',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/rules/import', body: { format: 'json', content: JSON.stringify([ruleRow()]) } }),
  },
  { operation: 'GET /rules/{id}', allowed: staff, scope: 'resource', request: onRule('GET', '') },
  { operation: 'PATCH /rules/{id}', allowed: ['admin'], scope: 'resource', request: onRule('PATCH', '', { title: 'Nieuwe titel' }) },
  { operation: 'POST /rules/{id}/expiry', allowed: ['admin'], scope: 'resource', request: onRule('POST', '/expiry', { validUntil: '2099-12-31' }) },
  // The mandate register (docs/product.md#the-mandate-register): all staff read it, only the admin keeps it.
  { operation: 'GET /mandates', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/mandates' }) },
  {
    operation: 'POST /mandates',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({
      method: 'POST',
      url: '/mandates',
      body: { holder: { kind: 'role', role: 'coordinator' }, scope: { kind: 'agreePlan' }, delegatedBy: 'de gemeentesecretaris', validFrom: '2026-01-01' },
    }),
  },
  { operation: 'GET /mandates/{id}', allowed: staff, scope: 'resource', request: onMandate('GET', '') },
  { operation: 'PATCH /mandates/{id}', allowed: ['admin'], scope: 'resource', request: onMandate('PATCH', '', { delegatedBy: 'de burgemeester' }) },
  { operation: 'POST /mandates/{id}/expiry', allowed: ['admin'], scope: 'resource', request: onMandate('POST', '/expiry', { validUntil: '2099-12-31' }) },
  // Commitments (docs/product.md#commitments-on-record): recorded by those on the case (its director, coordinator,
  // specialist, executive, admin); ended and amended by the case's director, the coordinator,
  // the maker and the recorder; confirmed only by the holder of a covering mandate (for an
  // outside person's "other" commitment: the coordinator). The initiator sees those made to them.
  {
    operation: 'POST /cases/{id}/commitments',
    allowed: ['director', 'coordinator', 'specialist', 'executive', 'admin'],
    scope: 'resource',
    request: onCase('POST', '/commitments', () => commitmentBody),
  },
  { operation: 'GET /cases/{id}/commitments', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/commitments') },
  { operation: 'GET /commitments', allowed: caseReaders, scope: 'collection', request: async () => ({ method: 'GET', url: '/commitments?scope=all' }) },
  { operation: 'GET /commitments/export', allowed: caseReaders, scope: 'collection', request: async () => ({ method: 'GET', url: '/commitments/export' }) },
  { operation: 'GET /commitments/{id}', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCommitment('GET', '') },
  {
    operation: 'POST /commitments/{id}/amendments',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/amendments', { dueOn: '2027-01-31', reason: 'Later besproken' }),
  },
  {
    operation: 'POST /commitments/{id}/confirmation',
    allowed: ['coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/confirmation', { decision: 'confirm' }),
  },
  {
    operation: 'POST /commitments/{id}/outcome',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/outcome', { status: 'kept' }),
  },
  // The municipality's set-up: every staff member reads it, only the admin changes it.
  { operation: 'GET /municipalities', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/municipalities' }) },
  {
    operation: 'GET /municipalities/{slug}',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}` }),
  },
  { operation: 'GET /organisation', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/organisation' }) },
  {
    operation: 'POST /departments',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/departments', body: { name: `Afdeling ${uniq()}`, domain: 'social' } }),
  },
  { operation: 'PATCH /departments/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('departments', 'PATCH', { name: 'Hernoemd' }) },
  { operation: 'DELETE /departments/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('departments', 'DELETE') },
  {
    operation: 'POST /areas',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/areas', body: { name: `Gebied ${uniq()}` } }),
  },
  { operation: 'PATCH /areas/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('areas', 'PATCH', { name: `Hernoemd ${uniq()}` }) },
  { operation: 'DELETE /areas/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('areas', 'DELETE') },
  {
    operation: 'POST /themes',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/themes', body: { name: `Thema ${uniq()}` } }),
  },
  { operation: 'PATCH /themes/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('themes', 'PATCH', { name: `Hernoemd ${uniq()}` }) },
  { operation: 'DELETE /themes/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('themes', 'DELETE') },
  { operation: 'GET /users', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/users' }) },
  {
    operation: 'POST /users',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({
      method: 'POST',
      url: '/users',
      body: { email: `nieuw-${uniq()}@example.nl`, name: 'Nieuwe collega', role: 'director', password: 'een-lang-wachtwoord' },
    }),
  },
  { operation: 'PATCH /users/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('users', 'PATCH', { name: 'Andere naam' }) },
  { operation: 'GET /settings', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/settings' }) },
  {
    operation: 'PATCH /settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PATCH', url: '/settings', body: { planTermDays: 42 } }),
  },
];
