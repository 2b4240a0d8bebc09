// The specification-built Zaken API fake refuses what the specification does not
// allow (docs/zgw.md#contract-tests): otherwise the contract tests would prove nothing.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZgw, startFakeZgw } from './fake-zgw.js';

const SECRET = 'geheim-voor-de-fake-test';
let fake: FakeZgw;
beforeAll(async () => {
  fake = await startFakeZgw({ clientId: 'regie', secret: SECRET });
});
afterAll(() => fake.close());

const token = (clientId = 'regie', secret = SECRET) =>
  new SignJWT({ client_id: clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuer(clientId).setIssuedAt().sign(new TextEncoder().encode(secret));
const crs = { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' };
const zaak = {
  bronorganisatie: '002564440',
  verantwoordelijkeOrganisatie: '002564440',
  zaaktype: 'https://ztc.example/catalogi/api/v1/zaaktypen/1',
  startdatum: '2026-03-01',
  identificatie: 'Z-1',
};
async function post(path: string, body: unknown, headers: Record<string, string>, base = fake.zakenUrl) {
  const before = fake.violations.length;
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, violations: fake.violations.slice(before) };
}

describe('the fake Zaken API', () => {
  it('accepts a valid zaak and answers with a Zaak the specification allows', async () => {
    const r = await post('/zaken', zaak, { authorization: `Bearer ${await token()}`, ...crs });
    expect(r).toEqual({ status: 201, violations: [] });
  });

  it.each([
    ['a missing required field', { ...zaak, identificatie: 'Z-2', bronorganisatie: undefined }, crs],
    ['a wrong format', { ...zaak, identificatie: 'Z-3', startdatum: '1 maart' }, crs],
    ['an omschrijving over 80 characters', { ...zaak, identificatie: 'Z-4', omschrijving: 'x'.repeat(81) }, crs],
    ['a missing Content-Crs header', { ...zaak, identificatie: 'Z-5' }, { 'accept-crs': 'EPSG:4326' }],
  ])('refuses %s', async (_, body, headers) => {
    const r = await post('/zaken', body, { authorization: `Bearer ${await token()}`, ...headers });
    expect(r.status).toBe(400);
    expect(r.violations).toHaveLength(1);
  });

  it('refuses a token of another client or signed with another secret, and an unknown operation', async () => {
    for (const auth of [await token('iemand-anders'), await token('regie', 'een-ander-geheim-dan-dit')]) {
      const r = await post('/zaken', { ...zaak, identificatie: 'Z-6' }, { authorization: `Bearer ${auth}`, ...crs });
      expect(r.violations[0]).toContain('JWT');
    }
    const r = await post('/zaaktypen', {}, { authorization: `Bearer ${await token()}` });
    expect(r.violations[0]).toContain('no such operation');
    fake.violations.length = 0;
  });
});

describe('the fake Documenten and Catalogi APIs', () => {
  const document = () => ({
    identificatie: `D-${Math.random().toString(36).slice(2, 8)}`,
    bronorganisatie: '002564440',
    creatiedatum: '2026-03-01',
    titel: 'Tekening',
    auteur: 'Regie',
    taal: 'dut',
    inhoud: Buffer.from('%PDF-1.7').toString('base64'),
    informatieobjecttype: fake.informatieobjecttypen[0]?.url,
  });

  it('accepts a valid document and answers with one the specification allows', async () => {
    fake.addInformatieobjecttype('Bijlage');
    const r = await post('/enkelvoudiginformatieobjecten', document(), { authorization: `Bearer ${await token()}` }, fake.documentenUrl);
    expect(r).toEqual({ status: 201, violations: [] });
    expect(fake.documenten.at(-1)?.bytes.toString()).toBe('%PDF-1.7');
  });

  it.each([
    ['a missing auteur', { auteur: undefined }],
    ['a taal of more than 3 characters', { taal: 'nederlands' }],
    ['an identificatie over 40 characters', { identificatie: 'x'.repeat(41) }],
  ])('refuses a document with %s', async (_, change) => {
    const r = await post('/enkelvoudiginformatieobjecten', { ...document(), ...change }, { authorization: `Bearer ${await token()}` }, fake.documentenUrl);
    expect(r.status).toBe(400);
    expect(r.violations).toHaveLength(1);
    fake.violations.length = 0;
  });

  it('pages the zaaktypen and refuses a query parameter the Catalogi API does not have', async () => {
    for (let i = 0; i < 3; i++) fake.addZaaktype({ identificatie: `ZT-${i}`, omschrijving: `Zaaktype ${i}`, statustypen: ['Eén'] });
    const auth = { authorization: `Bearer ${await token()}` };
    const first = await (await fetch(`${fake.catalogiUrl}/zaaktypen?status=definitief`, { headers: auth })).json();
    expect(first).toMatchObject({ count: 3, previous: null });
    expect(fake.violations).toEqual([]);
    const bad = await fetch(`${fake.catalogiUrl}/zaaktypen?soort=alles`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(fake.violations.splice(0)[0]).toContain('query soort');
  });
});
