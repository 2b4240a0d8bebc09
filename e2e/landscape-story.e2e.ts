// The municipal landscape in one story in Chromium: Regie among the municipality's
// other systems, all of them local fakes built after the real ones, nothing on the
// internet. The demo's admin connects DigiD and the staff sign-on
// (docs/product.md#logging-in-through-openid-connect), address suggestions from the
// Locatieserver (docs/product.md#address-and-point-of-a-case, docs/geo.md) and the
// zaaksysteem with its Catalogi and Documenten APIs (docs/product.md#zgw-registration,
// docs/product.md#zgw-documents). A resident logs in with DigiD, asks a question with an
// address picked with the keyboard, the point moved on the map with the keyboard and a
// drawing (docs/product.md#attachments), and finds it on "Mijn zaken". A member of staff
// logs in with the organisation account and finds the address, the area from the point
// (docs/product.md#area-from-the-point), the drawing and the link to the zaak
// (docs/product.md#zgw-zaak-on-case). axe checks every page, Mijn zaken and the case
// page also at 320 px.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeZgw } from '../src/testing/fake-zgw.js';
import { FAKE_ADDRESSES, type FakeLocatieserver } from '../src/testing/locatieserver.js';
import { startTestIssuer, type TestIssuer } from '../src/testing/oidc-issuer.js';
import {
  apiAs,
  configureLogin,
  type E2E,
  expectAccessible,
  fillQuestion,
  openIntake,
  region,
  startE2E,
  submitIntakeWithKeyboard,
  useFakeLocatieserver,
  VOORBEELD_ADMIN,
} from './support.js';

const DRAWING = 'src/modules/attachments/fixtures/tekening.pdf';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ADDRESS = FAKE_ADDRESSES[0]?.weergavenaam as string;
const STAFF = 'coordinator@voorbeeld.nl';
const ZGW_CLIENT = 'regie-voorbeeld';
const ZGW_SECRET = 'geheim-van-het-zaaksysteem';
const TITLE = 'Een bankje bij het stadhuis';

let e: E2E;
let digid: TestIssuer;
let sso: TestIssuer;
let locatieserver: FakeLocatieserver;
let zgw: Awaited<ReturnType<typeof startFakeZgw>>;

/** The admin connects the zaaksysteem over the API, as the ZGW settings page does. */
async function configureZgw() {
  const zaaktype = zgw.addZaaktype({ identificatie: 'ZT-INI', omschrijving: 'Initiatief', statustypen: ['Ontvangen', 'In behandeling', 'Afgerond'] });
  const informatieobjecttype = zgw.addInformatieobjecttype('Bijlage bij een initiatief');
  const admin = await apiAs(e, VOORBEELD_ADMIN);
  const current = await admin.call<{ version: number }>('GET', '/zgw/settings');
  await admin.call(
    'PUT',
    '/zgw/settings',
    {
      enabled: true,
      zakenUrl: zgw.zakenUrl,
      catalogiUrl: zgw.catalogiUrl,
      documentenUrl: zgw.documentenUrl,
      zaaktypeUrl: zaaktype.url,
      statustypeIntakeUrl: zaaktype.statustypen[0],
      informatieobjecttypeUrl: informatieobjecttype,
      rsin: '002564440',
      clientId: ZGW_CLIENT,
      clientSecret: ZGW_SECRET,
    },
    current.version,
  );
  await admin.close();
}

