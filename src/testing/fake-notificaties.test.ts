// The specification-built Notificaties API fake refuses what the specification does
// not allow (docs/integrations.md#zgw-notificaties-api): otherwise the contract tests
// of the ZGW notificaties would prove nothing.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeNotificaties, startFakeNotificaties } from './fake-notificaties.js';

const SECRET = 'geheim-voor-de-fake-test';
let fake: FakeNotificaties;
beforeAll(async () => {
  fake = await startFakeNotificaties({ clientId: 'regie', secret: SECRET });
});
afterAll(() => fake.close());

const token = (clientId = 'regie', secret = SECRET) =>
  new SignJWT({ client_id: clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuer(clientId).setIssuedAt().sign(new TextEncoder().encode(secret));
const message = {
  kanaal: 'zaken',
  hoofdObject: 'https://zaken.example/zaken/api/v1/zaken/1',
  resource: 'zaak',
  resourceUrl: 'https://zaken.example/zaken/api/v1/zaken/1',
  actie: 'create',
  aanmaakdatum: '2026-03-01T10:00:00Z',
  kenmerken: { bronorganisatie: '002564440' },
};
async function post(path: string, body: unknown, headers: Record<string, string>) {
  const before = fake.violations.length;
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json(), violations: fake.violations.slice(before) };
}

describe('the fake Notificaties API', () => {
  it('accepts a valid notificatie and answers with the Message', async () => {
    const r = await post('/notificaties', message, { authorization: `Bearer ${await token()}` });
    expect(r).toMatchObject({ status: 200, body: message, violations: [] });
    expect(fake.notificaties.at(-1)).toEqual(message);
  });

  it.each([
    ['no kanaal', { ...message, kanaal: undefined }],
    ['a hoofdObject that is no URI', { ...message, hoofdObject: 'zaak 1' }],
    ['an aanmaakdatum that is no date-time', { ...message, aanmaakdatum: '1 maart' }],
    ['an empty kenmerk', { ...message, kenmerken: { zaaktype: '' } }],
    ['no actie', { ...message, actie: undefined }],
  ])('refuses a body with %s', async (_label, body) => {
    const r = await post('/notificaties', body, { authorization: `Bearer ${await token()}` });
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.violations).toHaveLength(1);
  });

  it('refuses a request without a valid ZGW JWT, and an unknown operation', async () => {
    expect((await post('/notificaties', message, {})).violations).toHaveLength(1);
    expect((await post('/notificaties', message, { authorization: `Bearer ${await token('regie', 'een-ander-geheim')}` })).violations).toHaveLength(1);
    expect((await post('/notificaties', message, { authorization: `Bearer ${await token('iemand-anders')}` })).violations).toHaveLength(1);
    expect((await post('/berichten', message, { authorization: `Bearer ${await token()}` })).violations).toHaveLength(1);
  });

  it('refuses on request with a problem answer the specification allows', async () => {
    fake.refuseNext(1, 403, 'Geen rechten voor notificaties.publiceren.');
    const r = await post('/notificaties', message, { authorization: `Bearer ${await token()}` });
    expect(r).toMatchObject({ status: 403, body: { status: 403, detail: 'Geen rechten voor notificaties.publiceren.' }, violations: [] });
  });
});
