// Sharing agreements over HTTP on both engines (docs/product.md#sharing-agreements-between-municipalities):
// propose, approve by both admins (twice refused), the director's picker, the provider's
// request without the initiator's name or e-mail anywhere in the answer, and after
// ending: nothing, including the request still open.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { createApiToken } from '../identity/index.js';

const t = withTestApp();
const INITIATOR = { name: 'Bartholomeus Uiterwaard', email: 'b.uiterwaard@example.nl' };
let P: TestMunicipality;
let R: TestMunicipality;
const people: Record<string, Actor> = {};

const tokens = new Map<string, string>();
async function api(a: Actor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, version?: number) {
  let token = tokens.get(a.userId);
  if (!token) {
    token = (await createApiToken(ctxFor(t.deps, a), { name: 'test' })).token;
    tokens.set(a.userId, token);
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  return t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers });
}

beforeAll(async () => {
  [P, R] = [await buildMunicipality(t.db), await buildMunicipality(t.db)];
  people.pAdmin = await actorOf('admin', { municipality: P });
  people.pSpecialist = await actorOf('specialist', { municipality: P });
  people.rAdmin = await actorOf('admin', { municipality: R });
  people.rDirector = await actorOf('director', { municipality: R });
  people.rCoordinator = await actorOf('coordinator', { municipality: R });
});

