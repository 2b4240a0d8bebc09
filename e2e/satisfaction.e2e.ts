// The resident's report mark in Chromium (docs/product.md#the-report-mark): a case is
// closed, the initiator opens the survey from the link in the mail and fills it in with
// the keyboard only (radio groups with a legend, an error summary first), sees the thank
// you; the low mark reaches the coordinator, who finds it under "Tevredenheid opvolgen"
// and records the follow-up. axe checks every page at 1280 and 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus } from '../src/modules/cases/index.js';
import { toActor } from '../src/modules/identity/index.js';
import { agreePlan, savePlan } from '../src/modules/plans/index.js';
import { ctxFor, initiatorOf } from '../src/testing/factories.js';
import { type E2E, expectAccessible, fileConfirmedIntake, intoPlanning, loginAs, startE2E } from './support.js';

const DIRECTOR = 's.jansen@voorbeeld.nl';
const INITIATOR = 'willem.tevreden.e2e@example.nl';
let e: E2E;
let reference: string;
let surveyLink: string;

beforeAll(async () => {
  e = await startE2E();
  const filed = await fileConfirmedIntake(e, {
    initiator: { name: 'Willem de Boer', email: INITIATOR },
    title: 'Bankje bij de speeltuin',
    description: 'Een bankje bij de speeltuin zodat ouders kunnen zitten.',
    location: 'Speeltuin Oost',
  });
  reference = filed.reference;
  await intoPlanning(e, filed.id, DIRECTOR);
  // The plan agreed by both and the case closed through the use-cases; the browser part is the survey.
  const deps = e.regie.deps;
  const row = await deps.db.unsafeAdmin.selectFrom('users').selectAll().where('email', '=', DIRECTOR).executeTakeFirstOrThrow();
  const director = ctxFor(deps, toActor(row, 'token'));
  const { version } = await savePlan(director, { caseId: filed.id, goal: 'Een bankje plaatsen', actions: [] });
  await agreePlan(director, { caseId: filed.id, version });
  await agreePlan(ctxFor(deps, await initiatorOf(deps.db, filed.id)), { caseId: filed.id, version });
  await changeStatus(director, { caseId: filed.id, to: 'closed' });
  const mail = await e.smtp.waitForMail((m) => m.to.includes(INITIATOR) && m.text.includes('/tevredenheid/'));
  expect(mail.subject).toBe(`Hoe hebben wij het gedaan? ${reference}`);
  surveyLink = /(https?:\/\/\S+\/tevredenheid\/\S+)/.exec(mail.text)?.[1] as string;
  expect(surveyLink).toBeTruthy();
}, 120_000);
afterAll(async () => {
  await e?.close();
});

/** Press Tab until the focused element matches `selector` (at most 40 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the report mark', () => {
  it('the initiator fills in the survey with the keyboard only, from the link in the mail', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(surveyLink);
    await page.getByRole('heading', { level: 1, name: 'Hoe hebben wij het gedaan?' }).waitFor();
    await page.getByText(reference, { exact: false }).first().waitFor();
    // Each scale is a group with its legend.
    await expect(page.getByRole('group', { name: /Welk rapportcijfer geeft u de hulp als geheel\?/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'Werden afspraken nagekomen?' }).getByRole('radio').count()).resolves.toBe(6);
    await expectAccessible(page, 'vragenlijst');

    // Sending without a mark: the error summary takes focus and names the question.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Kies een rapportcijfer van 1 tot en met 10.' });
    await summary.waitFor();
    await expectAccessible(page, 'vragenlijst met foutmelding');

    // Mark 4 with the arrow keys; speed 2; an open answer; send with Enter.
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, 'input[name="mark"]');
    await page.keyboard.press('Space'); // 1
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 4
    await tabTo(page, 'input[name="speed"]');
    await page.keyboard.press('ArrowRight'); // "Geen antwoord" → 1
    await page.keyboard.press('ArrowRight'); // 2
    await tabTo(page, 'textarea[name="comment"]');
    await page.keyboard.type('Ik moest drie keer bellen voordat iemand terugbelde.');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText(/^Dank u wel! Uw antwoord is opgeslagen\./).waitFor();
    await expect(page.locator('input[name="mark"][value="4"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="speed"][value="2"]').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Antwoord wijzigen' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'vragenlijst bedankt');

    // The same link again shows the answer prefilled, also on a narrow screen.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hoe hebben wij het gedaan?' }).waitFor();
    await expect(page.locator('input[name="mark"][value="4"]').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/Wilt u nog iets kwijt\?/).inputValue()).resolves.toContain('drie keer bellen');
    await expectAccessible(page, 'vragenlijst (320 px)');
    await ctx.close();
  });

  it('the coordinator finds the low mark in the menu and records the follow-up', async () => {
    const mail = await e.smtp.waitForMail((m) => m.to.includes('coordinator@voorbeeld.nl') && m.subject.includes(reference));
    expect(mail.subject).toBe(`Laag rapportcijfer (4) voor ${reference}: graag opvolgen`);
    const page = await loginAs(e, 'coordinator@voorbeeld.nl');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Tevredenheid opvolgen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tevredenheid opvolgen' }).waitFor();
    const item = page.getByRole('region', { name: `Zaak ${reference}: cijfer 4` });
    await item.waitFor();
    await item.getByText('Ik moest drie keer bellen voordat iemand terugbelde.').waitFor();
    await expectAccessible(page, 'tevredenheid opvolgen');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'tevredenheid opvolgen (320 px)');
    await page.setViewportSize({ width: 1280, height: 900 });

    await item.getByLabel(/Wat heeft u gedaan\?/).fill('Gebeld, excuses aangeboden en een nieuwe afspraak gemaakt.');
    await item.getByRole('radio', { name: 'afgerond' }).check();
    await item.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De opvolging is vastgelegd.').waitFor();
    // Done: off the to-do list (once the list has been read again), still on the record.
    await page.getByRole('region', { name: `Zaak ${reference}: cijfer 4` }).waitFor({ state: 'detached' });
    await expect(page.getByRole('region', { name: `Zaak ${reference}: cijfer 4` }).count()).resolves.toBe(0);
    await page.getByRole('radio', { name: 'Alle lage cijfers' }).check();
    const done = page.getByRole('region', { name: `Zaak ${reference}: cijfer 4` });
    await done.getByText('Gebeld, excuses aangeboden en een nieuwe afspraak gemaakt.').waitFor();
    await expectAccessible(page, 'tevredenheid opvolgen, alle');
  });

  it('the admin switches on the survey at plan agreement on the settings page', async () => {
    const page = await loginAs(e, 'beheer@voorbeeld.nl');
    await page.goto(`${e.baseUrl}/beheer/instellingen`);
    const block = page.getByRole('region', { name: 'Tevredenheid' });
    const box = block.getByRole('checkbox', { name: 'Ook een vragenlijst sturen na akkoord op het plan' });
    await box.waitFor();
    await expect(box.isChecked()).resolves.toBe(false); // off by default
    await box.check();
    await block.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('De instelling voor de vragenlijst is opgeslagen.').waitFor();
    await expectAccessible(page, 'instellingen met tevredenheid');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Ook een vragenlijst sturen na akkoord op het plan' }).isChecked()).resolves.toBe(true);
  });
});
