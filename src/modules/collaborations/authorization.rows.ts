// The negative suite's rows for collaborations (see src/testing/authorization.int.test.ts;
// who may: docs/product.md#collaborations). The collaboration is owned by the world's
// director, so the other director reads it but may not change it.
import type { Actor } from '../../platform/auth/index.js';
import type { ActorKey, Req, Row, World } from '../../testing/authorization.js';
import { actorOf, buildMunicipality, ctxFor } from '../../testing/factories.js';
import { addAgreement } from './agreements.js';
import { addParty, addTarget, startCollaboration } from './service.js';
import { collaborationWithPartner, collaborationWithParty, outsidePartyEmail, partyLoginToken } from './testing.js';

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

/** A collaboration of a fresh municipality with `side` as a party (docs/product.md#a-partner-municipality-reads-a-collaboration). */
const asPartner =
  (tail: string) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const owner = await buildMunicipality(w.deps.db);
    const c = await collaborationWithPartner(w.deps, await actorOf('director', { municipality: owner }), w.munis[side]);
    return { method: 'GET', url: `/partner-collaborations/${c.id}${tail}` };
  };

export const rows: Row[] = [
  // A partner municipality's readers read the collaboration, read-only; the other municipality of the suite is no party (404).
  {
    operation: 'GET /partner-collaborations',
    allowed: readers,
    scope: 'collection',
    request: async (w, s) => {
      await asPartner('')(w, s);
      return { method: 'GET', url: '/partner-collaborations' };
    },
  },
  { operation: 'GET /partner-collaborations/{id}', allowed: readers, scope: 'resource', request: asPartner('') },
  { operation: 'GET /partner-collaborations/{id}/sheet.pdf', allowed: readers, scope: 'resource', request: asPartner('/sheet.pdf') },
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
  // Agreements within a collaboration (docs/product.md#agreements-within-a-collaboration):
  // read by the collaboration's readers, recorded, amended and ended by whoever keeps it;
  // one outside its maker's mandate is confirmed by the mandate holder (here nobody holds
  // one, so the coordinator records the college's decision); an outside party answers
  // through its one-time link.
  { operation: 'GET /collaborations/{id}/agreements', allowed: readers, scope: 'resource', request: on('GET', '/agreements') },
  {
    operation: 'POST /collaborations/{id}/agreements',
    allowed: editors,
    scope: 'resource',
    request: async (w, side) => {
      const c = await fresh(w, side);
      const director = (w.people[side].director?.actor as Actor).userId;
      return {
        method: 'POST',
        url: `/collaborations/${c.id}/agreements`,
        body: { madeBy: { userId: director }, madeTo: { partyId: c.partyId }, what: 'Extra verlichting', dueOn: '2026-06-01', madeOn: '2026-03-01' },
      };
    },
  },
  {
    operation: 'POST /collaborations/{id}/agreements/{agreementId}/amendments',
    allowed: editors,
    scope: 'resource',
    request: onAgreement('/amendments', { dueOn: '2026-07-01', reason: 'Later geleverd' }),
  },
  {
    operation: 'POST /collaborations/{id}/agreements/{agreementId}/outcome',
    allowed: editors,
    scope: 'resource',
    request: onAgreement('/outcome', { status: 'kept' }),
  },
  {
    operation: 'POST /collaborations/{id}/agreements/{agreementId}/confirmation',
    allowed: ['coordinator'],
    scope: 'resource',
    request: onAgreement('/confirmation', { decision: 'confirm', reason: 'Collegebesluit 1 maart 2026' }, { kind: 'commitMoney', amountCents: 99_900_000_00 }),
  },
  // docs/product.md#sending-an-outside-partys-link-again: whoever keeps the collaboration
  {
    operation: 'POST /collaborations/{id}/agreements/{agreementId}/link',
    allowed: editors,
    scope: 'resource',
    request: async (w, side) => {
      const a = await partyAgreement(w, side);
      return { method: 'POST', url: `/collaborations/${a.collaborationId}/agreements/${a.agreementId}/link` };
    },
  },
  {
    operation: 'GET /agreement-links/{token}',
    allowed: 'public',
    scope: 'resource',
    request: async (w, side) => ({ method: 'GET', url: `/agreement-links/${await partyAgreementToken(w, side)}` }),
  },
  {
    operation: 'POST /agreement-links/{token}/answer',
    allowed: 'public',
    scope: 'resource',
    request: async (w, side) => ({ method: 'POST', url: `/agreement-links/${await partyAgreementToken(w, side)}/answer`, body: { decision: 'confirm' } }),
  },
  // An outside party's read access (docs/product.md#an-outside-partys-read-access): asking
  // for a login link and using it are public; the pages are the party's session's only.
  {
    operation: 'POST /party-login-links',
    allowed: 'public',
    scope: 'collection',
    request: async (w, side) => ({
      method: 'POST',
      url: '/party-login-links',
      body: { municipality: w.munis[side].slug, email: outsidePartyEmail(w.munis[side].slug) },
    }),
  },
  {
    operation: 'POST /party-sessions',
    allowed: 'public',
    scope: 'collection',
    request: async (w, side) => ({
      method: 'POST',
      url: '/party-sessions',
      body: { token: await partyLoginToken(w.deps, w.munis[side].id, outsidePartyEmail(w.munis[side].slug)) },
    }),
  },
  {
    operation: 'DELETE /party-sessions/current',
    allowed: 'public',
    scope: 'collection',
    request: async () => ({ method: 'DELETE', url: '/party-sessions/current' }),
  },
  {
    operation: 'GET /party/collaborations',
    allowed: ['outsideParty'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/party/collaborations' }),
  },
  { operation: 'GET /party/collaborations/{id}', allowed: ['outsideParty'], scope: 'resource', request: onPartyCollaboration('') },
  { operation: 'GET /party/collaborations/{id}/sheet.pdf', allowed: ['outsideParty'], scope: 'resource', request: onPartyCollaboration('/sheet.pdf') },
];

/** A fresh collaboration of `side` with the suite's outside party as a party. */
function onPartyCollaboration(tail: string) {
  return async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const id = await collaborationWithParty(w.deps, w.people[side].director?.actor as Actor, outsidePartyEmail(w.munis[side].slug));
    return { method: 'GET', url: `/party/collaborations/${id}${tail}` };
  };
}