describe('a sharing agreement over HTTP', () => {
  it('from proposal to an answered request, and nothing after ending', async () => {
    const proposed = await api(people.pAdmin as Actor, 'POST', '/sharing-agreements', {
      receiverMunicipality: R.slug,
      what: 'Toetsing door de Omgevingsdienst',
      departmentIds: [P.departmentIds[0]],
      ruleDomains: ['physical'],
      validFrom: '2026-01-01',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const a = proposed.json();
    expect(a).toMatchObject({ status: 'proposed', side: 'provider', approvals: { provider: null, receiver: null }, abilities: { approve: true, end: true } });

    // No agreement in force yet: the picker is empty.
    expect((await api(people.rDirector as Actor, 'GET', '/shared-departments')).json().items).toEqual([]);

    const first = await api(people.pAdmin as Actor, 'POST', `/sharing-agreements/${a.id}/approval`, undefined, a.version);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().approvals.provider.byName).toBe(people.pAdmin?.name);
    const twice = await api(people.pAdmin as Actor, 'POST', `/sharing-agreements/${a.id}/approval`);
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    const second = await api(people.rAdmin as Actor, 'POST', `/sharing-agreements/${a.id}/approval`);
    expect(second.json()).toMatchObject({ status: 'active', side: 'receiver' });

    const picker = (await api(people.rDirector as Actor, 'GET', '/shared-departments')).json().items;
    expect(picker).toEqual([expect.objectContaining({ agreementId: a.id, departmentId: P.departmentIds[0], providerMunicipalityId: P.id })]);

    const c = await buildCase({ municipality: R, deps: t.deps, director: people.rDirector, status: 'planning', initiator: INITIATOR });
    const opened = await api(people.rDirector as Actor, 'POST', `/cases/${c.id}/assessment-rounds`, {
      proposal: 'Een festival op de uiterwaarden',
      sharedDepartments: [{ agreementId: a.id, departmentId: P.departmentIds[0] }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const partyId = opened.json().parties[0].id as string;
    expect(opened.json().parties[0]).toMatchObject({ shared: true, returnedAt: null });

    const list = await api(people.pSpecialist as Actor, 'GET', '/shared-requests');
    const one = await api(people.pSpecialist as Actor, 'GET', `/shared-requests/${partyId}`);
    expect(list.json().items.map((x: { partyId: string }) => x.partyId)).toEqual([partyId]);
    expect(one.statusCode).toBe(200);
    for (const body of [list.body, one.body]) {
      expect(body).not.toContain(INITIATOR.name);
      expect(body).not.toContain(INITIATOR.email);
    }
    expect(Object.keys(one.json().case).sort()).toEqual(['description', 'location', 'reference', 'title']);

    const answered = await api(people.pSpecialist as Actor, 'PUT', `/shared-requests/${partyId}/answer`, { kind: 'yes' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().answer.kind).toBe('yes');

    // A second request, still open, when the receiver's admin ends the agreement.
    const c2 = await buildCase({ municipality: R, deps: t.deps, director: people.rDirector, status: 'planning', initiator: INITIATOR });
    const open2 = await api(people.rDirector as Actor, 'POST', `/cases/${c2.id}/assessment-rounds`, {
      proposal: 'Een tweede festival',
      sharedDepartments: [{ agreementId: a.id, departmentId: P.departmentIds[0] }],
    });
    const openParty = open2.json().parties[0].id as string;
    const current = (await api(people.rAdmin as Actor, 'GET', `/sharing-agreements/${a.id}`)).json();
    const ended = await api(people.rAdmin as Actor, 'POST', `/sharing-agreements/${a.id}/end`, { reason: 'Eigen dienst opgezet' }, current.version);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', ended: { byName: people.rAdmin?.name, reason: 'Eigen dienst opgezet', expired: false } });

    expect((await api(people.pSpecialist as Actor, 'GET', '/shared-requests')).json().items).toEqual([]);
    expect((await api(people.pSpecialist as Actor, 'GET', `/shared-requests/${openParty}`)).statusCode).toBe(404);
    expect((await api(people.pSpecialist as Actor, 'PUT', `/shared-requests/${openParty}/answer`, { kind: 'yes' })).statusCode).toBe(404);
    const onCase = (await api(people.rDirector as Actor, 'GET', `/cases/${c2.id}/assessment`)).json();
    expect(onCase.rounds[0].parties[0].returnedAt).not.toBeNull();
    expect((await api(people.rDirector as Actor, 'GET', '/shared-departments')).json().items).toEqual([]);
  });
});

// docs/product.md#themes-in-a-sharing-agreement
describe('themes in an agreement’s scope over HTTP', () => {
  it('the proposer chooses the receiver’s themes; a case outside them is refused with a Dutch sentence', async () => {
    const themes = await api(people.pAdmin as Actor, 'GET', `/shared-themes?municipality=${R.slug}`);
    expect(themes.statusCode, themes.body).toBe(200);
    expect(
      themes
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([...R.themeIds].sort());
    expect((await api(people.pAdmin as Actor, 'GET', `/shared-themes?municipality=${P.slug}`)).statusCode).toBe(404);
    expect((await api(people.pAdmin as Actor, 'GET', '/shared-themes?municipality=bestaat-niet')).statusCode).toBe(404);

    const [inScope, outOfScope] = R.themeIds as [string, string];
    const proposed = await api(people.pAdmin as Actor, 'POST', '/sharing-agreements', {
      receiverMunicipality: R.slug,
      what: 'Toetsing van evenementen',
      departmentIds: [P.departmentIds[0]],
      themeIds: [inScope],
      validFrom: '2026-01-01',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as string;
    await api(people.pAdmin as Actor, 'POST', `/sharing-agreements/${id}/approval`);
    const shown = (await api(people.rAdmin as Actor, 'POST', `/sharing-agreements/${id}/approval`)).json();
    expect(shown.themes).toEqual([{ id: inScope, name: expect.any(String) }]);
    expect(shown.themes[0].name.length).toBeGreaterThan(0);
    const picker = (await api(people.rDirector as Actor, 'GET', '/shared-departments')).json().items;
    expect(picker.find((d: { agreementId: string }) => d.agreementId === id).themes.map((x: { id: string }) => x.id)).toEqual([inScope]);

    const outside = await buildCase({
      municipality: R,
      deps: t.deps,
      director: people.rDirector,
      status: 'planning',
      initiator: INITIATOR,
      themeIds: [outOfScope],
    });
    const refused = await api(people.rDirector as Actor, 'POST', `/cases/${outside.id}/assessment-rounds`, {
      proposal: 'Een braderie',
      sharedDepartments: [{ agreementId: id, departmentId: P.departmentIds[0] }],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/valt buiten de thema’s van de samenwerkingsafspraak/);

    const inside = await buildCase({
      municipality: R,
      deps: t.deps,
      director: people.rDirector,
      status: 'planning',
      initiator: INITIATOR,
      themeIds: [inScope],
    });
    const opened = await api(people.rDirector as Actor, 'POST', `/cases/${inside.id}/assessment-rounds`, {
      proposal: 'Een braderie',
      sharedDepartments: [{ agreementId: id, departmentId: P.departmentIds[0] }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
  });
});
