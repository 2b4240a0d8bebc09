// Responding to a case in Chromium (docs/product.md#responding-to-a-case): the director
// opens a response period from the case page; a neighbour finds it on the public list
// (which offers its Atom feed), fills in the response form with the keyboard only, meets
// the error summary first, sends it and confirms it with the link from the mail; the
// director reads the inventory of interests. Axe checks every page, at 1280 and 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, fileConfirmedIntake, intoPlanning, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const DIRECTOR = 's.jansen@voorbeeld.nl';
const NEIGHBOUR = 'buurvrouw.e2e@example.nl';

/** Press Tab until the focused element matches `selector` (at most 80 times): moving through the page as a keyboard user does. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function atBothWidths(page: Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, `${label} (320 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('responding to a case', () => {
  it('a neighbour responds with the keyboard only and confirms by mail; the director reads the inventory', async () => {
    const { id: caseId, reference } = await fileConfirmedIntake(e, {
      initiator: { name: 'Fatima de Vries', email: 'fatima.e2e@example.nl' },
      title: 'Terras aan de haven',
      description: 'Een terras aan de haven voor ons café, open tot 23.00 uur.',
      location: 'Havenkade 1',
    });
    await intoPlanning(e, caseId, DIRECTOR);

    // The director opens a period from the case page.
    const director = await loginAs(e, DIRECTOR);
    await director.goto(`${e.baseUrl}/zaken/${caseId}`);
    await director.getByRole('heading', { level: 2, name: 'Reacties van omwonenden' }).waitFor();
    await director.getByRole('link', { name: 'Reactieperiodes en belangen' }).click();
    await director.getByRole('heading', { level: 1, name: 'Reactieperiodes en belangen' }).waitFor();
    await atBothWidths(director, 'reactieperiodes');
    await director.getByLabel('Publieke samenvatting').fill('Aan de Havenkade komt een terras, open tot 23.00 uur.');
    await expect(director.getByLabel('Locatie op de publieke pagina').inputValue()).resolves.toBe('Havenkade 1');
    await director.getByLabel('Vragen, één per regel').fill('Hoe vaak komt u langs de haven?');
    await director.getByRole('button', { name: 'Reactieperiode openen' }).click();
    await director.getByText('De reactieperiode is geopend.').waitFor();
    const periodLink = director.getByRole('link', { name: 'Inventarisatie van belangen' });
    const inventoryPath = (await periodLink.getAttribute('href')) as string;
    const periodId = inventoryPath.split('/').pop() as string;

    // The neighbour finds it on the public list, which offers its feed.
    const neighbourCtx = await e.browser.newContext();
    const page = await neighbourCtx.newPage();
    await page.goto(`${e.baseUrl}/reageren/voorbeeld`);
    await page.getByRole('heading', { level: 1, name: /^Reageren op zaken in / }).waitFor();
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).resolves.toBe(
      '/api/v1/municipalities/voorbeeld/response-periods.atom',
    );
    await atBothWidths(page, 'reageren (lijst)');
    await page.getByRole('link', { name: new RegExp(`Reageren op ${reference}`) }).click();
    await page.waitForURL(`**/reageren/voorbeeld/${periodId}`);
    await page.getByRole('heading', { level: 1, name: `Reageren op ${reference}` }).waitFor();
    await atBothWidths(page, 'reactiepagina');

    // Keyboard only: sending the empty form shows the error summary, which takes focus.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const summary = page.locator('.regie-error-summary');
    await summary.waitFor();
    await expect(page.evaluate(() => document.activeElement?.classList.contains('regie-error-summary'))).resolves.toBe(true);
    await expect(summary.innerText()).resolves.toContain('Vul uw naam in.');
    await expectAccessible(page, 'reactiepagina met fouten');

    await tabTo(page, 'input[name="name"]');
    await page.keyboard.type('Els Bakker');
    await tabTo(page, 'input[name="email"]');
    await page.keyboard.type(NEIGHBOUR);
    await tabTo(page, 'input[name="relation"]');
    await page.keyboard.press('Space'); // the first: omwonende
    await tabTo(page, 'input[name="position"]');
    await page.keyboard.press('ArrowDown'); // from steun to zorg
    await page.keyboard.press('ArrowDown'); // to bezwaar
    await tabTo(page, 'input[type="checkbox"][name^="topicIds-"]');
    await page.keyboard.press('Space'); // Verkeer
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Geluid
    await tabTo(page, 'textarea[name="interest"]');
    await page.keyboard.type('Vrachtwagens laden en lossen nu al op de stoep.');
    await tabTo(page, 'textarea[name="wouldHelp"]');
    await page.keyboard.type('Een vaste laad- en losplek.');
    await tabTo(page, 'textarea[name="answers.0"]');
    await page.keyboard.type('Elke dag.');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bevestig uw reactie' }).waitFor();
    await expect(page.locator('body').innerText()).resolves.toContain(NEIGHBOUR);
    await atBothWidths(page, 'reactie verstuurd');

    // The link from the mail confirms it.
    const mail = await e.smtp.waitForMail((m) => m.to.includes(NEIGHBOUR) && m.subject.includes(reference));
    const link = /(https?:\/\/\S+\/reageren\/bevestigen#\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link as string);
    await page.getByText('Dank u wel. Uw reactie is bevestigd en telt mee.').waitFor();
    await atBothWidths(page, 'reactie bevestigd');
    // The public page counts it, and shows no name or address.
    await page.goto(`${e.baseUrl}/reageren/voorbeeld/${periodId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const publicText = await page.locator('body').innerText();
    expect(publicText).not.toContain('Els Bakker');
    expect(publicText).not.toContain(NEIGHBOUR);
    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Respond to ${reference}` }).waitFor();
    await page.getByRole('group', { name: 'What do you think of it?' }).waitFor();
    await expectAccessible(page, 'response page (en)');
    await neighbourCtx.close();

    // The director's inventory: the response under Verkeer and Geluid, as an objection.
    await director.goto(`${e.baseUrl}${inventoryPath}`);
    await director.getByRole('heading', { level: 1, name: 'Inventarisatie van belangen' }).waitFor();
    const table = director.getByRole('table', { name: 'Reacties per belang en standpunt' });
    const verkeer = table.getByRole('row', { name: /^Verkeer/ });
    await expect(verkeer.getByRole('cell').allTextContents()).resolves.toEqual(['0', '0', '1', '1', '0']);
    await expect(director.locator('body').innerText()).resolves.not.toContain(NEIGHBOUR);
    await atBothWidths(director, 'inventarisatie');
    await director.getByLabel('Antwoord bij Verkeer').fill('Er komt een laad- en losplek aan de Havenkade.');
    await director.getByRole('button', { name: 'Antwoord opslaan' }).first().click();
    await director.getByText('Het antwoord is opgeslagen.').waitFor();
  });
});
