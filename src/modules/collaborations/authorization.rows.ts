// The negative suite's rows for collaborations (see src/testing/authorization.int.test.ts;
// who may: docs/product.md#collaborations). The collaboration is owned by the world's
// director, so the other director reads it but may not change it.
import type { Actor } from '../../platform/auth/index.js';
import type { ActorKey, Req, Row, World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { addParty, addTarget, startCollaboration } from './service.js';

const readers: ActorKey[] = ['director', 'coordinator', 'executive', 'council', 'admin', 'otherDirector'];
const editors: ActorKey[] = ['director', 'coordinator', 'admin'];

const fresh = async (w: World, side: 'A' | 'B') => {
  const director = w.people[side].director?.actor as Actor;
  const ctx = ctxFor(w.deps, director);
  const c = await startCollaboration(ctx, {
    name: 'Jeugdoverlast',
    description: '',
    goal: 'Minder overlast',
    ownerUserId: director.userId,
    phase: 'agenda',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'end',
    areaIds: [],
    themeIds: [],
    caseIds: [],
  });
  const withTarget = await addTarget(ctx, { collaborationId: c.id, indicator: 'Meldingen', baseline: 40, targetValue: 20, unit: 'st', targetOn: '2026-12-31' });
  const withParty = await addParty(ctx, {
    collaborationId: c.id,
    kind: 'organisation',
    departmentId: null,
    municipalityId: null,
    name: 'Politie',
    orgType: 'public',
    kvkNumber: null,
    contactName: null,
    contactEmail: null,
    decidesAlone: [],
    decidesTogether: [],
    finalSay: [],
    yield: '',
    contributions: [],
  });
  return { id: c.id, targetId: withTarget.targets[0]?.id as string, partyId: withParty.parties[0]?.id as string };
};

const on =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const c = await fresh(w, side);
    return { method, url: `/collaborations/${c.id}${tail.replace('{targetId}', c.targetId).replace('{partyId}', c.partyId)}`, body };
  };

export const rows: Row[] = [
  { operation: 'GET /collaborations', allowed: readers, scope: 'collection', request: async () => ({ method: 'GET', url: '/collaborations' }) },
  {
    operation: 'POST /collaborations',
    // every director, coordinator and admin may start one
    allowed: [...editors, 'otherDirector'],
    scope: 'collection',
    request: async (w, side) => ({
      method: 'POST',
      url: '/collaborations',
      body: { name: 'Samen veilig', ownerUserId: (w.people[side].director?.actor as Actor).userId, startOn: '2026-01-01', endOn: '2026-12-31' },
    }),
  },
  { operation: 'GET /collaborations/{id}', allowed: readers, scope: 'resource', request: on('GET', '') },
  { operation: 'GET /collaborations/{id}/sheet.pdf', allowed: readers, scope: 'resource', request: on('GET', '/sheet.pdf') },
  { operation: 'PATCH /collaborations/{id}', allowed: editors, scope: 'resource', request: on('PATCH', '', { goal: 'Minder overlast, meer ontmoeting' }) },
  { operation: 'POST /collaborations/{id}/phase', allowed: editors, scope: 'resource', request: on('POST', '/phase', { phase: 'policy' }) },
  {
    operation: 'POST /collaborations/{id}/targets',
    allowed: editors,
    scope: 'resource',
    request: on('POST', '/targets', { indicator: 'Incidenten', baseline: 10, targetValue: 5, unit: 'per maand', targetOn: '2026-12-31' }),
  },
  {
    operation: 'PATCH /collaborations/{id}/targets/{targetId}',
    allowed: editors,
    scope: 'resource',
    request: on('PATCH', '/targets/{targetId}', { targetValue: 15 }),
  },
  {
    operation: 'POST /collaborations/{id}/targets/{targetId}/readings',
    allowed: editors,
    scope: 'resource',
    request: on('POST', '/targets/{targetId}/readings', { readOn: '2026-02-01', value: 35 }),
  },
  {
    operation: 'POST /collaborations/{id}/parties',
    allowed: editors,
    scope: 'resource',
    request: on('POST', '/parties', { kind: 'organisation', name: 'Sportclub', orgType: 'nonprofit', yield: 'Jeugdleden' }),
  },
  {
    operation: 'PATCH /collaborations/{id}/parties/{partyId}',
    allowed: editors,
    scope: 'resource',
    request: on('PATCH', '/parties/{partyId}', { yield: 'Minder meldingen' }),
  },
];