beforeAll(async () => {
  e = await startE2E();
  digid = await startTestIssuer({
    publicUrl: e.baseUrl,
    accounts: { resident: { claims: { bsn: '111222333' }, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' } },
    defaultAccount: 'resident',
  });
  sso = await startTestIssuer({ publicUrl: e.baseUrl, accounts: { staff: { claims: { email: STAFF } } }, defaultAccount: 'staff' });
  await configureLogin(e, 'digid', digid, 'bsn');
  await configureLogin(e, 'staff', sso, 'email');
  locatieserver = await useFakeLocatieserver(e);
  zgw = await startFakeZgw({ clientId: ZGW_CLIENT, secret: ZGW_SECRET });
  await configureZgw();
}, 120_000);

afterAll(async () => {
  await Promise.all([digid?.close(), sso?.close(), locatieserver?.close(), zgw?.close()]);
  await e?.close();
});

let caseId = '';
let reference = '';

describe('the municipal landscape in one story', () => {
  it('a resident logs in with DigiD, asks a question with an address, a point and a drawing, and finds it on "Mijn zaken"', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    let page = await openIntake(e, 1280, ctx);
    await expectAccessible(page, 'aanvragen');
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    await page.waitForURL('**/mijn-zaken');
    await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
    await expectAccessible(page, 'mijn zaken, ingelogd met DigiD');
    await page.close();

    page = await openIntake(e, 1280, ctx);
    // logged in: no DigiD button any more
    await expect(page.getByRole('button', { name: 'Inloggen met DigiD' }).count()).resolves.toBe(0);
    await fillQuestion(page, {
      name: 'Ria Inwoner',
      email: 'ria.digid@example.nl',
      title: TITLE,
      description: 'Graag een bankje op het plein voor het stadhuis, net naast de ingang; de tekening zit erbij.',
    });

    // The address: typed, a suggestion picked with the keyboard.
    const field = page.getByRole('combobox', { name: /^Adres of gebied/ });
    await field.focus();
    await page.keyboard.type('Stadhuisplein 1');
    const option = page.getByRole('option', { name: ADDRESS });
    await option.waitFor();
    await expectAccessible(page, 'aanvragen met adressuggesties');
    await page.keyboard.press('ArrowDown');
    await expect(field.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByText(`Gekozen adres: ${ADDRESS}`).waitFor();

    // The point: moved a little on the map with the keyboard, to the spot of the bench.
    const map = page.getByRole('application', { name: 'Kaart: kies een punt' });
    await map.focus();
    await page.keyboard.press('ArrowUp');
    const chosen = page.getByText(/^Gekozen punt: /);
    await chosen.waitFor();
    const [lat, lon] = (/^Gekozen punt: (\d+\.\d+), (\d+\.\d+)/.exec((await chosen.textContent()) ?? '') ?? []).slice(1).map(Number) as [number, number];
    const [addressLon, addressLat] = FAKE_ADDRESSES[0]?.ll as [number, number];
    expect(lat).toBeGreaterThan(addressLat);
    expect(Math.abs(lon - addressLon)).toBeLessThan(0.0001);
    await expect(page.locator('output').textContent()).resolves.toMatch(/^Punt op de kaart: \d+\.\d+ noorderbreedte, \d+\.\d+ oosterlengte\.$/);
    // the words stay the address
    await expect(field.inputValue()).resolves.toBe(ADDRESS);

    await page.getByLabel(/^Tekeningen, foto’s of PDF’s/).setInputFiles(DRAWING);
    await expectAccessible(page, 'aanvragen, ingevuld');
    reference = await submitIntakeWithKeyboard(page);
    await expect(page.getByText(/kwamen niet mee/).count()).resolves.toBe(0);
    await expectAccessible(page, 'aanvraag ontvangen');

    await page.goto(`${e.baseUrl}/mijn-zaken`);
    const link = page.getByRole('link', { name: new RegExp(TITLE) });
    await link.waitFor();
    await expectAccessible(page, 'mijn zaken met de zaak');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'mijn zaken met de zaak (320 px)');
    await page.setViewportSize({ width: 1280, height: 900 });
    caseId = ((await link.getAttribute('href')) as string).split('/').pop() as string;

    await link.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(reference).first().waitFor();
    await page.getByText(ADDRESS, { exact: true }).waitFor();
    await region(page, 'Bijlagen')
      .getByRole('link', { name: /^tekening\.pdf downloaden/ })
      .waitFor();
    await expectAccessible(page, 'mijn zaak');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'mijn zaak (320 px)');
    await ctx.close();

    // Regie asked the Locatieserver; the point, not the address, is the case's point.
    expect(locatieserver.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/suggest', '/lookup']));
    const c = await e.regie.deps.db.unsafeAdmin
      .selectFrom('cases')
      .select(['reference', 'location', 'address_id', 'lat', 'lon'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ reference, location: ADDRESS, address_id: null });
    expect(Number(c.lat).toFixed(5)).toBe(lat.toFixed(5));
    expect(Number(c.lon).toFixed(5)).toBe(lon.toFixed(5));
  });

  it('a member of staff logs in with the organisation account and finds the address, the area, the drawing and the zaak', async () => {
    expect(caseId).not.toBe('');
    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/inloggen`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'inloggen');
    await page.getByRole('button', { name: 'Inloggen met uw organisatieaccount' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen') && u.origin === e.baseUrl);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.email).toBe(STAFF);

    // The ZGW worker registers the zaak and sends the drawing to it.
    const drawing = readFileSync(DRAWING);
    await expect
      .poll(() => zgw.zaken.length === 1 && zgw.zaakinformatieobjecten.length === 1, {
        timeout: 30_000,
        message: `no zaak with the drawing: ${JSON.stringify({ violations: zgw.violations, requests: zgw.requests.map((r) => `${r.method} ${r.path}`) })}`,
      })
      .toBe(true);
    const zaak = zgw.zaken[0] as { url: string; identificatie: string };
    expect(zaak.identificatie).toBe(reference);
    expect(zgw.documenten.map((d) => sha(d.bytes))).toEqual([sha(drawing)]);
    expect(zgw.zaakinformatieobjecten[0]).toMatchObject({ zaak: zaak.url, informatieobject: zgw.documenten[0]?.eio.url });

    await page.goto(`${e.baseUrl}/zaken/${caseId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const zaakLink = page.getByRole('link', { name: /^Zaak in zaaksysteem/ });
    await zaakLink.waitFor();
    await expect(zaakLink.getAttribute('href')).resolves.toBe(zaak.url);
    await page.getByText(ADDRESS, { exact: true }).waitFor();
    // the demo's Centrum has a boundary around the town hall: the point put the case there
    await page.getByText('Centrum (bepaald uit het punt)').waitFor();
    await page.getByText(/^\d+\.\d{6}, \d+\.\d{6} \(WGS84\); RD \d+\.\d{2}, \d+\.\d{2}$/).waitFor();

    const download = region(page, 'Bijlagen').getByRole('link', { name: /^tekening\.pdf downloaden/ });
    await download.waitFor();
    await expectAccessible(page, 'zaak bij de medewerker');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('tekening.pdf');
    expect(sha(readFileSync(await file.path()))).toBe(sha(drawing));

    expect(zgw.violations).toEqual([]);
    await ctx.close();
  });
});
