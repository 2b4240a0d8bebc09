// A ZGW Notificaties API as a webhook in Chromium (docs/product.md#zgw-notificaties):
// the demo's admin chooses the format, fills in the API's base URL, client id and
// secret, and never sees the secret again (nor the one that replaces it); a confirmed
// intake reaches the specification-built Notificaties API as a valid zaak-create
// notificatie, and the delivery log says it was delivered. axe checks the form and
// the log, also at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { type FakeNotificaties, startFakeNotificaties } from '../src/testing/fake-notificaties.js';
import { type E2E, expectAccessible, fileConfirmedIntake, loginAs, region, startE2E } from './support.js';

const CLIENT_ID = 'regie-voorbeeld';
const CLIENT_SECRET = 'het-geheim-van-de-notificaties-api-42';

let e: E2E;
let nrc: FakeNotificaties;
beforeAll(async () => {
  e = await startE2E();
  // The fake API on this machine speaks plain http: the installation allows it here.
  e.regie.deps.config.webhooks.allowHttp = true;
  nrc = await startFakeNotificaties({ clientId: CLIENT_ID, secret: CLIENT_SECRET });
});
afterAll(async () => {
  await nrc?.close();
  await e?.close();
});

const ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin');

describe('webhooks to a ZGW Notificaties API', () => {
  it('the admin connects the Notificaties API, and a confirmed intake arrives there as a zaak', async () => {
    const page = await loginAs(e, ADMIN?.email as string);
    await page.goto(`${e.baseUrl}/beheer`);
    await page.getByRole('link', { name: 'Koppelingen / Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koppelingen / Webhooks' }).waitFor();
    await page.getByLabel('OIN van de gemeente').fill('00000001001234567000');
    await page.getByRole('button', { name: 'OIN opslaan' }).click();
    await page.getByText('Bron van de berichten: urn:nld:oin:00000001001234567000:systeem:regie').waitFor();

    const form = region(page, 'Nieuwe webhook');
    await form.getByRole('radio', { name: 'ZGW Notificaties API: notificaties op het kanaal zaken' }).check();
    // Submitted empty: the errors name the fields.
    await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
    await expect(form.getByRole('link', { name: /Client-id/ }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'webhooks, the ZGW form with errors');

    await form.getByLabel('Basisadres van de Notificaties API').fill(nrc.url);
    await form.getByLabel('Client-id').fill(CLIENT_ID);
    await form.getByLabel('Geheim').fill(CLIENT_SECRET);
    await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
    await page.getByText('De koppeling met de Notificaties API is toegevoegd.').waitFor();
    await expect(page.getByTestId('webhook-secret').count()).resolves.toBe(0);
    const table = page.getByRole('table', { name: /^Webhooks van de gemeente/ });
    await table.getByText(`ZGW Notificaties API, client-id ${CLIENT_ID}`).waitFor();
    // No test message and no new secret of Regie's making for this one.
    await expect(page.getByRole('button', { name: `Testbericht naar ${nrc.url}` }).count()).resolves.toBe(0);
    await page.reload();
    await table.waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain(CLIENT_SECRET);

    const c = await fileConfirmedIntake(e, {
      initiator: { name: 'Noor Bakker', email: 'noor.bakker@example.nl' },
      title: 'Buurtfeest op het plein',
      description: 'Een buurtfeest met muziek.',
      location: 'Marktplein 1',
    });
    await page.getByRole('button', { name: `Afleverlog van ${nrc.url}` }).click();
    const log = region(page, `Afleverlog: ${nrc.url}`);
    await log.waitFor();
    // Delivered by the outbox worker; refresh the log until it says so.
    const deadline = Date.now() + 15_000;
    while (!(await log.getByText('Afgeleverd').count())) {
      if (Date.now() > deadline) throw new Error('the notificatie was not delivered within 15 s');
      await log.getByRole('button', { name: 'Ververs' }).click();
      await page.waitForTimeout(250);
    }
    expect(nrc.violations).toEqual([]);
    expect(nrc.notificaties).toEqual([
      expect.objectContaining({ kanaal: 'zaken', resource: 'zaak', actie: 'create', hoofdObject: `${e.baseUrl}/api/v1/cases/${c.id}` }),
    ]);
    await expectAccessible(page, 'webhooks with the ZGW delivery log');

    // A new secret from the API: written on the subscription, never shown back.
    await page.getByRole('button', { name: `Geheim vervangen van ${nrc.url}` }).click();
    const replace = region(page, `Nieuw geheim: ${nrc.url}`);
    await replace.getByLabel('Geheim').fill('het-nieuwe-geheim-van-de-api-43');
    await expectAccessible(page, 'webhooks, replacing the client secret');
    await replace.getByRole('button', { name: 'Geheim opslaan' }).click();
    await page.getByText('Het nieuwe geheim is opgeslagen.').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain('het-nieuwe-geheim-van-de-api-43');

    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'webhooks with the ZGW delivery log (320 px)');
  });
});
