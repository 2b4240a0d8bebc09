// Collaborations in Chromium (docs/product.md#collaborations,
// docs/product.md#the-health-check-of-a-collaboration): the demo's coordinator starts
// the youth-nuisance collaboration on the overview, which gets a goal with a target
// and four parties with contribution, power and yield; she adds the sports club and a
// progress reading on its page, and the health check names the party without a yield
// and who should act. On a second collaboration she uses the page's forms: a target added
// (after the error summary) and changed, the fields changed with a later end date as the
// decision to extend, an area and a theme, and a case linked by its case number. axe
// checks the pages at 1280 and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { apiAs, type E2E, expectAccessible, loginAs, region, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const COORDINATOR = VOORBEELD.staff.find((s) => s.role === 'coordinator');

/** Today and a year ahead as YYYY-MM-DD (the server runs on the system clock). */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
const started = iso(new Date(today.getTime() - 30 * 86_400_000));
const ends = iso(new Date(today.getTime() + 335 * 86_400_000));

describe('collaborations', () => {
  it('the youth-nuisance collaboration: goal and target, four parties, a reading, and the party without a yield flagged', async () => {
    const page = await loginAs(e, COORDINATOR?.email as string);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Samenwerkingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenwerkingen' }).waitFor();
    await expectAccessible(page, 'samenwerkingen');

    // Start it on the overview; the coordinator is the owner.
    const form = region(page, 'Nieuwe samenwerking');
    await form.getByLabel('Naam', { exact: true }).fill('Jeugdoverlast Winkelcentrum');
    await form.getByLabel(/^Gedeeld doel/).fill('Minder overlast door jongeren rond het winkelcentrum');
    await form.getByLabel('Startdatum').fill(started);
    await form.getByLabel('Eind- of evaluatiedatum').fill(ends);
    await form.getByRole('button', { name: 'Samenwerking starten' }).click();
    await page.waitForURL('**/samenwerkingen/*');
    await page.getByRole('heading', { level: 1, name: 'Jeugdoverlast Winkelcentrum' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) as string;

    // A target and three parties through the API, as another screen would record them.
    const api = await apiAs(e, COORDINATOR?.email as string);
    await api.call('POST', `/collaborations/${id}/targets`, {
      indicator: 'Meldingen jeugdoverlast',
      baseline: 42,
      targetValue: 20,
      unit: 'per kwartaal',
      targetOn: ends,
    });
    const party = (name: string, more: Record<string, unknown>) =>
      api.call('POST', `/collaborations/${id}/parties`, { kind: 'organisation', name, orgType: 'public', ...more });
    await party('Politie Midden-Nederland', {
      contactName: 'Wijkagent De Vries',
      finalSay: ['Inzet van surveillance'],
      yield: 'Minder meldingen om op uit te rukken',
      contributions: [{ kind: 'hours', amount: 160, description: 'Wijkagent' }],
    });
    await party('Winkeliersvereniging Centrum', {
      orgType: 'private',
      kvkNumber: '12345678',
      decidesTogether: ['Openingstijden van de passage'],
      yield: 'Een veilig winkelgebied',
      contributions: [{ kind: 'money', amount: 500_000, description: 'Camera’s' }],
    });
    await party('Basisschool De Linde', {
      yield: 'Veilige schoolroute',
      contributions: [{ kind: 'data', amount: null, description: 'Signalen van leerkrachten' }],
    });
    await api.close();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jeugdoverlast Winkelcentrum' }).waitFor();

    // The fourth party on the page, without a yield.
    const add = region(page, 'Partij toevoegen');
    await add.getByLabel('Naam van de partij').fill('Sportclub De Toekomst');
    await add.getByLabel('Soort organisatie').selectOption('nonprofit');
    await add.getByLabel('Soort inbreng').selectOption('assets');
    await add.getByLabel(/^Omschrijving van de inbreng/).fill('Kantine en velden op woensdagmiddag');
    await add.getByRole('button', { name: 'Partij toevoegen' }).click();
    await page.getByText('De partij is toegevoegd.').waitFor();
    await expect(region(page, 'Sportclub De Toekomst').count()).resolves.toBe(1);

    // A progress reading against the target.
    const target = region(page, 'Meldingen jeugdoverlast');
    await target.getByLabel('Datum', { exact: true }).fill(iso(today));
    await target.getByLabel('Waarde', { exact: true }).fill('35');
    await target.getByRole('button', { name: 'Meting vastleggen' }).click();
    await page.getByText('De meting is vastgelegd.').waitFor();
    await expect(page.getByRole('table', { name: 'Metingen van Meldingen jeugdoverlast' }).locator('tbody tr').count()).resolves.toBe(1);

    // The health check: exactly the sports club's missing yield, with who should act.
    const health = region(page, 'Gezondheidscheck');
    await expect(health.getByRole('listitem').allTextContents()).resolves.toEqual([
      `Voor Sportclub De Toekomst staat niet vast wat het oplevert. ${COORDINATOR?.name} spreekt dat met Sportclub De Toekomst af.`,
    ]);
    await expect(region(page, 'Partijen: inbreng, zeggenschap en opbrengst').getByRole('region').count()).resolves.toBe(5); // four parties and the form
    await expect(region(page, 'Politie Midden-Nederland').getByText('Heeft het laatste woord over: Inzet van surveillance').count()).resolves.toBe(1);
    await expectAccessible(page, 'samenwerking');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'samenwerking (320 px)');

    // The overview shows it with one finding; filtered by party and health.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Terug naar samenwerkingen' }).click();
    await page.getByLabel('Partij', { exact: true }).fill('sportclub');
    await page.getByLabel('Gezondheid').selectOption('with');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const row = page.getByRole('table', { name: 'Samenwerkingen' }).getByRole('row', { name: /Jeugdoverlast Winkelcentrum/ });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('1 bevinding(en)');
    await expectAccessible(page, 'samenwerkingen gefilterd');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'samenwerkingen (320 px)');
  });

  it('the forms of the collaboration page: target, fields and extension, areas and themes, a linked case', async () => {
    const page = await loginAs(e, COORDINATOR?.email as string);
    await page.goto(`${e.baseUrl}/samenwerkingen`);
    const start = region(page, 'Nieuwe samenwerking');
    await start.getByLabel('Naam', { exact: true }).fill('Buurtpreventie Noord');
    await start.getByLabel('Startdatum').fill(started);
    await start.getByLabel('Eind- of evaluatiedatum').fill(ends);
    await start.getByRole('button', { name: 'Samenwerking starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurtpreventie Noord' }).waitFor();

    // A target: sent empty first, the error summary names the fields and takes focus.
    const add = region(page, 'Streefcijfer toevoegen');
    await add.getByRole('button', { name: 'Streefcijfer toevoegen' }).click();
    const summary = add.getByRole('alert');
    await summary.getByText('Controleer het formulier').waitFor();
    await expect(summary.getByRole('link').count()).resolves.toBe(5);
    await expectAccessible(page, 'samenwerking: foutmeldingen streefcijfer');
    await add.getByLabel('Indicator', { exact: true }).fill('Woninginbraken');
    await add.getByLabel('Nulmeting', { exact: true }).fill('30');
    await add.getByLabel('Streefwaarde', { exact: true }).fill('18');
    await add.getByLabel('Eenheid', { exact: true }).fill('per jaar');
    await add.getByLabel('Streefdatum', { exact: true }).fill(ends);
    await add.getByRole('button', { name: 'Streefcijfer toevoegen' }).click();
    await page.getByText('Het streefcijfer is toegevoegd.').waitFor();

    // Changing it: the button opens the form under it.
    const target = region(page, 'Woninginbraken');
    await target.getByRole('button', { name: 'Streefcijfer wijzigen: Woninginbraken' }).click();
    await target.getByLabel('Streefwaarde', { exact: true }).fill('15');
    await expectAccessible(page, 'samenwerking: streefcijfer wijzigen');
    await target.getByRole('button', { name: 'Streefcijfer opslaan' }).click();
    await page.getByText('Het streefcijfer is gewijzigd.').waitFor();
    await expect(region(page, 'Woninginbraken').innerText()).resolves.toMatch(/15 per jaar/);

    // The fields: a description and a later end date, recorded as the decision to extend.
    const later = iso(new Date(today.getTime() + 700 * 86_400_000));
    const edit = region(page, 'Gegevens wijzigen');
    await edit.getByLabel(/^Omschrijving/).fill('Bewoners, politie en gemeente samen tegen inbraken.');
    await edit.getByLabel('Eind- of evaluatiedatum', { exact: true }).fill(later);
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('Het besluit om te verlengen is vastgelegd.').waitFor();
    await page.getByRole('paragraph').filter({ hasText: 'Bewoners, politie en gemeente samen tegen inbraken.' }).waitFor();

    // An area and a theme.
    const links = region(page, 'Gebieden en thema’s');
    const area = links
      .getByRole('group', { name: /^Gebieden/ })
      .getByRole('checkbox')
      .first();
    const areaName = (
      await links
        .getByRole('group', { name: /^Gebieden/ })
        .locator('label')
        .first()
        .innerText()
    ).trim();
    await area.check();
    await links
      .getByRole('group', { name: /^Thema/ })
      .getByRole('checkbox')
      .first()
      .check();
    await links.getByRole('button', { name: 'Gebieden en thema’s opslaan' }).click();
    await page.getByText('De gebieden en thema’s zijn opgeslagen.').waitFor();
    await expect(region(page, 'Gebieden en thema’s').getByText(`Gebieden: ${areaName}`).count()).resolves.toBe(1);

    // A case found by its case number, searched with the keyboard, and linked.
    const api = await apiAs(e, COORDINATOR?.email as string);
    const { items } = await api.call<{ items: { reference: string }[] }>('GET', '/cases?limit=1');
    await api.close();
    const reference = items[0]?.reference as string;
    const cases = region(page, 'Gekoppelde zaken');
    await cases.getByLabel('Zaaknummer', { exact: true }).fill(reference);
    await cases.getByLabel('Zaaknummer', { exact: true }).press('Enter');
    const link = cases.getByRole('button', { name: `Koppelen: zaak ${reference}` });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Zaak ${reference} is gekoppeld.`).waitFor();
    await expect(
      region(page, 'Gekoppelde zaken')
        .getByRole('button', { name: `Ontkoppelen: zaak ${reference}` })
        .count(),
    ).resolves.toBe(1);

    await expectAccessible(page, 'samenwerking met formulieren');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'samenwerking met formulieren (320 px)');
  });
});
