// Figures cached until they change (docs/product.md#management-information), over HTTP
// with the composition root's figure sources, on PGlite and PostgreSQL: a second read
// is served from the cache (a change made behind the rollup's back is not seen), and
// the next read shows the new figure after a rollup batch, an answered survey, a
// confirmed participation response, a changed collaboration and a request by another
// municipality to this one's department. Another municipality
// or another role never gets the figures cached for the first; the ETag answers 304.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Tx } from '../../platform/db/index.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { buildSharedRound } from '../assessments/testing.js';
import { changePhase, startCollaboration } from '../collaborations/index.js';
import { createApiToken } from '../identity/index.js';
import { buildAgreement } from '../intermunicipal/testing.js';
import { unsafeConfirmResponse } from '../participation/index.js';
import { buildPeriod, confirmationTokenFor, respond } from '../participation/testing.js';
import { answerSurvey } from '../satisfaction/index.js';
import { closedCaseWithSurvey } from '../satisfaction/testing.js';
import { FigureCache } from './cache.js';
import { applyInsightQueue } from './index.js';
import { cachedFigures } from './service.js';

const t = withTestApp({ clock: fixedClock('2026-03-02T09:00:00+01:00') });

let m: TestMunicipality;
let coordinator: Actor;
let director: Actor;
let council: Actor;
let elsewhere: Actor;

const tokens = new Map<string, string>();
async function get(a: Actor, url: string, headers: Record<string, string> = {}) {
  let token = tokens.get(a.userId);
  if (!token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}`, ...headers } });
}
async function figures(a: Actor, query = '') {
  const res = await get(a, `/insights${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  coordinator = await actorOf('coordinator', { municipality: m });
  director = await actorOf('director', { municipality: m });
  council = await actorOf('council', { municipality: m });
  const other = await buildMunicipality(t.db);
  elsewhere = await actorOf('coordinator', { municipality: other });
  await buildCase({ municipality: m, deps: t.deps, director });
  await applyInsightQueue(t.deps);
});

