// A neighbouring municipality assesses under a sharing agreement, in Chromium
// (docs/product.md#another-municipalitys-department-in-a-round): Voorbeeld's director
// asks Naburg's Omgevingsdienst in a round, picked from the departments available under
// the demo's active agreement; Naburg's specialist finds the request under "Verzoeken
// van andere gemeenten", sees the proposal and the minimum of the case (never the
// initiator), answers, and Voorbeeld's case shows the answer. Axe checks every page at
// 1280 and 320 px; the admins' agreements page too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_SPECIALIST } from '../src/demo/intermunicipal.js';
import { type E2E, expectAccessible, fileConfirmedIntake, intoPlanning, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const DIRECTOR = 's.jansen@voorbeeld.nl';
const INITIATOR = { name: 'Jolanda Riviervlied', email: 'j.riviervlied@example.nl' };

async function bothWidths(page: import('playwright-core').Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, `${label} (320 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the environmental service answers Voorbeeld’s round from Naburg', () => {
  it('goes from the director’s round through Naburg’s specialist to the answer on Voorbeeld’s case', async () => {
    const c = await fileConfirmedIntake(e, {
      initiator: INITIATOR,
      title: 'Zomerfestival aan de rivier',
      description: 'Een driedaags festival op de uiterwaarden met een podium en een camping.',
      location: 'Uiterwaarden Oost',
    });
    await intoPlanning(e, c.id, DIRECTOR);

    // Voorbeeld's director opens a round with Naburg's department from the picker.
    const director = await loginAs(e, DIRECTOR);
    await director.goto(`${e.baseUrl}/zaken/${c.id}`);
    await director.getByRole('button', { name: 'Nieuwe toetsronde voorbereiden' }).click();
    await director.getByLabel('Voorstel').fill('Festival van vrijdag tot en met zondag, muziek tot 23 uur.');
    const shared = director.getByRole('checkbox', { name: 'Omgevingsdienst (Gemeente Naburg)' });
    await shared.waitFor();
    await shared.check();
    await bothWidths(director, 'toetsronde openen met een afdeling van een andere gemeente');
    await director.getByRole('button', { name: 'Toetsronde openen' }).click();
    await director
      .getByText(/Omgevingsdienst \(Gemeente Naburg\)/)
      .first()
      .waitFor();

    // Naburg's specialist: the mail links to the shared request, the menu to the list.
    const mail = await e.smtp.waitForMail((m) => m.to.includes(SHARED_SPECIALIST.email) && m.subject.includes(c.reference));
    expect(mail.text).toContain('/gedeelde-verzoeken/');
    const specialist = await loginAs(e, SHARED_SPECIALIST.email);
    await specialist.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken van andere gemeenten' }).click();
    await specialist.getByRole('heading', { level: 1, name: 'Verzoeken van andere gemeenten' }).waitFor();
    const link = specialist.getByRole('link', { name: new RegExp(c.reference) });
    await link.waitFor();
    await bothWidths(specialist, 'verzoeken van andere gemeenten');
    await link.click();
    await specialist.getByRole('heading', { level: 1, name: 'Zomerfestival aan de rivier' }).waitFor();
    await expect(specialist.getByText('Uiterwaarden Oost').isVisible()).resolves.toBe(true);
    // The minimum of the case: never the initiator's name or e-mail address.
    const text = await specialist.locator('body').innerText();
    expect(text).not.toContain(INITIATOR.name);
    expect(text).not.toContain(INITIATOR.email);
    await bothWidths(specialist, 'verzoek van een andere gemeente');

    await specialist.getByRole('radio', { name: 'Ja', exact: true }).check();
    await specialist.getByRole('button', { name: 'Antwoord versturen' }).click();
    await specialist.getByText('Uw antwoord is opgeslagen.').first().waitFor();
    await bothWidths(specialist, 'verzoek van een andere gemeente, beantwoord');

    // Voorbeeld's case shows the answer of Naburg's department, by the specialist.
    await director.reload();
    await director
      .getByText(new RegExp(`${SHARED_SPECIALIST.name} \\(Gemeente Naburg\\)`))
      .first()
      .waitFor();

    // The admins' page of agreements: the active agreement, seen from Voorbeeld.
    const admin = await loginAs(e, 'beheer@voorbeeld.nl');
    await admin.goto(`${e.baseUrl}/beheer/samenwerkingsafspraken`);
    await admin.getByRole('heading', { level: 1, name: 'Samenwerkingsafspraken met andere gemeenten' }).waitFor();
    await admin.getByText('Van kracht').first().waitFor();
    await bothWidths(admin, 'samenwerkingsafspraken');
  });
});
