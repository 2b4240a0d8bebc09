// Agreements within a collaboration in Chromium (docs/product.md#agreements-within-a-collaboration,
// docs/product.md#an-outside-partys-read-access): the coordinator records the police's
// agreement on the collaboration's page, where it waits for confirmation; the police's
// contact confirms it through the link in the mail, without an account; then asks for
// a login link and reads the collaboration's sheet with its own agreement. axe checks
// the pages at 1280 and at 320 px.
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
const POLICE = 'wijkagent.e2e@politie.example';
const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();

async function bothWidths(page: import('playwright-core').Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, `${label} (320 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('agreements within a collaboration', () => {
  it('the police’s agreement, recorded by the owner, confirmed through its link, and read by the police after logging in', async () => {
    const api = await apiAs(e, COORDINATOR?.email as string);
    const me = (await api.call('GET', '/me')) as { id: string };
    const started = (await api.call('POST', '/collaborations', {
      name: 'Jeugdoverlast Stationsplein',
      goal: 'Minder overlast rond het station',
      ownerUserId: me.id,
      startOn: iso(new Date(today.getTime() - 30 * 86_400_000)),
      endOn: iso(new Date(today.getTime() + 300 * 86_400_000)),
    })) as { id: string };
    await api.call('POST', `/collaborations/${started.id}/parties`, {
      kind: 'organisation',
      name: 'Politie Midden-Nederland',
      orgType: 'public',
      contactName: 'Wijkagent De Vries',
      contactEmail: POLICE,
    });
    await api.close();

    // The owner records the police's agreement on the page.
    const page = await loginAs(e, COORDINATOR?.email as string);
    await page.goto(`${e.baseUrl}/samenwerkingen/${started.id}`);
    await page.getByRole('heading', { level: 1, name: 'Jeugdoverlast Stationsplein' }).waitFor();
    const form = region(page, 'Afspraak vastleggen');
    await form.getByLabel('Wie maakt de afspraak').selectOption({ label: 'Politie Midden-Nederland' });
    await form.getByLabel(/^Wat is er afgesproken/).fill('De politie surveilleert op vrijdagavond rond het station');
    await form.getByLabel(/^Uiterlijk op/).fill(iso(new Date(today.getTime() + 60 * 86_400_000)));
    await form.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await page.getByText('Politie Midden-Nederland krijgt een e-mail met een link om haar te bevestigen.').waitFor();
    const table = page.getByRole('table', { name: 'Afspraken binnen deze samenwerking' });
    await table.getByRole('cell', { name: 'Wacht op bevestiging' }).waitFor();
    await bothWidths(page, 'samenwerking met afspraak');

    // The police confirm through the link in the mail, without an account.
    const mail = await e.smtp.waitForMail((m) => m.to.includes(POLICE) && m.subject.includes('bevestig uw afspraak'));
    const link = /http\S+\/afspraak\/\S+/.exec(mail.text)?.[0] as string;
    const police = await (await e.browser.newContext()).newPage();
    await police.goto(link);
    await police.getByRole('heading', { level: 1, name: 'Afspraak bevestigen' }).waitFor();
    await expect(police.getByText('De politie surveilleert op vrijdagavond rond het station').count()).resolves.toBe(1);
    await bothWidths(police, 'afspraak bevestigen');
    await police.getByRole('button', { name: 'De afspraak klopt', exact: true }).click();
    await police.getByText('Dank u. De afspraak is bevestigd.').waitFor();
    await page.reload();
    await page.getByRole('table', { name: 'Afspraken binnen deze samenwerking' }).getByRole('cell', { name: 'Bindend' }).waitFor();

    // The police log in with a one-time link and read the sheet with their own agreement.
    await police.goto(`${e.baseUrl}/partij`);
    await police.getByRole('heading', { level: 1, name: 'Inloggen als partner' }).waitFor();
    await bothWidths(police, 'inloggen als partner');
    await police.getByLabel(/^Gemeente/).fill(VOORBEELD.slug);
    await police.getByLabel(/^Uw e-mailadres/).fill(POLICE);
    await police.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await police.getByText(/ontvangt u binnen enkele minuten een e-mail/).waitFor();
    const login = await e.smtp.waitForMail((m) => m.to.includes(POLICE) && /\/partij\/inloggen#/.test(m.text));
    await police.goto(/http\S+\/partij\/inloggen#\S+/.exec(login.text)?.[0] as string);
    await police.waitForURL('**/partij/samenwerkingen');
    await police.getByRole('link', { name: 'Jeugdoverlast Stationsplein' }).click();
    await police.getByRole('heading', { level: 1, name: 'Jeugdoverlast Stationsplein' }).waitFor();
    const own = police.getByRole('table', { name: 'Afspraken van en aan uw organisatie' });
    await own.getByRole('rowheader', { name: 'De politie surveilleert op vrijdagavond rond het station' }).waitFor();
    await own.getByRole('cell', { name: 'Bindend' }).waitFor();
    await bothWidths(police, 'samenwerking voor de partij');
  });
});
