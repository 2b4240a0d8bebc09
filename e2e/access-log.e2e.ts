// The access log and the retention setting in Chromium
// (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd, docs/product.md#bewaartermijn):
// a director opens a case, the admin finds that in "Logboek inzage persoonsgegevens",
// filters it, and sets the retention term. axe checks every page on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('the access log of personal data', () => {
  it('shows the admin who read a case, filtered, and keeps the retention term in the settings', async () => {
    // A director reads a case of the demo: its initiator's contact details come with it.
    const director = await loginAs(e, 's.jansen@voorbeeld.nl');
    const list = await director.request.get(`${e.baseUrl}/api/v1/cases?limit=1`);
    const first = ((await list.json()) as { items: { id: string; reference: string }[] }).items[0];
    expect(first).toBeDefined();
    const read = await director.request.get(`${e.baseUrl}/api/v1/cases/${first?.id}`);
    expect(read.ok()).toBe(true);

    const admin = await loginAs(e, 'beheer@voorbeeld.nl');
    await admin.goto(`${e.baseUrl}/beheer`);
    await admin.getByRole('link', { name: 'Logboek inzage persoonsgegevens' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Logboek inzage persoonsgegevens' }).waitFor();
    const table = admin.getByRole('table', { name: /Inzage in persoonsgegevens, nieuwste eerst/ });
    await table
      .getByRole('row')
      .filter({ hasText: first?.reference as string })
      .filter({ hasText: 'Contactgegevens' })
      .first()
      .waitFor();
    await expectAccessible(admin, 'logboek inzage');

    // No dossier was downloaded: filtering on that kind finds nothing.
    await admin.getByLabel('Soort inzage').selectOption({ label: 'Zaakdossier' });
    await admin.getByRole('button', { name: 'Zoeken' }).click();
    await admin.getByText('Geen inzage gevonden met deze filters.').waitFor();
    await expectAccessible(admin, 'logboek inzage zonder resultaat');

    await admin.goto(`${e.baseUrl}/beheer/instellingen`);
    const retention = admin.getByLabel('Bewaartermijn persoonsgegevens (maanden)');
    await retention.waitFor();
    expect(await retention.inputValue()).toBe('24');
    await retention.fill('36');
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await expect
      .poll(
        async () =>
          (
            await e.regie.deps.db.unsafeAdmin
              .selectFrom('municipalities')
              .select('personal_data_retention_months')
              .where('slug', '=', 'voorbeeld')
              .executeTakeFirst()
          )?.personal_data_retention_months,
      )
      .toBe(36);
    await expectAccessible(admin, 'instellingen met bewaartermijn');
  });
});
