// Agreements within a collaboration in Chromium (docs/product.md#agreements-within-a-collaboration,
// docs/product.md#an-outside-partys-read-access): the coordinator records the police's
// agreement on the collaboration's page, where it waits for confirmation; the police's
// contact confirms it through the link in the mail, without an account; then asks for
// a login link and reads the collaboration's sheet with its own agreement. The owner
// amends an agreement, records one kept with the keyboard only and sends the police's
// link again (docs/product.md#sending-an-outside-partys-link-again); the admin grants a
// mandate within the collaboration in the register's form
// (docs/product.md#mandates-within-a-collaboration). axe checks the pages at 1280 and at
// 320 px.
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
const ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin');
const CONFIRM_TITLE = 'Bevestigen of afwijzen';
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

  it('the owner amends an agreement, records one kept with the keyboard, sends the police’s link again; the admin grants a mandate within the collaboration', async () => {
    const POLICE2 = 'wijkagent.haven@politie.example';
    const api = await apiAs(e, COORDINATOR?.email as string);
    const me = (await api.call('GET', '/me')) as { id: string };
    const started = (await api.call('POST', '/collaborations', {
      name: 'Parkeeroverlast Havenkwartier',
      goal: 'Minder foutparkeren rond de haven',
      ownerUserId: me.id,
      startOn: iso(new Date(today.getTime() - 30 * 86_400_000)),
      endOn: iso(new Date(today.getTime() + 300 * 86_400_000)),
    })) as { id: string };
    const withParty = (await api.call('POST', `/collaborations/${started.id}/parties`, {
      kind: 'organisation',
      name: 'Politie Haven',
      orgType: 'public',
      contactName: 'Wijkagent Bakker',
      contactEmail: POLICE2,
    })) as { parties: { id: string; name: string }[] };
    const police = withParty.parties.find((p) => p.name === 'Politie Haven')?.id as string;
    const due = iso(new Date(today.getTime() + 40 * 86_400_000));
    for (const what of ['Handhavers controleren de laad- en losplekken', 'Bordjes bij de kade vervangen'])
      await api.call('POST', `/collaborations/${started.id}/agreements`, {
        madeBy: { userId: me.id },
        madeTo: { partyId: police },
        what,
        dueOn: due,
        madeOn: iso(today),
      });
    await api.call('POST', `/collaborations/${started.id}/agreements`, {
      madeBy: { partyId: police },
      madeTo: { userId: me.id },
      what: 'De politie bekeurt op zaterdag aan de kade',
      dueOn: due,
      madeOn: iso(today),
    });
    const first = await e.smtp.waitForMail((m) => m.to.includes(POLICE2));
    const firstLink = /http\S+\/afspraak\/\S+/.exec(first.text)?.[0] as string;

    const page = await loginAs(e, COORDINATOR?.email as string);
    await page.goto(`${e.baseUrl}/samenwerkingen/${started.id}`);
    await page.getByRole('heading', { level: 1, name: 'Parkeeroverlast Havenkwartier' }).waitFor();
    const table = page.getByRole('table', { name: 'Afspraken binnen deze samenwerking' });
    const policeRow = table.getByRole('row', { name: /De politie bekeurt op zaterdag aan de kade/ });
    await policeRow.getByRole('cell', { name: /^Wacht op bevestiging door Politie Haven \(de link werkt tot en met / }).waitFor();
    // Nobody inside confirms the police's word for them.
    await expect(policeRow.getByText(CONFIRM_TITLE).count()).resolves.toBe(0);

    // Amend: a new text and due date, with a reason.
    const controls = table.getByRole('row', { name: /Handhavers controleren de laad- en losplekken/ });
    await controls.getByText('Wijzigen (als aanvulling met reden)').click();
    await controls.getByLabel(/^Wat is toegezegd/).fill('Handhavers controleren de laad- en losplekken twee keer per week');
    const later = iso(new Date(today.getTime() + 70 * 86_400_000));
    await controls.getByLabel(/^Uiterlijk/).fill(later);
    await controls.getByLabel(/^Reden van de wijziging/).fill('Afgesproken in het overleg van de kwartiermakers');
    await controls.getByRole('button', { name: 'Wijziging vastleggen' }).click();
    await page.getByText(/De wijziging is vastgelegd\./).waitFor();
    const amended = table.getByRole('row', { name: /Handhavers controleren de laad- en losplekken twee keer per week/ });
    await amended.waitFor();
    const dutch = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await amended.getByRole('cell', { name: dutch.format(new Date(`${later}T00:00:00Z`)), exact: true }).waitFor();

    // Recorded as kept, with the keyboard only: open the form, choose, submit.
    const signs = table.getByRole('row', { name: /Bordjes bij de kade vervangen/ });
    await signs.getByText('Afronden: nagekomen, gebroken of ingetrokken').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '')).toBe('Nagekomen');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Alle bordjes hangen er');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Vastleggen');
    await page.keyboard.press('Enter');
    await page.getByText(/De toezegging staat nu op: Nagekomen\./).waitFor();
    await signs.getByRole('cell', { name: 'Nagekomen', exact: true }).waitFor();
    await expect(signs.getByText('Afronden: nagekomen, gebroken of ingetrokken').count()).resolves.toBe(0);

    // The police's link again, with the keyboard: a new mail, and the old link no longer works.
    await policeRow.getByRole('button', { name: 'Link opnieuw sturen aan Politie Haven: De politie bekeurt op zaterdag aan de kade' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Politie Haven krijgt een e-mail met een nieuwe link om de afspraak te bevestigen. De oude link werkt niet meer.').waitFor();
    const second = await e.smtp.waitForMail((m) => m.to.includes(POLICE2) && !m.text.includes(firstLink));
    const secondLink = /http\S+\/afspraak\/\S+/.exec(second.text)?.[0] as string;
    expect(secondLink).not.toBe(firstLink);
    await bothWidths(page, 'samenwerking met afspraakformulieren');

    const party = await (await e.browser.newContext()).newPage();
    const tokenOf = (link: string) => link.split('/afspraak/')[1] as string;
    const old = await party.request.get(`${e.baseUrl}/api/v1/agreement-links/${tokenOf(firstLink)}`);
    expect(old.status()).toBe(404);
    await party.goto(secondLink);
    await party.getByRole('button', { name: 'De afspraak klopt niet', exact: true }).click();
    await party.getByLabel(/^Waarom klopt de afspraak niet/).fill('Op zaterdag zijn wij er niet');
    await party.locator('form').getByRole('button', { name: 'De afspraak klopt niet', exact: true }).click();
    await party.getByText(/De gemeente ziet dat de afspraak volgens u niet klopt/).waitFor();
    await page.reload();
    await table
      .getByRole('row', { name: /De politie bekeurt op zaterdag aan de kade/ })
      .getByText('Betwist: Op zaterdag zijn wij er niet')
      .waitFor();

    // The admin grants the owner a mandate within this collaboration.
    const admin = await loginAs(e, ADMIN?.email as string);
    await admin.goto(`${e.baseUrl}/beheer/mandaten`);
    await admin.getByRole('heading', { level: 1, name: 'Mandaatregister' }).waitFor();
    const form = region(admin, 'Mandaat vastleggen');
    await form.getByLabel(/^Binnen samenwerking/).selectOption({ label: 'Parkeeroverlast Havenkwartier' });
    await form.getByText(`Houder: ${COORDINATOR?.name}, eigenaar van de samenwerking.`).waitFor();
    await expect(form.getByRole('radio', { name: 'Eén persoon' }).count()).resolves.toBe(0);
    await expect(form.getByLabel('Mag besluiten over').count()).resolves.toBe(0);
    await form.getByLabel('Tot en met bedrag (euro)').fill('2500');
    await form.getByLabel('Verleend door').fill('het college');
    await bothWidths(admin, 'mandaatregister met samenwerking');
    await form.getByRole('button', { name: 'Mandaat vastleggen' }).click();
    await admin.getByText('Het mandaat is vastgelegd.').waitFor();
    await admin.getByRole('link', { name: 'binnen samenwerking Parkeeroverlast Havenkwartier' }).waitFor();
    const check = await apiAs(e, ADMIN?.email as string);
    const mandates = (await check.call('GET', `/mandates?collaborationId=${started.id}`)) as {
      items: { holder: { kind: string; userId?: string }; scope: { kind: string; upToCents?: number } }[];
    };
    await check.close();
    expect(mandates.items.map((m) => [m.holder, m.scope])).toEqual([
      [
        { kind: 'person', userId: me.id, name: COORDINATOR?.name },
        { kind: 'commitMoney', upToCents: 250_000 },
      ],
    ]);
    await api.close();
  });
});