describe('served from the cache until the figures change', () => {
  it('serves a second read from the cache: a change made behind the rollup, without its version, is not seen', async () => {
    const before = await figures(coordinator);
    for (const table of ['insight_totals', 'insight_day_totals']) {
      await sql`update ${sql.table(table)} set value = value + 100 where municipality_id = ${m.id} and metric = 'submitted'`.execute(t.db.unsafeAdmin);
    }
    try {
      expect((await figures(coordinator)).leadTimes.cases).toEqual(before.leadTimes.cases);
    } finally {
      for (const table of ['insight_totals', 'insight_day_totals']) {
        await sql`update ${sql.table(table)} set value = value - 100 where municipality_id = ${m.id} and metric = 'submitted'`.execute(t.db.unsafeAdmin);
      }
    }
  });

  it('on PGlite serves a second read without a transaction while nothing was written; PostgreSQL reads the version each time', async () => {
    await figures(coordinator, '?domain=social');
    const tenant = t.db.tenant;
    let transactions = 0;
    t.db.tenant = <T>(id: string, fn: (trx: Tx) => Promise<T>) => {
      transactions++;
      return tenant.call(t.db, id, fn) as Promise<T>;
    };
    try {
      await figures(coordinator, '?domain=social');
      expect(transactions).toBe(t.db.kind === 'pglite' ? 0 : 1);
      // Anything written, however unrelated, and the version is read again.
      await sql`update municipalities set name = name where id = ${m.id}`.execute(t.db.unsafeAdmin);
      await figures(coordinator, '?domain=social');
      expect(transactions).toBe(t.db.kind === 'pglite' ? 1 : 2);
    } finally {
      t.db.tenant = tenant;
    }
  });

  it('shows a new case once the rollup batch that counts it is applied', async () => {
    const before = (await figures(coordinator)).leadTimes.cases.submitted;
    await buildCase({ municipality: m, deps: t.deps, director });
    // Not yet in the rollup: read again now (and cached under the new event) …
    expect((await figures(coordinator)).leadTimes.cases.submitted).toBe(before);
    // … then the batch alone, no new event: the rollup's version moves.
    expect(await applyInsightQueue(t.deps)).toBeGreaterThan(0);
    expect((await figures(coordinator)).leadTimes.cases.submitted).toBe(before + 1);
  });

  it('shows an answered survey at once', async () => {
    const c = await closedCaseWithSurvey(t.deps, m, { director });
    await applyInsightQueue(t.deps);
    const before = (await figures(coordinator)).satisfaction;
    expect(before.answers).toBe(0);
    await answerSurvey(t.deps, c.token, { mark: 8, directorClear: null, planConcrete: null, promisesKept: null, speed: null, comment: null });
    const after = (await figures(coordinator)).satisfaction;
    expect(after.answers).toBe(1);
    expect(after.averageMark).toBe(8);
  });

  it('shows a confirmed participation response at once', async () => {
    const c = await buildCase({
      municipality: m,
      deps: t.deps,
      director,
      plan: { goal: 'Terras', actions: [{ description: 'Aanvraag', ownerKind: 'initiator', dueOn: '2026-05-01' }] },
    });
    const p = await buildPeriod(t.deps, director, c.id);
    await respond(t.deps, m.slug, p, { email: 'els@example.nl', position: 'support', topicIds: [p.topics[0]?.id as string] });
    await applyInsightQueue(t.deps);
    expect((await figures(coordinator)).participation.respondents).toBe(0);
    await unsafeConfirmResponse(t.deps, await confirmationTokenFor(t.deps, 'els@example.nl'));
    expect((await figures(coordinator)).participation.respondents).toBe(1);
  });

  it('shows a collaboration changing phase at once', async () => {
    const ctx = ctxFor(t.deps, director);
    const c = await startCollaboration(ctx, {
      name: 'Jeugdoverlast',
      description: '',
      goal: 'Minder overlast',
      ownerUserId: director.userId,
      phase: 'agenda',
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      areaIds: [m.areaIds[0] as string],
      themeIds: [],
      caseIds: [],
    });
    const phases = async () =>
      Object.fromEntries((await figures(coordinator)).collaborations.byPhase.map((x: { phase: string; count: number }) => [x.phase, x.count]));
    expect(await phases()).toMatchObject({ agenda: 1, policy: 0 });
    await changePhase(ctx, { id: c.id, phase: 'policy' });
    expect(await phases()).toMatchObject({ agenda: 0, policy: 1 });
  });

  it('reads the collaborations, which do not depend on the period, once for every period, per area, and anew after they changed', async () => {
    const ctx = ctxFor(t.deps, director);
    const inArea = m.areaIds[1] as string;
    const c = await startCollaboration(ctx, {
      name: 'Groen schoolplein',
      description: '',
      goal: 'Een groen plein',
      ownerUserId: director.userId,
      phase: 'agenda',
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      areaIds: [inArea],
      themeIds: [],
      caseIds: [],
    });
    const inPhase = async (phase: string, query: string) =>
      (await figures(coordinator, query)).collaborations.byPhase.find((x: { phase: string }) => x.phase === phase).count as number;
    const agenda = (query: string) => inPhase('agenda', query);
    const first = await agenda(`?areaId=${inArea}&from=2025-01-01&to=2025-12-31`);
    expect(first).toBe(1);
    // Changed behind the module's back (no collaboration event): a period not asked
    // before still gets the collaborations as read for the first one …
    await sql`update collaborations set phase = 'evaluation' where id = ${c.id}`.execute(t.db.unsafeAdmin);
    try {
      expect(await agenda(`?areaId=${inArea}&from=2025-02-01&to=2026-01-31`)).toBe(first);
      // … while without the area it is another key, read now.
      expect(await inPhase('evaluation', '?from=2025-02-01&to=2026-01-31')).toBe(1);
    } finally {
      await sql`update collaborations set phase = 'agenda' where id = ${c.id}`.execute(t.db.unsafeAdmin);
    }
    // A change through the module records its event: read anew, for any period.
    await changePhase(ctx, { id: c.id, phase: 'policy' });
    expect(await agenda(`?areaId=${inArea}&from=2025-03-01&to=2026-02-28`)).toBe(0);
    expect(await agenda(`?areaId=${inArea}&from=2025-01-01&to=2025-12-31`)).toBe(0);
  });

  it('shows the providing municipality a request another municipality made at once, though nothing changed in its own event log', async () => {
    const provider = await buildMunicipality(t.db);
    const providerAdmin = await actorOf('admin', { municipality: provider });
    const providerCoordinator = await actorOf('coordinator', { municipality: provider });
    // the asked department is staffed: a specialist of the provider's first department
    await actorOf('specialist', { municipality: provider });
    const receiverAdmin = await actorOf('admin', { municipality: m });
    const agreement = await buildAgreement(t.deps, { provider, providerAdmin, receiver: m, receiverAdmin });
    const provided = async () => (await figures(providerCoordinator)).sharedRequests.totals.provided.requests;
    expect(await provided()).toBe(0);
    const c = await buildCase({ municipality: m, deps: t.deps, director, status: 'planning' });
    await buildSharedRound(t.deps, { by: director, caseId: c.id, agreementId: agreement.id, departmentId: provider.departmentIds[0] as string });
    expect(await provided()).toBe(1);
  });
});

