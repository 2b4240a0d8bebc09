// Across municipalities, in Chromium: a sharing agreement for some of the receiving
// municipality's themes (docs/product.md#themes-in-a-sharing-agreement) — Naburg's admin
// fetches Voorbeeld's themes, ticks one, and the proposed agreement shows it — and a
// collaboration of Naburg with Voorbeeld as a party, which Voorbeeld's coordinator finds
// on the overview and reads (docs/product.md#a-partner-municipality-reads-a-collaboration).
// Axe checks the pages at 1280 and 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('the theme scope of a sharing agreement', () => {
  it('is chosen from the other municipality’s themes and shown on the agreement', async () => {
    const admin = await loginAs(e, 'beheer@naburg.nl');
    await admin.goto(`${e.baseUrl}/beheer/samenwerkingsafspraken`);
    await admin.getByRole('heading', { level: 1, name: 'Samenwerkingsafspraken met andere gemeenten' }).waitFor();
    await admin.getByLabel('Code van de ontvangende gemeente').fill('voorbeeld');
    await admin.getByLabel('Wat uw gemeente levert').fill('Advies over duurzame bouwplannen');
    await admin.getByRole('checkbox', { name: 'Ruimte en wonen' }).check();
    await admin.getByRole('button', { name: 'Thema’s van deze gemeente ophalen' }).click();
    const theme = admin.getByRole('checkbox', { name: 'Duurzaamheid' });
    await theme.waitFor();
    await theme.check();
    await admin.getByLabel('Eerste dag').fill('2026-01-01');
    await admin.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(admin, 'samenwerkingsafspraak voorstellen met thema’s');
    await admin.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(admin, 'samenwerkingsafspraak voorstellen met thema’s (320 px)');
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.getByRole('button', { name: 'Afspraak voorstellen' }).click();
    const card = admin.locator('section', { hasText: 'Advies over duurzame bouwplannen' }).last();
    await card.getByText('Duurzaamheid', { exact: true }).waitFor();
  });
});

describe('a collaboration of Naburg with Voorbeeld as a party', () => {
  it('is on Voorbeeld’s overview, marked as Naburg’s, and reads as the sheet, without contact persons', async () => {
    const voorbeeld = await e.regie.deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', 'voorbeeld').executeTakeFirstOrThrow();
    const naburg = await apiAs(e, 'coordinator@naburg.nl');
    const me = await naburg.call<{ id: string }>('GET', '/me');
    const c = await naburg.call<{ id: string }>('POST', '/collaborations', {
      name: 'Fietspad langs de Vliet',
      description: 'Een doorgaand fietspad over de gemeentegrens',
      goal: 'Veilig fietsen tussen beide kernen',
      ownerUserId: me.id,
      phase: 'policy',
      startOn: '2026-01-01',
      endOn: '2027-12-31',
    });
    await naburg.call('POST', `/collaborations/${c.id}/parties`, {
      kind: 'municipality',
      municipalityId: voorbeeld.id,
      name: 'Gemeente Voorbeeld',
      orgType: 'public',
      contactName: 'Projectleider Fiets',
      contactEmail: 'fiets@voorbeeld.example',
      yield: 'Een veilige schoolroute',
    });
    await naburg.close();

    const page = await loginAs(e, 'coordinator@voorbeeld.nl');
    await page.goto(`${e.baseUrl}/samenwerkingen`);
    await page.getByText('Partner in een samenwerking van gemeente Naburg').first().waitFor();
    await page.getByRole('link', { name: 'Fietspad langs de Vliet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fietspad langs de Vliet' }).waitFor();
    await page.getByText('Veilig fietsen tussen beide kernen').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('fiets@voorbeeld.example');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'samenwerking van een andere gemeente');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'samenwerking van een andere gemeente (320 px)');
  });
});
