// The council overview in Chromium (docs/product.md#the-council-overview): the demo's
// council member logs in, lands on the Raadsoverzicht in her menu, reads the figures in
// captioned tables (axe checks the page, also at 320 px), finds no initiator's name,
// address, phone number or company on it, and prints it: with print media the
// navigation and the buttons are gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { type E2E, expectAccessible, loginAs, region, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const COUNCIL = VOORBEELD.staff.find((s) => s.role === 'council');

describe('the council overview', () => {
  it('is the council member’s page: figures in tables, no personal data, printable without navigation', async () => {
    expect(COUNCIL?.login).toBe(true);
    const page = await loginAs(e, COUNCIL?.email as string);
    await page.waitForURL('**/raadsoverzicht');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Raadsoverzicht' }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { level: 1, name: /^Raadsoverzicht / }).waitFor();

    // Each part is a region named by its heading, each table has its caption.
    for (const name of ['Zaken', 'Plannen op tijd', 'Bezwaren per regel', 'Toezeggingen', 'Zaken in het kort']) {
      await expect(region(page, name).count(), name).resolves.toBe(1);
    }
    for (const caption of ['Zaken per status', 'Zaken per gebied', 'Plantermijnen', /^Alle zaken, nieuwste eerst/]) {
      await expect(page.getByRole('table', { name: caption }).count(), String(caption)).resolves.toBe(1);
    }
    // The figures are the demo's: as many case summaries as counted per status.
    const counts = await page.getByRole('table', { name: 'Zaken per status' }).locator('tbody tr td').allTextContents();
    const total = counts.reduce((n, c) => n + Number(c), 0);
    expect(total).toBeGreaterThan(0);
    const summaryRows = page.getByRole('table', { name: /^Alle zaken, nieuwste eerst/ }).locator('tbody tr');
    await expect(summaryRows.count()).resolves.toBe(Math.min(total, 100));
    await expectAccessible(page, 'raadsoverzicht');

    // Nothing an initiator wrote or is: not their name, address, phone, company, KvK number, title or description.
    const text = (await page.locator('body').innerText()).toLowerCase();
    for (const c of VOORBEELD.cases) {
      const i = c.initiator;
      for (const s of [i.name, i.email, i.phone, i.company, i.kvkNumber, c.title, c.description]) {
        if (s) expect(text, s).not.toContain(s.toLowerCase());
      }
    }

    // The tables can be reached and scrolled with the keyboard.
    await page.getByRole('region', { name: 'Zaken per status' }).focus();
    await expect(page.evaluate(() => document.activeElement?.querySelector('caption')?.textContent)).resolves.toBe('Zaken per status');

    // Printed: no navigation, no language switch, no print button.
    await page.emulateMedia({ media: 'print' });
    await expect(nav.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Afdrukken' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('table', { name: 'Zaken per status' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await expect(nav.isVisible()).resolves.toBe(true);

    // Narrow screens (320 px): still accessible.
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'raadsoverzicht (320 px)');

    // In English too.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Council overview / }).waitFor();
    await expectAccessible(page, 'council overview (en)');
  });
});
