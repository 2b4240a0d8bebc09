// Management information in Chromium (docs/product.md#management-information): the
// demo's coordinator and council member find Sturingsinformatie in their menu; every
// figure is a chart (an image with a name) beside a captioned table; the filters go in
// the URL; a CSV link downloads the section; axe checks the page at 1280 and 320 px and
// no Content-Security-Policy violation is reported. The council overview shows the
// headline figures in one block, and the collaborations per phase and with health findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { type E2E, expectAccessible, loginAs, region, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // The demo's history is in the event log; the rollup job takes it in.
  await e.regie.insights.runNow();
});
afterAll(async () => {
  await e?.close();
});

const COORDINATOR = VOORBEELD.staff.find((s) => s.role === 'coordinator');
const COUNCIL = VOORBEELD.staff.find((s) => s.role === 'council');
const SECTIONS = ['Doorlooptijden', 'Integrale toets', 'Toezeggingen', 'Werklast', 'Samenwerkingen'];

describe('management information', () => {
  it('shows the coordinator a chart and a table per figure, filters in the URL, and a CSV per section', async () => {
    const page = await loginAs(e, COORDINATOR?.email as string);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Sturingsinformatie' }).click();
    await page.waitForURL('**/sturingsinformatie');
    await page.getByRole('heading', { level: 1, name: /^Sturingsinformatie / }).waitFor();

    for (const name of SECTIONS) await expect(region(page, name).count(), name).resolves.toBe(1);
    // Charts are images named by their summary; each has its table with a caption.
    const charts = page.getByRole('img', { name: /^Grafiek: / });
    await expect(charts.count()).resolves.toBeGreaterThanOrEqual(5);
    for (const caption of [
      'Doorlooptijden per maand (dagen)',
      'Plannen akkoord per maand: op tijd en te laat',
      'Toetsrondes en antwoorden per maand',
      'Toezeggingen per maker',
      'Open zaken per case-regisseur aan het eind van de maand',
      'Samenwerkingen per fase en gezondheidscheck',
    ]) {
      await expect(page.getByRole('table', { name: caption }).count(), caption).resolves.toBe(1);
    }
    // The demo's cases are counted.
    const key = page.getByRole('table', { name: 'Kerncijfers' }).first();
    const submitted = await key
      .getByRole('row', { name: /^Zaken ingediend/ })
      .getByRole('cell')
      .textContent();
    expect(Number(submitted)).toBeGreaterThan(0);
    // Workload: 24 months at least, one row each.
    await expect(
      page.getByRole('table', { name: 'Open zaken per case-regisseur aan het eind van de maand' }).locator('tbody tr').count(),
    ).resolves.toBeGreaterThanOrEqual(24);
    await expectAccessible(page, 'sturingsinformatie');

    // A filter goes in the URL, so the page can be shared.
    const area = page.getByLabel('Gebied');
    const options = await area.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await area.selectOption({ label: options[1] as string });
    await page.getByLabel('Domein').selectOption('physical');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(/areaId=.*domain=/);
    await page.getByRole('heading', { level: 1, name: /^Sturingsinformatie / }).waitFor();
    const shared = page.url();
    const again = await page.context().newPage();
    await again.goto(shared);
    await again.getByRole('heading', { level: 1, name: /^Sturingsinformatie / }).waitFor();
    await expect(again.getByLabel('Domein').inputValue()).resolves.toBe('physical');
    await again.close();

    // The CSV link downloads the section, Excel-friendly.
    const link = page.getByRole('link', { name: 'Download als CSV (Doorlooptijden)' });
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(/^\/api\/v1\/insights\/leadTimes\/export\?.*areaId=/);
    const res = await page.request.get(`${e.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    const body = await res.text();
    expect(body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Maand;Plannen akkoord;/);

    // Narrow screens: the chart above its table, still accessible.
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'sturingsinformatie (320 px)');
    expect(csp).toEqual([]);
  });

  it('shows the council member the figures and the headline block on the council overview', async () => {
    const page = await loginAs(e, COUNCIL?.email as string);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.waitForURL('**/raadsoverzicht');
    // The headline figures in one block.
    await region(page, 'Sturingsinformatie in het kort').waitFor();
    const headline = page.getByRole('table', { name: 'Kerncijfers van de afgelopen 12 maanden' });
    await expect(headline.getByRole('row', { name: /Plannen binnen de termijn/ }).count()).resolves.toBe(1);
    await expect(headline.getByRole('row', { name: /Indienen → plan akkoord, mediaan/ }).count()).resolves.toBe(1);
    await expect(headline.getByRole('row', { name: /Toezeggingen: open/ }).count()).resolves.toBe(1);
    // The collaborations per phase and with health findings.
    const collaborations = page.getByRole('table', { name: 'Samenwerkingen per fase en met bevindingen' });
    await expect(collaborations.getByRole('row', { name: /Met bevindingen uit de gezondheidscheck/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'raadsoverzicht met sturingsinformatie');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sturingsinformatie' }).click();
    await page.getByRole('heading', { level: 1, name: /^Sturingsinformatie / }).waitFor();
    for (const name of SECTIONS) await expect(region(page, name).count(), name).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Grafiek: / }).count()).resolves.toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'sturingsinformatie (raadslid)');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'sturingsinformatie (raadslid, 320 px)');
    expect(csp).toEqual([]);
  });
});
