// The HTTP face of response periods (docs/product.md#responding-to-a-case): the public
// endpoints (honeypot, rate limit, closed period, bad input, nothing personal in the
// public JSON), the Atom feed, the staff endpoints and the dossier PDF's section.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildMunicipality, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { pdfText } from '../../testing/pdf.js';
import { buildPeriod, confirmationTokenFor } from './testing.js';

const t = withTestApp();

async function world() {
  const m: TestMunicipality = await buildMunicipality(t.db);
  const director: Actor = await actorOf('director', { municipality: m });
  const c = await buildCase({ municipality: m, deps: t.deps, director, status: 'planning' });
  const period = await buildPeriod(t.deps, director, c.id);
  return { m, director, caseId: c.id, period };
}

const body = (topicId: string, over: Record<string, unknown> = {}) => ({
  name: 'Els Bakker',
  email: 'els@example.nl',
  relation: 'neighbour',
  position: 'concern',
  topicIds: [topicId],
  interest: 'Het wordt druk op de kade.',
  ...over,
});

// Every public call from a client address of its own, so the limit of one test does not touch another.
let client = 0;
const fresh = () => `192.0.2.${++client}`;

describe('responding on the public endpoints', () => {
  it('answers 202 and mails the link; confirming makes it count; the public JSON has no e-mail and no hidden name', async () => {
    const w = await world();
    const url = `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}`;
    const res = await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[0]?.id as string, { name: 'Verborgen Naam' }),
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ confirmationMailed: true });
    const token = await confirmationTokenFor(t.deps, 'els@example.nl');
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/response-confirmations', payload: { token } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ slug: w.m.slug, periodId: w.period.id });
    const page = await t.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ respondents: 1, open: true, location: 'Havenkade 1' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${w.m.slug}/response-periods` });
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(w.period.id);
    for (const r of [page, list]) {
      expect(r.body).not.toContain('els@example.nl');
      expect(r.body).not.toContain('Verborgen Naam');
      expect(r.body).not.toContain('druk op de kade');
    }
  });

  it('the same answer whether or not the address responded before', async () => {
    const w = await world();
    const url = `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`;
    const first = await t.app.inject({ method: 'POST', url, remoteAddress: fresh(), payload: body(w.period.topics[0]?.id as string) });
    const second = await t.app.inject({ method: 'POST', url, remoteAddress: fresh(), payload: body(w.period.topics[0]?.id as string) });
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect(second.body).toBe(first.body);
  });

  it('the honeypot filled in: the same 202, nothing stored, nothing mailed', async () => {
    const w = await world();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[0]?.id as string, { email: 'robot@example.nl', website: 'http://spam.example' }),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ confirmationMailed: true });
    expect(await t.db.unsafeAdmin.selectFrom('responses').select('id').where('period_id', '=', w.period.id).execute()).toHaveLength(0);
    expect(await t.db.unsafeAdmin.selectFrom('outbox').select('id').where('to_address', '=', 'robot@example.nl').execute()).toHaveLength(0);
  });

  it('a closed period answers 409', async () => {
    const w = await world();
    const headers = await t.login(w.director);
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/response-periods/${w.period.id}/closure`, headers, payload: { reason: 'Genoeg' } });
    expect(closed.statusCode, closed.body).toBe(204);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[0]?.id as string),
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('bad input answers 400 problem+json naming the fields', async () => {
    const w = await world();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: { name: '', email: 'geen-adres', relation: 'alien', position: 'support', topicIds: [], interest: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'relation', 'topicIds']));
  });

  it('is rate-limited per client: the eleventh response within a minute answers 429', async () => {
    const w = await world();
    const remoteAddress = fresh();
    const url = `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`;
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({ method: 'POST', url, remoteAddress, payload: body(w.period.topics[0]?.id as string, { email: `buur${i}@example.nl` }) });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('a period is found only under its own municipality', async () => {
    const w = await world();
    const other = await buildMunicipality(t.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${other.slug}/response-periods/${w.period.id}` });
    expect(res.statusCode).toBe(404);
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${other.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[0]?.id as string),
    });
    expect(post.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${other.slug}/response-periods` });
    expect(list.body).not.toContain(w.period.id);
  });

  it('an unknown confirmation link answers 404 in the user’s words', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/response-confirmations', payload: { token: 'onbekend' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toContain('bevestigingslink');
  });
});

describe('the Atom feed', () => {
  it('is application/atom+xml with an entry per open period', async () => {
    const w = await world();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${w.m.slug}/response-periods.atom` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(res.body).toContain(`<id>urn:uuid:${w.period.id}</id>`);
  });
});

describe('staff endpoints', () => {
  it('the inventory names no e-mail; hiding and answering work for the director', async () => {
    const w = await world();
    const headers = await t.login(w.director);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[0]?.id as string, { email: 'staf@example.nl', name: 'Anna Anoniem' }),
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/response-confirmations', payload: { token: await confirmationTokenFor(t.deps, 'staf@example.nl') } });
    const inv = await t.app.inject({ method: 'GET', url: `/api/v1/response-periods/${w.period.id}`, headers });
    expect(inv.statusCode).toBe(200);
    expect(inv.body).not.toContain('staf@example.nl');
    const r = inv.json().responses[0];
    expect(r).toMatchObject({ name: 'Anna Anoniem', showName: false, hidden: null });
    const hide = await t.app.inject({ method: 'POST', url: `/api/v1/responses/${r.id}/hiding`, headers, payload: { reason: 'Dubbel' } });
    expect(hide.statusCode, hide.body).toBe(204);
    const answer = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/response-periods/${w.period.id}/topics/${w.period.topics[0]?.id}/answer`,
      headers,
      payload: { answer: 'We passen de route aan.' },
    });
    expect(answer.statusCode, answer.body).toBe(204);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/response-periods/${w.period.id}`, headers })).json();
    expect(after.responses[0].hidden).toMatchObject({ reason: 'Dubbel' });
    expect(after.totals).toEqual({ support: 0, concern: 0, objection: 0 });
    expect(after.topics[0]).toMatchObject({ answer: 'We passen de route aan.', total: 0, hidden: 1 });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${w.caseId}/response-periods`, headers });
    expect(list.json()).toMatchObject({ abilities: { open: false, close: true }, items: [{ id: w.period.id, respondents: 0 }] });
  });

  it('the dossier PDF carries the inventory, without e-mail addresses', async () => {
    const w = await world();
    const headers = await t.login(w.director);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${w.m.slug}/response-periods/${w.period.id}/responses`,
      remoteAddress: fresh(),
      payload: body(w.period.topics[1]?.id as string, { email: 'pdf@example.nl', position: 'support' }),
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/response-confirmations', payload: { token: await confirmationTokenFor(t.deps, 'pdf@example.nl') } });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${w.caseId}/dossier`, headers });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Reacties van belanghebbenden');
    expect(text).toContain('Geluid: steun 1, zorg 0, bezwaar 0');
    expect(text).not.toContain('@example.nl');
  });
});
