// Zaaksysteem (ZGW) in Chromium (docs/product.md#zgw-registration,
// docs/product.md#zgw-zaaktype-choice): the demo's admin configures local ZGW APIs
// (built from the official specifications), picks the zaaktype and a status type from
// the Catalogi API in selects, a confirmed intake meets an outage and waits on the
// status page, "Opnieuw proberen" registers it as a zaak. axe checks the page at 1280
// and 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { startFakeZgw } from '../src/testing/fake-zgw.js';
import { type E2E, expectAccessible, fileConfirmedIntake, loginAs, startE2E } from './support.js';

const SECRET = 'geheim-van-het-zaaksysteem';
let e: E2E;
let fake: Awaited<ReturnType<typeof startFakeZgw>>;
beforeAll(async () => {
  e = await startE2E();
  fake = await startFakeZgw({ clientId: 'regie-voorbeeld', secret: SECRET });
});
afterAll(async () => {
  await fake?.close();
  await e?.close();
});

const ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin');

describe('zaaksysteem', () => {
  it('the admin switches ZGW on, sees a registration wait during an outage and retries it', async () => {
    const page = await loginAs(e, ADMIN?.email as string);
    await page.goto(`${e.baseUrl}/beheer`);
    await page.getByRole('link', { name: 'Zaaksysteem (ZGW)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaaksysteem (ZGW)' }).waitFor();
    await expectAccessible(page, 'zgw');

    const zaaktype = fake.addZaaktype({ identificatie: 'ZT-INI', omschrijving: 'Initiatief', statustypen: ['Ontvangen', 'In behandeling', 'Afgerond'] });
    fake.addZaaktype({ identificatie: 'ZT-EVE', omschrijving: 'Evenement', statustypen: ['Aangevraagd', 'Vergund'] });
    await page.getByLabel('Zaken API (basisadres)').fill(fake.zakenUrl);
    await page.getByLabel('Catalogi API (basisadres)').fill(fake.catalogiUrl);
    await page.getByLabel(/^RSIN van de gemeente/).fill('002564440');
    await page.getByLabel('Client id').fill('regie-voorbeeld');
    await page.getByLabel(/^Geheim/).fill(SECRET);
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();

    // With the Catalogi API saved, the zaaktype and its status types are chosen in selects.
    await page.getByRole('combobox', { name: 'Zaaktype' }).selectOption({ label: 'Initiatief (ZT-INI)' });
    await page.getByRole('combobox', { name: 'Statustype bij intake' }).selectOption({ label: '1. Ontvangen' });
    await page.getByRole('combobox', { name: 'Statustype bij afsluiten' }).selectOption({ label: '3. Afgerond' });
    await expectAccessible(page, 'zgw with the catalogue');
    await page.getByLabel('Zaken registreren in het zaaksysteem').check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    const saved = await e.regie.deps.db.unsafeAdmin
      .selectFrom('zgw_settings')
      .select(['zaaktype_url', 'statustype_intake_url', 'statustype_closed_url'])
      .execute();
    expect(saved).toContainEqual({
      zaaktype_url: zaaktype.url,
      statustype_intake_url: zaaktype.statustypen[0],
      statustype_closed_url: zaaktype.statustypen[2],
    });
    await expect(page.locator('body').innerText()).resolves.not.toContain(SECRET);

    // the outage meets the registration, not the settings page asking the Catalogi API
    fake.cutNextMatching('GET', /\/zaken\/api\/v1\/zaken$/);
    const { reference } = await fileConfirmedIntake(e, {
      initiator: { name: 'Sanne Bakker', email: 'sanne.zgw@example.nl' },
      title: 'Een bankje bij de speeltuin',
      description: 'Graag een bankje bij de speeltuin.',
      location: 'Parkweg 3',
    });

    // The worker's first attempt meets the outage; the task waits on the status page
    // with the failure, until its back-off is over.
    const row = page.getByRole('row', { name: new RegExp(reference) });
    const failedOnce = async () => (await row.count()) > 0 && ((await row.innerText()) ?? '').includes('GET /zaken');
    let deadline = Date.now() + 20_000;
    while (!(await failedOnce())) {
      if (Date.now() > deadline) throw new Error('the waiting task did not appear within 20 s');
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Zaaksysteem (ZGW)' }).waitFor();
    }
    await row.getByText('Wacht').waitFor();
    await expectAccessible(page, 'zgw with a waiting task');

    await row.getByRole('button', { name: 'Opnieuw proberen' }).click();
    deadline = Date.now() + 20_000;
    while (!(await page.getByText('Niets wacht: alles is bij het zaaksysteem.').count())) {
      if (Date.now() > deadline)
        throw new Error(
          `the task was not done within 20 s: ${JSON.stringify({ violations: fake.violations, requests: fake.requests.map((r) => `${r.method} ${r.path}`), tasks: await e.regie.deps.db.unsafeAdmin.selectFrom('zgw_tasks').select(['step', 'status', 'attempts', 'last_error']).execute() })}`,
        );
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Zaaksysteem (ZGW)' }).waitFor();
    }
    expect(fake.zaken.map((z) => z.identificatie)).toEqual([reference]);
    expect(fake.zaken[0]?.zaaktype).toBe(zaaktype.url);
    expect(fake.violations).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'zgw (320 px)');
  });
});
