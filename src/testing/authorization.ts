// The negative authorization suite's vocabulary (authorization.int.test.ts): the
// people of two municipalities, a fresh case in planning, and the shape of a row.
// Each module keeps the rows for its own operations beside its tests
// (src/modules/*/authorization.rows.ts); authorization.rows.ts assembles them.

import { suspendClock } from '../modules/cases/index.js';
import { createApiToken, issueLoginLink } from '../modules/identity/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Deps } from '../platform/context.js';
import { buildCase, ctxFor, type TestMunicipality } from './factories.js';

export const ACTOR_KEYS = [
  'admin',
  'coordinator',
  'director',
  'otherDirector',
  'specialist',
  'executive',
  'council',
  'initiator',
  'otherInitiator',
  // an outside party's contact, logged in through its one-time link (docs/product.md#an-outside-partys-read-access)
  'outsideParty',
] as const;
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
  /** a body that is not JSON (a multipart upload), sent as it is with its own headers */
  payload?: Buffer;
  /** headers the request needs besides the caller's token (a cookie a flow set earlier) */
  headers?: Record<string, string>;
}

export interface Row {
  operation: string;
  /** The first listed actor is used for the allowed call and the other-municipality call. */
  allowed: ActorKey[] | 'public';
  scope: 'resource' | 'collection';
  request(w: World, side: 'A' | 'B'): Promise<Req>;
}

export const everyone: ActorKey[] = ACTOR_KEYS.filter((k) => k !== 'outsideParty');
export const staff: ActorKey[] = ACTOR_KEYS.filter((k) => k !== 'initiator' && k !== 'otherInitiator' && k !== 'outsideParty');
/** Staff who read case files (council members get overviews, not files). */
export const caseReaders: ActorKey[] = ['coordinator', 'director', 'otherDirector', 'specialist', 'executive', 'admin'];

export const onCase =
  (method: Req['method'], tail: string, body?: (f: Fresh) => Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const f = await w.fresh(side);
    return { method, url: `/cases/${f.caseId}${tail.replace('{actionId}', f.actionId)}`, body: body?.(f) };
  };

/** A name or code of its own, so repeated calls never overlap. */
export const uniq = () => Math.random().toString(36).slice(2, 10);

/** The fields of a register rule with a code of its own (non-strict, economy). */
export const ruleFields = () => ({
  code: `AUTH-${uniq()}`,
  title: 'Testregel',
  legalSource: 'APV artikel 1:1',
  domain: 'economy' as const,
  strict: false,
  validFrom: '2024-01-01',
});

/**
 * A fresh case in municipality `m` for the suites that walk every operation: in
 * planning with the world's director and a plan, an unused login link of its
 * initiator and a personal token to revoke.
 */
export async function freshCaseIn(
  deps: Deps,
  m: TestMunicipality,
  p: Partial<Record<ActorKey, { actor: Actor; token: string }>>,
  opts: { suspended?: boolean } = {},
): Promise<Fresh> {
  const c = await buildCase({
    municipality: m,
    deps,
    initiator: { name: 'initiator', email: p.initiator?.actor.email as string },
    coordinator: p.coordinator?.actor,
    director: p.director?.actor,
    plan: { goal: 'Terras open voor de zomer', actions: [{ description: 'Aanvraag', ownerKind: 'initiator', dueOn: '2026-05-01' }] },
  });
  const director = ctxFor(deps, p.director?.actor as Actor);
  if (opts.suspended) await suspendClock(director, { caseId: c.id, reason: 'Wacht op stukken' });
  const link = await deps.db.unsafeTransaction((trx) =>
    issueLoginLink(trx, deps, { municipalityId: m.id, userId: p.initiator?.actor.userId as string, caseId: c.id }),
  );
  const token = await createApiToken(director, { name: 'to-revoke' });
  return { caseId: c.id, actionId: c.actionIds[0] as string, loginLink: link.split('#')[1] as string, tokenId: token.id, municipality: m };
}
