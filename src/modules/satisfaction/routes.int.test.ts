// The report mark over HTTP (docs/product.md#the-report-mark): the survey behind its
// personal link, its refusals as problem+json, and that the case's director reads the
// mark through no API at all.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { actorOf, buildMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { closedCaseWithSurvey } from './testing.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });

async function world() {
  const m = await buildMunicipality(t.db);
  const director = await actorOf('director', { municipality: m });
  const coordinator = await actorOf('coordinator', { municipality: m });
  return { m, director, coordinator };
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const put = (url: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, payload: payload as Record<string, unknown> });

describe('the survey behind its link', () => {
  it('answers and shows the answer prefilled; the link of one case answers only that case', async () => {
    const w = await world();
    const a = await closedCaseWithSurvey(t.deps, w.m, { director: w.director });
    const b = await closedCaseWithSurvey(t.deps, w.m, { director: w.director });
    const res = await put(`/survey-links/${a.token}/answer`, { mark: 7, directorClear: 5, comment: 'Fijne regisseur' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      caseReference: a.reference,
      may: 'change',
      answer: { mark: 7, directorClear: 5, planConcrete: null, comment: 'Fijne regisseur' },
    });
    expect((await get(`/survey-links/${a.token}`)).json()).toMatchObject({ caseReference: a.reference, answer: { mark: 7 } });
    // b's survey is untouched: a link belongs to one case's survey and no other.
    expect((await get(`/survey-links/${b.token}`)).json()).toMatchObject({ caseReference: b.reference, may: 'answer', answer: null });
  });

  it('a bad or unknown token is a 4xx problem, never a 5xx', async () => {
    const w = await world();
    for (const token of ['x', 'geen.punt', `${w.m.id}.onbekend`, '00000000-0000-0000-0000-000000000000.abc', 'a'.repeat(200)]) {
      const r = await get(`/survey-links/${encodeURIComponent(token)}`);
      expect(r.statusCode, token).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect((await put(`/survey-links/${encodeURIComponent(token)}/answer`, { mark: 8 })).statusCode).toBe(404);
    }
  });

  it('bad input is a 400 naming the field', async () => {
    const w = await world();
    const a = await closedCaseWithSurvey(t.deps, w.m, { director: w.director });
    for (const body of [{}, { mark: 11 }, { mark: 0 }, { mark: 7.5 }, { mark: 8, speed: 6 }, { mark: 8, comment: 'x'.repeat(2001) }, { mark: '8' }]) {
      const r = await put(`/survey-links/${a.token}/answer`, body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(`/survey-links/${a.token}`)).json().answer).toBeNull();
  });

  it('a change after 14 days is a 409 with a clear message', async () => {
    const w = await world();
    const a = await closedCaseWithSurvey(t.deps, w.m, { director: w.director });
    expect((await put(`/survey-links/${a.token}/answer`, { mark: 8 })).statusCode).toBe(200);
    clock.advanceDays(14);
    try {
      const r = await put(`/survey-links/${a.token}/answer`, { mark: 2 });
      expect(r.statusCode).toBe(409);
      expect(r.json().title).toContain('14 dagen');
      expect((await get(`/survey-links/${a.token}`)).json()).toMatchObject({ may: 'none', answer: { mark: 8 } });
    } finally {
      clock.advanceDays(-14);
    }
  });
});

describe('the mark stays out of the case director’s sight', () => {
  it('not on the case, its timeline or its dossier; the follow-up list is the coordinator’s', async () => {
    const w = await world();
    const a = await closedCaseWithSurvey(t.deps, w.m, { director: w.director });
    const comment = `Uniek-${Math.random().toString(36).slice(2)}`;
    expect((await put(`/survey-links/${a.token}/answer`, { mark: 3, comment })).statusCode).toBe(200);
    const director = await t.login(w.director);
    const reads = [`/cases/${a.caseId}`, `/cases/${a.caseId}/events`, `/cases/${a.caseId}/dossier`];
    for (const url of reads) {
      const r = await get(url, director);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toContain(comment);
      expect(r.body, url).not.toMatch(/"mark"/);
    }
    const events = (await get(`/cases/${a.caseId}/events`, director)).json();
    const types = (events.items ?? events).map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['satisfaction.surveySent', 'satisfaction.answered']));
    expect((await get('/satisfaction/follow-ups?status=all', director)).statusCode).toBe(403);
    const coordinator = await t.login(w.coordinator);
    const list = await get('/satisfaction/follow-ups', coordinator);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ caseId: a.caseId, caseReference: a.reference, mark: 3, comment, needsFollowUp: true })]);
  });
});
