// Address, map and area in Chromium (docs/geo.md), with a local fake of PDOK's
// Locatieserver and no map tiles: nothing reaches the internet. A resident types an
// address, picks a suggestion with the keyboard only and submits; the point puts the
// case in its area. At 320 px, with PDOK failing, another resident describes the place
// in words and points it out on the map with the keyboard. Staff then see the case on
// the map and in the table beside it, and the admin uploads a boundary. axe checks
// every page with the map on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ADDRESSES, type FakeLocatieserver } from '../src/testing/locatieserver.js';
import { type E2E, expectAccessible, fillQuestion, loginAs, openIntake, startE2E, submitIntakeWithKeyboard, useFakeLocatieserver } from './support.js';

let e: E2E;
let fake: FakeLocatieserver;
beforeAll(async () => {
  e = await startE2E();
  fake = await useFakeLocatieserver(e);
});
afterAll(async () => {
  await e?.close();
  await fake?.close();
});

const ADDRESS = FAKE_ADDRESSES[0]?.weergavenaam as string;
const caseByReference = (reference: string) =>
  e.regie.deps.db.unsafeAdmin
    .selectFrom('cases as c')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select(['c.address_id', 'c.lon', 'c.lat', 'c.rd_x', 'c.location', 'c.area_from_point', 'a.name as area'])
    .where('c.reference', '=', reference)
    .executeTakeFirstOrThrow();

let addressed = '';
let pointed = '';