describe('computed once for everyone who asks at once', () => {
  it('computes a page asked for by five readers at the same moment once, and gives each the same figures', async () => {
    const caches = {
      figures: new FigureCache<string>({ maxEntries: 10, maxBytes: 1e7 }),
      sources: new FigureCache<unknown>({ maxEntries: 10, maxBytes: 1e7 }),
    };
    let produced = 0;
    const read = () =>
      cachedFigures(ctxFor(t.deps, coordinator), {}, {}, caches, 'json', (fig) => {
        produced++;
        const value = JSON.stringify(fig);
        return { value, bytes: value.length };
      });
    const pages = await Promise.all([read(), read(), read(), read(), read()]);
    expect(produced).toBe(1);
    expect(new Set(pages.map((p) => p.value)).size).toBe(1);
    expect(new Set(pages.map((p) => p.etag)).size).toBe(1);
    expect(JSON.parse(pages[0]?.value ?? '{}').leadTimes.cases.submitted).toBeGreaterThan(0);
    // After a change the next readers compute once more, together.
    await buildCase({ municipality: m, deps: t.deps, director });
    await applyInsightQueue(t.deps);
    const after = await Promise.all([read(), read(), read()]);
    expect(produced).toBe(2);
    expect(after[0]?.etag).not.toBe(pages[0]?.etag);
  });
});

describe('never the figures of another reader', () => {
  it('answers another municipality with its own figures, whatever was cached for this one', async () => {
    const mine = await figures(coordinator);
    const theirs = await figures(elsewhere);
    expect(theirs.municipality).not.toBe(mine.municipality);
    expect(theirs.leadTimes.cases.submitted).toBe(0);
  });

  it('shows satisfaction per director to the coordinator only, in either order', async () => {
    expect((await figures(coordinator)).satisfaction.perDirector).not.toBeNull();
    expect((await figures(council)).satisfaction.perDirector).toBeNull();
    expect((await figures(coordinator)).satisfaction.perDirector).not.toBeNull();
    const [a, b] = [await get(coordinator, '/insights'), await get(council, '/insights')];
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('caches each CSV section per language and separator', async () => {
    const nl = await get(coordinator, '/insights/leadTimes/export');
    const en = await get(coordinator, '/insights/leadTimes/export', { 'accept-language': 'en' });
    const comma = await get(coordinator, '/insights/leadTimes/export?separator=,');
    expect(nl.body).toContain('Maand;');
    expect(en.body).toContain('Month;');
    expect(comma.body).toContain('Maand,');
    expect(new Set([nl.headers.etag, en.headers.etag, comma.headers.etag]).size).toBe(3);
  });
});

describe('ETag and If-None-Match', () => {
  it('answers 304 while the figures are the same, and 200 with a new ETag after they changed', async () => {
    const first = await get(coordinator, '/insights');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const same = await get(coordinator, '/insights', { 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect((await get(coordinator, '/insights?domain=social', { 'if-none-match': etag })).statusCode).toBe(200);
    await buildCase({ municipality: m, deps: t.deps, director });
    await applyInsightQueue(t.deps);
    const changed = await get(coordinator, '/insights', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const csv = await get(coordinator, '/insights/workload/export');
    expect((await get(coordinator, '/insights/workload/export', { 'if-none-match': csv.headers.etag as string })).statusCode).toBe(304);
  });
});
