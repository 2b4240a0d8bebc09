// The negative suite: for every endpoint of the API, who is refused. Each row says
// which actors may call it; everyone else of the same municipality is refused (403
// or 404), a caller without credentials gets 401, and an allowed role of ANOTHER
// municipality gets 404 for a resource or sees none of its rows in a collection.
// A meta-test fails when the OpenAPI document has an operation without a row, so a
// new endpoint cannot ship without its refusals. The rows live beside each module's
// tests (src/modules/*/authorization.rows.ts), assembled in authorization.rows.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { collaborationWithParty, outsidePartyEmail, partySessionCookie } from '../modules/collaborations/testing.js';
import { createApiToken } from '../modules/identity/index.js';
import type { Actor } from '../platform/auth/index.js';
import { freshCaseIn } from './authorization.js';
import { ACTOR_KEYS, type ActorKey, rows, type World } from './authorization.rows.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from './factories.js';
import { withTestApp } from './http.js';

const t = withTestApp();
const people: Record<'A' | 'B', Partial<Record<ActorKey, { actor: Actor; token: string }>>> = { A: {}, B: {} };
const munis: Partial<Record<'A' | 'B', TestMunicipality>> = {};

async function person(side: 'A' | 'B', key: ActorKey, actor: Actor) {
  const { token } = await createApiToken(ctxFor(t.deps, actor), { name: 'suite' });
  people[side][key] = { actor, token };
}

async function populate(side: 'A' | 'B') {
  const m = await buildMunicipality(t.db);
  munis[side] = m;
  for (const role of ['admin', 'coordinator', 'specialist', 'executive', 'council'] as const)
    await person(side, role, await actorOf(role, { municipality: m }));
  await person(side, 'director', await actorOf('director', { municipality: m }));
  await person(side, 'otherDirector', await actorOf('director', { municipality: m }));
  for (const key of ['initiator', 'otherInitiator'] as const) {
    const c = await buildCase({
      municipality: m,
      deps: t.deps,
      initiator: { name: key, email: `${key}-${m.slug}@example.nl` },
      title: 'Een casus',
      description: 'Een casus om mee te testen.',
      location: 'Centrum',
    });
    await person(side, key, c.initiator);
  }
  // The outside party: no staff account, a session of its own (a cookie the staff
  // authentication never reads), in a collaboration of this municipality.
  const director = people[side].director?.actor as Actor;
  await collaborationWithParty(t.deps, director, outsidePartyEmail(m.slug));
  people[side].outsideParty = { actor: director, token: await partySessionCookie(t.deps, m.id, outsidePartyEmail(m.slug)) };
}

/** The credential of `key`: a bearer token, or the outside party's session cookie. */
const credentialOf = (side: 'A' | 'B', key: ActorKey): Credential | undefined => {
  const p = people[side][key];
  if (!p) return undefined;
  return key === 'outsideParty' ? { cookie: p.token } : { bearer: p.token };
};
type Credential = { bearer: string } | { cookie: string };

/** A fresh case of the initiator in municipality `side`, in planning with a director and a plan. */
const freshCase = (side: 'A' | 'B', opts: { suspended?: boolean } = {}) => freshCaseIn(t.deps, munis[side] as TestMunicipality, people[side], opts);

beforeAll(async () => {
  await populate('A');
  await populate('B');
}, 120_000);

const world = (): World => ({ fresh: freshCase, people, munis: munis as Record<'A' | 'B', TestMunicipality>, deps: t.deps });

async function call(r: ReturnType<(typeof rows)[number]['request']> extends Promise<infer X> ? X : never, who?: Credential) {
  const credential = !who ? {} : 'bearer' in who ? { authorization: `Bearer ${who.bearer}` } : { cookie: `regie_party=${who.cookie}` };
  return t.app.inject({ method: r.method, url: `/api/v1${r.url}`, payload: r.payload ?? r.body, headers: { ...r.headers, ...credential } });
}

describe('every endpoint refuses whom it must', () => {
  it('has a row for every operation in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(rows.map((r) => r.operation));
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  });

  it('has one row per operation, and none for an operation the document lacks', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = new Set(
      Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    const names = rows.map((r) => r.operation);
    expect(names.filter((o, i) => names.indexOf(o) !== i)).toEqual([]);
    expect(names.filter((o) => !operations.has(o))).toEqual([]);
  });

  for (const row of rows) {
    describe(row.operation, () => {
      it('answers an allowed caller', async () => {
        const req = await row.request(world(), 'A');
        const who = row.allowed === 'public' ? undefined : credentialOf('A', row.allowed[0] as ActorKey);
        const res = await call(req, who);
        expect(res.statusCode, res.body).toBeLessThan(300);
      });

      if (row.allowed !== 'public') {
        const allowed = row.allowed;
        // Every refusal below is asked with the same request, built once: a refused call
        // changes nothing, and one that wrongly succeeds fails its own test.
        let refused: ReturnType<typeof row.request> | undefined;
        const toRefuse = () => {
          refused ??= row.request(world(), 'A');
          return refused;
        };
        it('answers 401 without credentials', async () => {
          const res = await call(await toRefuse());
          expect(res.statusCode).toBe(401);
          expect(res.headers['content-type']).toContain('application/problem+json');
        });

        for (const key of ACTOR_KEYS.filter((k) => !allowed.includes(k))) {
          it(`refuses the ${key} of the same municipality`, async () => {
            const res = await call(await toRefuse(), credentialOf('A', key));
            // The outside party's session is no staff login: a staff endpoint does not know it (401).
            const refusals = key === 'outsideParty' ? [401, 403, 404] : [403, 404];
            expect(refusals, `${key}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          });
        }

        it('refuses or hides it from an allowed role of another municipality', async () => {
          const req = await toRefuse();
          const res = await call(req, credentialOf('B', allowed[0] as ActorKey));
          if (row.scope === 'resource') {
            expect(res.statusCode, res.body).toBe(404);
          } else {
            // A collection answers for the caller's own municipality: none of A's rows.
            expect(res.body).not.toContain((munis.A as TestMunicipality).id);
            expect(res.body).not.toContain((munis.A as TestMunicipality).slug);
          }
        });
      }
    });
  }
});
