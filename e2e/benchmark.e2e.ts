// Comparing municipalities in Chromium (docs/product.md#comparing-municipalities,
// docs/product.md#open-data): the admin turns taking part and publishing on in the
// settings; the coordinator and the council member find "Vergelijken" in their menu and
// read the figures in captioned tables beside a drawing; anyone without login reads the
// published figures and finds the open data and its licence; a municipality that does
// not take part sees why, and its admin the way to the setting. Axe checks every page
// at 1280 and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { type E2E, expectAccessible, loginAs, openPage, region, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const person = (role: string) => VOORBEELD.staff.find((s) => s.role === role)?.email as string;

/** Axe at desktop width and at 320 px, then back. */
async function accessibleAtBothWidths(page: Awaited<ReturnType<typeof loginAs>>, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, `${label} (1280 px)`);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, `${label} (320 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('comparing municipalities', () => {
  it('the admin takes part and publishes in the settings', async () => {
    const page = await loginAs(e, person('admin'));
    await page.goto(`${e.baseUrl}/beheer/instellingen`);
    const block = region(page, 'Vergelijken met andere gemeenten');
    await block.waitFor();
    await block.getByLabel('Aantal inwoners').fill('45000');
    await block.getByLabel('Meedoen aan het vergelijken').check();
    await block.getByLabel(/^Onze kengetallen openbaar maken/).check();
    await block.getByLabel(/^CC BY 4.0/).check();
    await block.getByRole('button', { name: 'Instellingen voor vergelijken opslaan' }).click();
    await page.getByText('De instellingen voor het vergelijken zijn opgeslagen.').waitFor();
    await expect(block.getByText('Grootteklasse van uw gemeente: 20.000 tot 50.000 inwoners.').isVisible()).resolves.toBe(true);
    await accessibleAtBothWidths(page, 'instellingen');
    // The job computes the figures in the background; here it runs now.
    await e.regie.benchmark.runNow();
  });

  for (const role of ['coordinator', 'council'] as const) {
    it(`the ${role} reads the comparison from the menu, in tables beside a drawing`, async () => {
      const page = await loginAs(e, person(role));
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vergelijken' }).click();
      await page.getByRole('heading', { level: 1, name: /^Vergelijken: / }).waitFor();
      for (const figure of ['Plannen binnen de termijn', 'Doorlooptijd van intake tot plan', 'Toezeggingen nagekomen']) {
        await expect(region(page, figure).count(), figure).resolves.toBe(1);
        await expect(page.getByRole('table', { name: `${figure}: eigen gemeente en deelnemers` }).count()).resolves.toBe(1);
        await expect(page.getByRole('table', { name: `${figure} per maand` }).count()).resolves.toBe(1);
        await expect(page.getByRole('img', { name: `Tekening van de tabel: ${figure}` }).count()).resolves.toBe(1);
      }
      // One participant: every aggregate is too small to show.
      const table = page.getByRole('table', { name: 'Doorlooptijd van intake tot plan: eigen gemeente en deelnemers' });
      await expect(table.getByRole('row', { name: /^Alle deelnemers/ }).innerText()).resolves.toContain('te weinig gegevens');
      await expect(page.getByText('Grootteklasse van uw gemeente: 20.000 tot 50.000 inwoners.').isVisible()).resolves.toBe(true);
      await accessibleAtBothWidths(page, `vergelijken (${role})`);
    });
  }

  it('shows the published figures without login, with the open data and its licence', async () => {
    const page = await openPage(e, await e.browser.newContext(), '/cijfers');
    await page.getByRole('heading', { level: 1, name: 'Cijfers van gemeenten' }).waitFor();
    await page.getByRole('link', { name: VOORBEELD.name }).click();
    await page.getByRole('heading', { level: 1, name: `Cijfers van ${VOORBEELD.name}` }).waitFor();
    await expect(page.getByRole('table', { name: 'Over de hele periode' }).count()).resolves.toBe(1);
    const csv = page.getByRole('link', { name: 'Cijfers als CSV (spreadsheet)' });
    await expect(csv.getAttribute('href')).resolves.toMatch(
      new RegExp(`^/api/v1/public/municipalities/${VOORBEELD.slug}/figures\\.csv\\?from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}$`),
    );
    await expect(page.getByRole('link', { name: /^CC BY 4.0/ }).getAttribute('href')).resolves.toBe('https://creativecommons.org/licenses/by/4.0/');
    await accessibleAtBothWidths(page, 'openbare cijfers');
    await page.goto(`${e.baseUrl}/cijfers`);
    await page.getByRole('link', { name: VOORBEELD.name }).waitFor();
    await accessibleAtBothWidths(page, 'gemeenten met openbare cijfers');
  });

  it('tells a municipality that does not take part why there are no figures, and its admin where to turn it on', async () => {
    const page = await loginAs(e, 'beheer@naburg.nl');
    await page.goto(`${e.baseUrl}/vergelijken`);
    await page.getByRole('heading', { level: 2, name: 'Uw gemeente doet niet mee aan het vergelijken. Daarom ziet u hier geen cijfers.' }).waitFor();
    await expect(page.getByRole('link', { name: 'Naar de instellingen' }).getAttribute('href')).resolves.toBe('/beheer/instellingen');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await accessibleAtBothWidths(page, 'vergelijken (geen deelnemer)');
    // Its figures are not published either.
    const anon = await openPage(e, await e.browser.newContext(), '/cijfers/naburg');
    await anon.getByText('Deze gemeente maakt haar cijfers niet openbaar.').waitFor();
  });
});