/** A fresh agreement by the owning director, to the collaboration's party. */
function onAgreement(tail: string, body: Record<string, unknown>, decision: Record<string, unknown> = { kind: 'other' }) {
  return async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const c = await fresh(w, side);
    const director = w.people[side].director?.actor as Actor;
    const a = await addAgreement(ctxFor(w.deps, director), {
      collaborationId: c.id,
      madeBy: { userId: director.userId },
      madeTo: { partyId: c.partyId },
      what: 'Extra verlichting',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-03-01',
      decision: decision as never,
    });
    return { method: 'POST', url: `/collaborations/${c.id}/agreements/${a.id}${tail}`, body };
  };
}

/** An outside party's agreement and the token of the link mailed to its contact person. */
async function partyAgreementToken(w: World, side: 'A' | 'B'): Promise<string> {
  return (await partyAgreement(w, side)).token;
}

/** An outside party's agreement waiting for its answer, with the token mailed to the party. */
async function partyAgreement(w: World, side: 'A' | 'B'): Promise<{ collaborationId: string; agreementId: string; token: string }> {
  const c = await fresh(w, side);
  const director = w.people[side].director?.actor as Actor;
  const ctx = ctxFor(w.deps, director);
  const v = await addParty(ctx, {
    collaborationId: c.id,
    kind: 'organisation',
    departmentId: null,
    municipalityId: null,
    name: 'Politie Midden',
    orgType: 'public',
    kvkNumber: null,
    contactName: 'Bram',
    contactEmail: `bram.${c.id}@politie.example`,
    decidesAlone: [],
    decidesTogether: [],
    finalSay: [],
    yield: '',
    contributions: [],
  });
  const police = v.parties.find((p) => p.name === 'Politie Midden')?.id as string;
  const a = await addAgreement(ctx, {
    collaborationId: c.id,
    madeBy: { partyId: police },
    madeTo: { userId: director.userId },
    what: 'Surveillance op vrijdag',
    dueOn: '2026-06-01',
    madeVia: 'meeting',
    madeOn: '2026-03-01',
    decision: { kind: 'other' },
  });
  const mail = await w.deps.db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where('to_address', '=', `bram.${c.id}@politie.example`)
    .executeTakeFirstOrThrow();
  return { collaborationId: c.id, agreementId: a.id, token: /\/afspraak\/([^\s]+)/.exec(mail.body_text)?.[1] as string };
}
