// The rows of the negative suite (authorization.int.test.ts): one per API
// operation, with who may call it. Keep this in step with the policies.
import type { Actor } from '../../modules/identity/model.js';
import { createDepartment, createNamed, createUser } from '../../modules/organisation/service.js';
import { createRule } from '../../modules/rules/service.js';
import type { Deps } from '../context.js';
import { ctxFor, TEST_PASSWORD, type TestMunicipality } from '../testing/factories.js';

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
  // The rules register (issue 3): all staff read it (they cite it), only the admin keeps it.
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
