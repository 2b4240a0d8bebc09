// The listening modules put together as the composition root wires them (src/app.ts):
// the report marks and the responses are sections of the management information, and
// the comparison's average mark comes from the same surveys. Each module is tested on
// its own with small in-test providers; this proves the real ones are connected.
import { afterAll, describe, expect, it } from 'vitest';
import { type Running, startRegie } from './app.js';
import { fixedClock } from './kernel/clock.js';
import { createApiToken } from './modules/identity/index.js';
import { unsafeConfirmResponse } from './modules/participation/index.js';
import { buildPeriod, confirmationTokenFor, respond } from './modules/participation/testing.js';
import { answerSurvey } from './modules/satisfaction/index.js';
import { closedCaseWithSurvey } from './modules/satisfaction/testing.js';
import type { Actor } from './platform/auth/index.js';
import { withTestDb } from './testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, testDeps } from './testing/factories.js';

const { db } = withTestDb();
const clock = fixedClock('2026-03-02T09:00:00+01:00');
let regie: Running | undefined;
afterAll(async () => {
  await regie?.close();
});

describe('listening, as the composition root wires it', () => {
  it('shows the report marks and the responses in the management information, and the average mark in the comparison', async () => {
    const deps = testDeps(db, clock);
    const m = await buildMunicipality(db);
    await db.unsafeAdmin.updateTable('municipalities').set({ benchmark_opt_in: true, inhabitants: 25_000 }).where('id', '=', m.id).execute();
    const director = await actorOf('director', { municipality: m });
    const coordinator: Actor = await actorOf('coordinator', { municipality: m });

    // Ten closed cases, each initiator answering the survey mailed at closing (the
    // comparison shows a mark from ten answers on, docs/product.md#small-numbers).
    const marks = [8, 7, 9, 6, 5, 8, 7, 10, 4, 8];
    for (const mark of marks) {
      const c = await closedCaseWithSurvey(deps, m, { director });
      await answerSurvey(deps, c.token, { mark, directorClear: null, planConcrete: null, promisesKept: null, speed: null, comment: null });
    }
    // A response period on an open case, with two confirmed responses.
    const open = await buildCase({
      municipality: m,
      deps,
      director,
      coordinator,
      plan: { goal: 'Zonneveld aan de rand van het dorp', actions: [{ description: 'Landschapsplan', ownerKind: 'initiator', dueOn: '2026-05-01' }] },
    });
    const period = await buildPeriod(deps, director, open.id);
    for (const email of ['buur1@example.nl', 'buur2@example.nl']) {
      await respond(deps, m.slug, period, { email });
      await unsafeConfirmResponse(deps, await confirmationTokenFor(deps, email));
    }

    // Regie starts as `regie serve` does: its routes and its jobs, the benchmark job among them.
    regie = await startRegie(deps.config, db, { clock, transport: { send: async () => {} } });
    const { token } = await createApiToken(ctxFor(deps, coordinator), { name: 'test' });
    const res = await regie.app.inject({ method: 'GET', url: '/api/v1/insights', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    const insights = res.json();
    const mean = marks.reduce((a, b) => a + b, 0) / marks.length;
    expect(insights.satisfaction.answers).toBe(marks.length);
    expect(insights.satisfaction.averageMark).toBeCloseTo(mean, 5);
    expect(insights.satisfaction.distribution.find((d: { mark: number }) => d.mark === 8).count).toBe(3);
    expect(insights.participation.periods).toBe(1);
    expect(insights.participation.respondents).toBe(2);

    // The benchmark job startRegie started (its first run waits a minute): run it now.
    await regie.benchmark.runNow();
    const row = await db.unsafeAdmin
      .selectFrom('benchmark_figures')
      .select(['mark_answers', 'mark_sum'])
      .where('municipality_id', '=', m.id)
      .where('mark_answers', '>', 0)
      .executeTakeFirst();
    expect(row).toEqual({ mark_answers: marks.length, mark_sum: marks.reduce((a, b) => a + b, 0) });
  }, 120_000);
});