describe('address, map and area', () => {
  it('a resident types an address, picks a suggestion with the keyboard and submits; the point decides the area (1280 px)', async () => {
    const page = await openIntake(e, 1280);
    await expectAccessible(page, 'aanvragen met kaart');
    await fillQuestion(page, { name: 'Ayla Yılmaz', email: 'ayla.geo@example.nl', title: 'Bankje bij het stadhuis' });
    const field = page.getByRole('combobox', { name: /^Adres of gebied/ });
    await field.focus();
    await page.keyboard.type('Stadhuisplein 1');
    const option = page.getByRole('option', { name: ADDRESS });
    await option.waitFor();
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'aanvragen met adressuggesties');
    await page.keyboard.press('ArrowDown');
    await expect(field.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByText(`Gekozen adres: ${ADDRESS}`).waitFor();
    await expect(field.inputValue()).resolves.toBe(ADDRESS);
    await expect(page.locator('output').textContent()).resolves.toContain(`Adres gekozen: ${ADDRESS}`);
    // Regie asked its proxy; the browser never asked PDOK (the fake saw Regie's calls).
    expect(fake.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/suggest', '/lookup']));
    addressed = await submitIntakeWithKeyboard(page);
    expect(addressed).toBeTruthy();
    const c = await caseByReference(addressed);
    expect(c).toMatchObject({ address_id: FAKE_ADDRESSES[0]?.nummeraanduiding_id, lon: 5.38720621, lat: 52.1551744, area: 'Centrum', area_from_point: true });
    expect(Math.abs((c.rd_x as number) - 155000)).toBeLessThan(2);
    await page.context().close();
  });

  it('with PDOK down, a resident describes the place in words and points it out on the map with the keyboard (320 px)', async () => {
    fake.failWith = 503;
    try {
      const page = await openIntake(e, 320);
      await expectAccessible(page, 'aanvragen met kaart op 320 px');
      await fillQuestion(page, { name: 'Sem de Boer', email: 'sem.geo@example.nl', title: 'Bankje op het veldje' });
      await page.getByRole('combobox', { name: /^Adres of gebied/ }).fill('Het veldje achter het stadhuis');
      await page.locator('output', { hasText: 'Adressuggesties zijn nu niet beschikbaar' }).waitFor({ state: 'attached' });
      const map = page.getByRole('application', { name: 'Kaart: kies een punt' });
      await map.focus();
      await page.keyboard.press('Enter');
      await page.getByText(/^Gekozen punt: /).waitFor();
      const before = await page.getByText(/^Gekozen punt: /).textContent();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => page.getByText(/^Gekozen punt: /).textContent(), { timeout: 5000 }).not.toBe(before);
      await expect(page.locator('output').textContent()).resolves.toMatch(/^Punt op de kaart: \d+\.\d+ noorderbreedte, \d+\.\d+ oosterlengte\.$/);
      await expectAccessible(page, 'aanvragen met gekozen punt op 320 px');
      pointed = await submitIntakeWithKeyboard(page);
      const c = await caseByReference(pointed);
      expect(c).toMatchObject({ address_id: null, location: 'Het veldje achter het stadhuis' });
      expect(c.lon).not.toBeNull();
      await page.context().close();
    } finally {
      fake.failWith = null;
    }
  });

  it('staff see the cases on the map and in the table beside it, filtered like the list', async () => {
    const page = await loginAs(e, 'coordinator@voorbeeld.nl');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${e.baseUrl}/zaken?area=${await areaId('Centrum')}`);
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
    const summary = page.locator('summary', { hasText: 'Zaken op de kaart' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Zaken op de kaart, als tabel' });
    await table.waitFor();
    await table.getByRole('row', { name: new RegExp(addressed) }).waitFor();
    // The map shows a marker per row of the table.
    const rows = await table.locator('tbody tr').count();
    await expect
      .poll(() => page.locator('section[aria-label="Kaart met zaken"] path.leaflet-interactive').count(), { timeout: 5000 })
      .toBeGreaterThanOrEqual(rows);
    await expectAccessible(page, 'zaken op de kaart');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'zaken op de kaart op 320 px');
    await page.context().close();
  });

  it('a coordinator sets the address of a case after intake with the keyboard; it is on the timeline (docs/product.md#address-and-point-of-a-case)', async () => {
    const page = await loginAs(e, 'coordinator@voorbeeld.nl');
    await page.setViewportSize({ width: 1280, height: 900 });
    const before = await caseByReference(pointed);
    const { id } = await e.regie.deps.db.unsafeAdmin.selectFrom('cases').select('id').where('reference', '=', pointed).executeTakeFirstOrThrow();
    await page.goto(`${e.baseUrl}/zaken/${id}`);
    const open = page.getByRole('button', { name: 'Adres of punt wijzigen' });
    await open.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('combobox', { name: /^Adres of plek/ });
    await field.waitFor();
    await field.fill('');
    await field.focus();
    await page.keyboard.type('Stadhuisplein 1');
    await page.getByRole('option', { name: ADDRESS }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText(`Gekozen adres: ${ADDRESS}`).waitFor();
    await expectAccessible(page, 'adres van een zaak wijzigen');
    await page.getByRole('button', { name: 'Punt opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het punt van de zaak is opgeslagen.').first().waitFor();
    const after = await caseByReference(pointed);
    expect(after).toMatchObject({ address_id: FAKE_ADDRESSES[0]?.nummeraanduiding_id, lon: 5.38720621, lat: 52.1551744, location: before.location });
    await page.getByText('Adres of punt van de zaak gewijzigd').first().waitFor();
    await page.context().close();
  });

  it('the admin uploads an area boundary as a GeoJSON Feature; a file that is not valid is refused with its problem', async () => {
    const page = await loginAs(e, 'beheer@voorbeeld.nl');
    await page.goto(`${e.baseUrl}/beheer/gebiedsgrenzen`);
    await page.getByRole('heading', { level: 1, name: 'Gebiedsgrenzen' }).waitFor();
    await page.getByRole('table', { name: 'Gebiedsgrenzen' }).getByRole('row', { name: /Noord/ }).waitFor();
    await expectAccessible(page, 'gebiedsgrenzen');
    const ring = [
      [5.41, 52.17],
      [5.45, 52.17],
      [5.45, 52.195],
      [5.41, 52.195],
      [5.41, 52.17],
    ];
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Noord' });
    const file = (name: string, json: unknown) => ({ name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(json)) });
    // not closed: the server names the ring
    await page.getByLabel(/^GeoJSON-bestand/).setInputFiles(file('open.geojson', { type: 'Polygon', coordinates: [ring.slice(0, 4)] }));
    await page.getByRole('button', { name: 'Grens opslaan' }).click();
    await page.getByText(/gesloten: de laatste positie is gelijk aan de eerste/).waitFor();
    await page
      .getByLabel(/^GeoJSON-bestand/)
      .setInputFiles(file('noord.geojson', { type: 'Feature', properties: { naam: 'Noord' }, geometry: { type: 'Polygon', coordinates: [ring] } }));
    await page.getByRole('button', { name: 'Grens opslaan' }).click();
    await page.getByText('De grens van Noord is opgeslagen.').waitFor();
    const saved = await e.regie.deps.db.unsafeAdmin
      .selectFrom('area_boundaries')
      .select(['min_lon', 'max_lat'])
      .where('area_id', '=', await areaId('Noord'))
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ min_lon: 5.41, max_lat: 52.195 });
    await expectAccessible(page, 'gebiedsgrens opgeslagen');
    await page.context().close();
  });
});

async function areaId(name: string): Promise<string> {
  const a = await e.regie.deps.db.unsafeAdmin
    .selectFrom('areas as a')
    .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
    .select('a.id')
    .where('m.slug', '=', 'voorbeeld')
    .where('a.name', '=', name)
    .executeTakeFirstOrThrow();
  return a.id;
}
