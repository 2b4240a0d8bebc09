// GET /me over HTTP: who is signed in, and what they may use at all. The web app
// builds its menu and guards its pages from these abilities alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { startTestApp, type TestApp } from '../../testing/http.js';
import { GLOBAL_ABILITIES, type GlobalAbility } from './abilities.js';

let t: TestApp;
let m: TestMunicipality;
beforeAll(async () => {
  t = await startTestApp();
  m = await buildMunicipality(t.db);
});
afterAll(async () => {
  await t?.close();
});

/** Per role, the abilities that are true; every other one is false. */
const EXPECTED: Record<Role, GlobalAbility[]> = {
  initiator: ['ownCases'],
  director: ['directorWorkspace', 'teamBoard', 'listCases', 'registerCases', 'lateObjections', 'exportCommitments', 'apiTokens', 'collaborations'],
  coordinator: [
    'teamBoard',
    'listCases',
    'registerCases',
    'lateObjections',
    'confirmCommitments',
    'exportCommitments',
    'insights',
    'apiTokens',
    'compareMunicipalities',
    'satisfactionFollowUp',
    'collaborations',
  ],
  specialist: ['listCases', 'assessmentRequests', 'exportCommitments', 'apiTokens'],
  executive: [
    'listCases',
    'ownCommitments',
    'confirmCommitments',
    'exportCommitments',
    'councilOverview',
    'insights',
    'apiTokens',
    'compareMunicipalities',
    'collaborations',
  ],
  council: ['councilOverview', 'insights', 'apiTokens', 'compareMunicipalities', 'collaborations'],
  admin: [
    'listCases',
    'exportCommitments',
    'manageOrganisation',
    'manageRules',
    'manageMandates',
    'readAccessLog',
    'councilOverview',
    'insights',
    'apiTokens',
    'compareMunicipalities',
    'collaborations',
  ],
};
const abilitiesOf = (role: Role) => Object.fromEntries(GLOBAL_ABILITIES.map((a) => [a, EXPECTED[role].includes(a)]));

describe('GET /me', () => {
  it.each(['director', 'coordinator', 'specialist', 'executive', 'council', 'admin'] as const)('gives a %s the abilities of their role', async (role) => {
    const actor = await buildUser(t.db, m, { role });
    const headers = await t.login(actor);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: actor.userId, role, abilities: abilitiesOf(role) });
  });

  it('gives an initiator who followed the mailed link only their own cases', async () => {
    const email = `initiatief-${Math.random().toString(36).slice(2)}@example.nl`;
    const intake = {
      municipality: m.slug,
      initiator: { name: 'Fatima el Amrani', email },
      title: 'Buurtmoestuin op braakliggend terrein',
      description: 'Wij willen met de buurt een moestuin beginnen op het terrein naast de school.',
      location: 'Schoolstraat 4',
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake })).statusCode).toBe(201);
    const mail = await t.db.unsafeAdmin.selectFrom('outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow();
    const token = /inloggen\/link#(\S+)/.exec(mail.body_text)?.[1] as string;
    const redeem = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });
    expect(redeem.json().user.abilities).toEqual(abilitiesOf('initiator'));
    const cookie = `regie_session=${redeem.cookies.find((c) => c.name === 'regie_session')?.value}`;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(res.json()).toMatchObject({ role: 'initiator', abilities: abilitiesOf('initiator') });
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});
