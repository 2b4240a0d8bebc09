// The pages of the integrated assessment, the rules and mandate registers and
// commitments (docs/product.md#rules), as the people involved use them in Chromium: the admin keeps
// the registers, the director opens a round on the paint-spraying shop, an outside
// party answers through the mailed link, the zoning specialist objects citing a
// register rule, the director records the alderman's commitments, the alderman and
// the coordinator see them in their workspaces, and the initiator sees the outcome
// and what was promised. axe checks every page on the way.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedMail } from '../src/testing/smtp.js';
import { type E2E, expectAccessible, fileConfirmedIntake, intoPlanning, loginAs, region, startE2E } from './support.js';

const RULE_CODE = 'E2E-OP-4.12';
const RULE_TITLE = 'Geen wonen boven een bedrijf in milieucategorie 3';
const RULE_SOURCE = 'Omgevingsplan artikel 4.12';
const OUTSIDE_EMAIL = 'advies.e2e@omgevingsdienst.example';
const INITIATOR_EMAIL = 'henk.toets.e2e@example.nl';

let e: E2E;
let caseId: string;
let reference: string;
let confirmationMail: CapturedMail;

// The test builds its own case (the demo's cases may carry rounds of their own): the
// paint-spraying shop files it, the coordinator assigns Sanne Jansen, she starts
// intake and planning.
beforeAll(async () => {
  e = await startE2E();
  ({
    id: caseId,
    reference,
    confirmationMail,
  } = await fileConfirmedIntake(e, {
    initiator: { name: 'Henk van Dijk', email: INITIATOR_EMAIL, company: 'Autospuiterij Van Dijk B.V.' },
    title: 'Spuiterij stoppen en het pand verhuren (toets)',
    description: 'Ik stop met autospuiten en wil de begane grond verhuren aan winkels en de verdieping aan bewoners.',
    location: 'Marktstraat 14',
  }));

  await intoPlanning(e, caseId, 's.jansen@voorbeeld.nl');
});
afterAll(async () => {
  await e?.close();
});

const login = (email: string) => loginAs(e, email);

describe('the integrated assessment, the registers and commitments', () => {
  let director: Page;

  it('admin keeps the rules register (add, import with a per-line report) and the mandate register', async () => {
    const admin = await login('beheer@voorbeeld.nl');
    await admin.goto(`${e.baseUrl}/beheer/regels`);
    await admin.getByRole('heading', { level: 1, name: 'Regelregister' }).waitFor();
    await expectAccessible(admin, 'regelregister');

    const add = region(admin, 'Regel toevoegen');
    await add.getByLabel('Code', { exact: true }).fill(RULE_CODE);
    await add.getByLabel('Titel', { exact: true }).fill(RULE_TITLE);
    await add.getByLabel('Bron', { exact: true }).fill(RULE_SOURCE);
    await add.getByLabel('Domein').selectOption({ label: 'Fysiek domein' });
    await add.getByRole('button', { name: 'Regel toevoegen' }).click();
    await admin.getByText(`Regel ${RULE_CODE} is toegevoegd.`).waitFor();
    await admin.getByRole('rowheader', { name: RULE_CODE }).waitFor();

    // A file with one bad line imports nothing and says which line and field is wrong.
    const importer = region(admin, 'Importeren');
    await importer
      .getByLabel('Inhoud', { exact: true })
      .fill(
        'code,title,legalSource,domain,strict,validFrom,validUntil\n' +
          'E2E-GOED,Een goede regel,APV artikel 2:48,safety,true,2026-01-01,\n' +
          'E2E-FOUT,Een foute regel,APV artikel 2:49,ruimte,misschien,2026-01-01,\n',
      );
    await importer.getByRole('button', { name: 'Importeren' }).click();
    const report = importer.getByRole('table', { name: /Fouten per regel van het bestand/ });
    await report.waitFor();
    expect(await report.getByRole('cell', { name: '3', exact: true }).count()).toBeGreaterThan(0);
    // the report has a heading and takes focus, like an error summary
    await expect.poll(() => admin.evaluate(() => document.activeElement?.querySelector('h3')?.textContent ?? null)).toBe('Het bestand is niet geïmporteerd');
    await expectAccessible(admin, 'regelregister met importfouten');
    // at 320 px the wide tables scroll in a named region that the keyboard can reach
    await admin.setViewportSize({ width: 320, height: 720 });
    expect(await importer.getByRole('region', { name: /Fouten per regel van het bestand/ }).getAttribute('tabindex')).toBe('0');
    await expectAccessible(admin, 'regelregister met importfouten (320 px)');
    await admin.setViewportSize({ width: 1280, height: 720 });
    const imported = await e.regie.deps.db.unsafeAdmin.selectFrom('rules').select('id').where('code', 'in', ['E2E-GOED', 'E2E-FOUT']).execute();
    expect(imported).toHaveLength(0);

    // The alderman may commit money up to € 10.000, delegated by the college.
    await admin.goto(`${e.baseUrl}/beheer/mandaten`);
    await admin.getByRole('heading', { level: 1, name: 'Mandaatregister' }).waitFor();
    await expectAccessible(admin, 'mandaatregister');
    // every control has its own id, and the role select its own label
    const duplicateIds = await admin.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicateIds).toEqual([]);
    const mandate = region(admin, 'Mandaat vastleggen');
    await mandate.getByRole('radio', { name: 'Iedereen met een rol' }).check();
    await mandate.getByRole('combobox', { name: 'Rol', exact: true }).selectOption({ label: 'Bestuurder' });
    await admin.getByRole('rowheader', { name: 'Iedere bestuurder' }).first().waitFor();
    // "Wijzigen" opens the form in place with focus on its first field; Escape closes it and focus returns
    const edit = admin.getByRole('button', { name: /^Wijzigen: / }).first();
    await edit.click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.tagName)).toMatch(/^(INPUT|SELECT|TEXTAREA)$/);
    await admin.keyboard.press('Escape');
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => admin.getByRole('button', { name: 'Opslaan', exact: true }).count()).toBe(0);
    await mandate.getByRole('radio', { name: 'Eén persoon' }).check();
    await mandate.getByLabel('Persoon', { exact: true }).selectOption({ label: 'Erik Meijer (wethouder Economie) (Bestuurder)' });
    await mandate.getByLabel('Mag besluiten over').selectOption({ label: 'Geld toezeggen tot een bedrag' });
    await mandate.getByLabel('Tot en met bedrag (euro)').fill('10000');
    await mandate.getByLabel('Verleend door').fill('het college');
    await mandate.getByRole('button', { name: 'Mandaat vastleggen' }).click();
    await admin.getByText('Het mandaat is vastgelegd.').waitFor();
    await admin.getByRole('cell', { name: 'Geld toezeggen tot en met € 10.000,00', exact: true }).first().waitFor();

    // The director may overrule objections in the physical domain (a sub-mandate).
    await mandate.getByRole('radio', { name: 'Eén persoon' }).check();
    await mandate.getByLabel('Persoon', { exact: true }).selectOption({ label: 'Sanne Jansen (Case-regisseur)' });
    await mandate.getByLabel('Mag besluiten over').selectOption({ label: 'Bezwaren overrulen in een domein' });
    await mandate.getByLabel('Domein').selectOption({ label: 'Fysiek domein' });
    await mandate.getByLabel('Verleend door').fill('de gemeentesecretaris');
    await mandate.getByRole('button', { name: 'Mandaat vastleggen' }).click();
    await admin.getByRole('cell', { name: 'Bezwaren overrulen in Fysiek domein', exact: true }).first().waitFor();
  });

  it('the director opens a round; an outside party answers through the mailed link', async () => {
    director = await login('s.jansen@voorbeeld.nl');
    await director.goto(`${e.baseUrl}/zaken/${caseId}`);
    const toets = region(director, 'Integrale toets');
    await toets.waitFor();
    const form = region(director, 'Toetsronde openen');
    await form.getByRole('button', { name: 'Nieuwe toetsronde voorbereiden' }).click();
    await form.getByLabel('Voorstel', { exact: true }).fill('Begane grond: twee winkelunits. Verdieping: vier appartementen. De spuiterij stopt per 1 juli.');
    await form.getByRole('checkbox', { name: 'Ruimtelijke ordening' }).check();
    await form.getByRole('button', { name: 'Externe partij toevoegen' }).click();
    await form.getByLabel('Externe partij 1: naam').fill('Omgevingsdienst Regio');
    await form.getByLabel('Externe partij 1: e-mailadres').fill(OUTSIDE_EMAIL);
    expect(await form.getByLabel('Termijn in werkdagen').inputValue()).toBe('10');
    await expectAccessible(director, 'zaak met formulier toetsronde');
    await form.getByRole('button', { name: 'Toetsronde openen' }).click();
    await director.getByRole('heading', { name: 'Toetsronde 1 (loopt)' }).waitFor();

    const mail = await e.smtp.waitForMail((m) => m.to.includes(OUTSIDE_EMAIL) && m.subject.includes(reference));
    const link = /http\S+\/toets\/\S+/.exec(mail.text)?.[0] as string;
    expect(link).toBeTruthy();
    const outside = await (await e.browser.newContext()).newPage();
    await outside.goto(link);
    await outside.getByRole('heading', { level: 1, name: /Toetsverzoek/ }).waitFor();
    await expectAccessible(outside, 'toets via link');
    await outside.getByRole('radio', { name: 'Ja, met voorwaarden' }).check();
    await outside.getByLabel('Voorwaarden', { exact: true }).fill('Eerst een verkennend bodemonderzoek onder de spuitcabine.');
    await outside.getByRole('button', { name: 'Antwoord versturen' }).click();
    await outside.getByText('Uw antwoord is opgeslagen.').waitFor();
    await outside.getByText('Eerst een verkennend bodemonderzoek onder de spuitcabine.').first().waitFor();
  });

  it('the zoning specialist objects citing the rule; the case page shows it with the rule', async () => {
    const specialist = await login('w.mulder@voorbeeld.nl');
    await specialist.waitForURL('**/toetsverzoeken');
    await specialist.getByRole('table', { name: /Toetsverzoeken van uw afdeling/ }).waitFor();
    await expectAccessible(specialist, 'toetsverzoeken');
    await specialist
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await specialist.getByRole('heading', { level: 1, name: /Toetsverzoek/ }).waitFor();
    await specialist.getByRole('radio', { name: 'Bezwaar' }).check();
    await specialist.getByRole('checkbox', { name: new RegExp(`^${RULE_CODE} `) }).check();
    // Without "why" and "hoe wel" the server refuses and names both fields.
    await specialist.getByRole('button', { name: 'Antwoord versturen' }).click();
    const summary = specialist.locator('.regie-error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: /Waarom geldt dit voor deze zaak\?/ }).waitFor();
    await summary.getByRole('link', { name: /Hoe kan het wél\?/ }).waitFor();
    await expectAccessible(specialist, 'toetsverzoek met fouten');
    await specialist.getByLabel('Waarom geldt dit voor deze zaak?').fill('Het pand ligt in een bedrijfsbestemming; de spuiterij is milieucategorie 3.');
    await specialist.getByLabel('Hoe kan het wél?').fill('Wonen op de verdieping kan met een afwijking zodra de spuiterij is beëindigd en de bodem schoon is.');
    await specialist.getByRole('button', { name: 'Antwoord versturen' }).click();
    await specialist.getByText('Uw antwoord is opgeslagen.').waitFor();
    await expectAccessible(specialist, 'toetsverzoek beantwoord');

    await director.reload();
    const toets = region(director, 'Integrale toets');
    await toets.getByRole('heading', { name: /Toetsronde 1/ }).waitFor();
    const party = toets.getByRole('region', { name: /Ruimtelijke ordening/ });
    await party.getByText('Bezwaar', { exact: true }).first().waitFor();
    await party.getByText(RULE_CODE).waitFor();
    await party.getByText(RULE_TITLE).waitFor();
    await party.getByText(`(${RULE_SOURCE})`).waitFor();
    await party.getByText(/Wonen op de verdieping kan met een afwijking/).waitFor();
    await toets.getByText('Ja, met voorwaarden').first().waitFor();
    await expectAccessible(director, 'zaak met uitkomst toets');

    // Within her mandate the director overrules the (non-strict) objection, with a reason.
    await party.getByText('Bezwaar van Ruimtelijke ordening overrulen').click();
    await party.getByLabel('Reden van de overrule').fill('Het college kiest voor wonen in het centrum; de bodemsanering is een voorwaarde in het plan.');
    await party.getByRole('button', { name: 'Overrulen' }).click();
    await director.getByText('Het bezwaar is overruled.').first().waitFor();
    await toets
      .getByText(/Het college kiest voor wonen in het centrum/)
      .first()
      .waitFor();
    await toets
      .getByText(/Door Sanne Jansen op/)
      .first()
      .waitFor();
    // the timeline says why the round closed, in words, without the reason's code
    const timeline = region(director, 'Tijdlijn');
    await timeline.getByText('Toetsronde 1 gesloten: iedereen heeft geantwoord').waitFor();
    expect(await timeline.getByText('allAnswered').count()).toBe(0);
    // at 320 px the outcome table scrolls in a named region the keyboard can reach
    await director.setViewportSize({ width: 320, height: 720 });
    expect(await toets.getByRole('region', { name: /^Alle bezwaren \(1\) en voorwaarden \(1\)/ }).getAttribute('tabindex')).toBe('0');
    await expectAccessible(director, 'zaak met uitkomst toets (320 px)');
    await director.setViewportSize({ width: 1280, height: 720 });

    // The round has closed (everyone answered): a new objection from the specialist is
    // only accepted as a late objection, which the coordinator sets aside.
    await specialist.reload();
    await specialist.getByRole('heading', { name: 'Nagekomen bezwaar indienen' }).waitFor();
    // closed because everyone answered, while the term still runs: the page says so, and not that the term ended
    await specialist.getByText('Toetsronde 1 is gesloten: alle partijen hebben geantwoord.').waitFor();
    await specialist.getByText(/^Deze ronde is gesloten omdat alle partijen hebben geantwoord\. U kunt alleen nog een bezwaar indienen/).waitFor();
    expect(await specialist.getByText(/termijn van deze ronde is voorbij|U kunt antwoorden en uw antwoord wijzigen/).count()).toBe(0);
    // An overrule stays overruled: the same rule again is refused, naming who overruled it and when.
    await specialist.getByRole('checkbox', { name: new RegExp(`^${RULE_CODE} `) }).check();
    await specialist.getByLabel('Waarom geldt dit voor deze zaak?').fill('Ook de parkeernorm wordt niet gehaald.');
    await specialist.getByLabel('Hoe kan het wél?').fill('Met een parkeerontheffing voor de bewoners.');
    await specialist.getByRole('button', { name: 'Nagekomen bezwaar indienen' }).click();
    await specialist.getByText(new RegExp(`Dit bezwaar \\(${RULE_CODE}\\) is op .* overruled door Sanne Jansen in ronde 1`)).waitFor();
    // A new point, on the parking rule, goes the late path.
    await specialist.getByRole('checkbox', { name: new RegExp(`^${RULE_CODE} `) }).uncheck();
    await specialist.getByRole('checkbox', { name: /^OP-5\.3 / }).check();
    await specialist.getByRole('button', { name: 'Nagekomen bezwaar indienen' }).click();
    await specialist.getByText('Uw bezwaar is als nagekomen vastgelegd; de coördinator beslist erover.').waitFor();
    // the form went away: focus is on the message, not lost to <body>
    await expect.poll(() => specialist.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Uw bezwaar is als nagekomen vastgelegd');
    await expectAccessible(specialist, 'nagekomen bezwaar ingediend');

    const coordinator = await login('coordinator@voorbeeld.nl');
    await coordinator.goto(`${e.baseUrl}/nagekomen-bezwaren`);
    const late = coordinator.getByRole('region', { name: /Nagekomen bezwaar van Ruimtelijke ordening/ }).filter({ hasText: reference });
    await late.waitFor();
    await expectAccessible(coordinator, 'nagekomen bezwaren');
    // Without a choice the radio group itself is invalid and names its error; the summary's link lands on the group.
    await late.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const decision = late.getByRole('group', { name: 'Besluit' });
    await late.getByText('Kies toelaten of terzijde leggen.').first().waitFor();
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await decision.getAttribute('aria-describedby')) ?? '';
    expect(await coordinator.locator(`[id="${describedBy}"]`).textContent()).toContain('Kies toelaten of terzijde leggen.');
    await late
      .locator('.regie-error-summary')
      .getByRole('link', { name: /^Besluit/ })
      .click();
    await expect.poll(() => decision.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expectAccessible(coordinator, 'nagekomen bezwaren met fout');
    await late.getByRole('radio', { name: 'Terzijde leggen' }).check();
    await late.getByLabel('Reden', { exact: true }).fill('Parkeren was al bekend in ronde 1 en is daar niet aangevoerd.');
    await late.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await coordinator.getByText('Het bezwaar is terzijde gelegd.').waitFor();
    const decided = await e.regie.deps.db.unsafeAdmin
      .selectFrom('late_objections')
      .select('status')
      .where('decision_reason', 'like', 'Parkeren was al bekend%')
      .executeTakeFirstOrThrow();
    expect(decided.status).toBe('setAside');
  });

  it('the director records commitments: by the alderman within mandate binding, one made in a meeting awaiting confirmation', async () => {
    const form = region(director, 'Toezegging vastleggen');
    await form.getByRole('button', { name: 'Nieuwe toezegging invullen' }).click();
    await form.getByLabel('Gedaan door').selectOption({ label: 'Erik Meijer (wethouder Economie) (Bestuurder)' });
    await form.getByLabel('Wat is toegezegd').fill('Een bijdrage van € 2.500 aan het bodemonderzoek.');
    await form.getByLabel('Uiterlijk').fill('2027-03-01');
    await form.getByLabel('Soort besluit').selectOption({ label: 'Geld toezeggen' });
    await form.getByLabel('Bedrag (euro)').fill('2500');
    await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
    await director.getByText('De toezegging is vastgelegd en is bindend.').waitFor();

    // said in a meeting by the alderman as a person outside Regie's users: no mandate to check, so it waits
    await form.getByRole('button', { name: 'Nieuwe toezegging invullen' }).click();
    await form.getByRole('radio', { name: 'Iemand anders' }).first().check();
    await form.getByLabel('Naam', { exact: true }).fill('Wethouder Meijer');
    await form.getByLabel('Functie of rol').fill('wethouder Economie');
    await form.getByLabel('Wat is toegezegd').fill('Een verhuispremie van € 7.500 voor de spuiterij.');
    await form.getByLabel('Uiterlijk').fill('2027-04-01');
    await form.getByLabel('Soort besluit').selectOption({ label: 'Geld toezeggen' });
    await form.getByLabel('Bedrag (euro)').fill('7.500,00');
    await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
    await director.getByText(/^De toezegging is vastgelegd\. (Om bevestiging gevraagd|Geen mandaat dekt haar): \S/).waitFor();
    const list = region(director, 'Toezeggingen');
    await list.getByText('Bindend', { exact: true }).first().waitFor();
    await list.getByText('Bevestiging nodig', { exact: true }).first().waitFor();
    // the maker's role by its name (a user) or in the recorder's words (someone outside Regie), never the role code
    await region(list, 'Toezegging van Erik Meijer (wethouder Economie) aan Henk van Dijk').getByText('(Bestuurder)', { exact: true }).first().waitFor();
    await region(list, 'Toezegging van Wethouder Meijer aan Henk van Dijk').getByText('(wethouder Economie)', { exact: true }).waitFor();
    expect(await list.getByText(/\((executive|director|coordinator)\)/).count()).toBe(0);
    await expectAccessible(director, 'zaak met toezeggingen');

    // the dossier PDF downloads from the case page
    const [download] = await Promise.all([director.waitForEvent('download'), director.getByRole('link', { name: 'Dossier downloaden (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('the coordinator and the alderman see the commitments; the alderman confirms within his mandate', async () => {
    const coordinator = await login('coordinator@voorbeeld.nl');
    await coordinator.goto(`${e.baseUrl}/toezeggingen-ter-bevestiging`);
    await coordinator
      .getByRole('region', { name: /Toezegging van Wethouder Meijer/ })
      .filter({ hasText: 'verhuispremie' })
      .waitFor();
    await expectAccessible(coordinator, 'toezeggingen ter bevestiging (coördinator)');
    await coordinator.goto(`${e.baseUrl}/nagekomen-bezwaren`);
    await coordinator.getByRole('heading', { level: 1, name: 'Nagekomen bezwaren' }).waitFor();
    await expectAccessible(coordinator, 'nagekomen bezwaren');

    // Time passes: the bodemonderzoek contribution is now past its due date.
    await e.regie.deps.db.unsafeAdmin.updateTable('commitments').set({ due_on: '2026-01-05' }).where('what', 'like', '%bodemonderzoek%').execute();
    await director.goto(`${e.baseUrl}/werkplek`);
    const overdue = region(director, /^Toezeggingen te laat/);
    await overdue.getByRole('row').filter({ hasText: reference }).filter({ hasText: 'bodemonderzoek' }).waitFor();
    await expectAccessible(director, 'werkplek met toezeggingen te laat');

    const alderman = await login('e.meijer@voorbeeld.nl');
    await alderman.waitForURL('**/mijn-toezeggingen');
    await alderman.getByText('Een bijdrage van € 2.500 aan het bodemonderzoek.').first().waitFor();
    await alderman
      .getByRole('region', { name: /Toezegging van Erik Meijer/ })
      .filter({ hasText: 'bodemonderzoek' })
      .getByText('Te laat')
      .first()
      .waitFor();
    await expectAccessible(alderman, 'mijn toezeggingen');
    await alderman.getByRole('link', { name: 'Ter bevestiging' }).click();
    const card = alderman.getByRole('region', { name: /Toezegging van Wethouder Meijer/ }).filter({ hasText: 'verhuispremie' });
    await card.waitFor();
    await card.getByText('Bevestigen of afwijzen').click();
    await card.getByRole('radio', { name: /^Bevestigen/ }).check();
    await expectAccessible(alderman, 'toezeggingen ter bevestiging (wethouder)');
    await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await alderman.getByText('De toezegging is bevestigd en nu bindend.').waitFor();
    const confirmed = await e.regie.deps.db.unsafeAdmin
      .selectFrom('commitments')
      .select('status')
      .where('what', 'like', '%verhuispremie%')
      .executeTakeFirstOrThrow();
    expect(confirmed.status).toBe('binding');
  });

  it('the initiator sees the outcome of the closed round and every commitment made to him', async () => {
    const ctx = await e.browser.newContext();
    const res = await ctx.request.post(`${e.baseUrl}/api/v1/auth/login-links`, { data: { municipality: 'voorbeeld', email: INITIATOR_EMAIL } });
    expect(res.ok()).toBe(true);
    const mail = await e.smtp.waitForMail((m) => m !== confirmationMail && m.to.includes(INITIATOR_EMAIL) && /\/inloggen\/link#/.test(m.text));
    const link = /http\S+\/inloggen\/link#\S+/.exec(mail.text)?.[0] as string;
    const portal = await ctx.newPage();
    await portal.goto(link);
    await portal.waitForURL((u) => u.pathname.startsWith('/mijn-za'));
    await portal.goto(`${e.baseUrl}/mijn-zaak/${caseId}`);
    const outcome = region(portal, 'Uitkomst van de toets door alle afdelingen');
    // both parties answered, so round 1 closed
    await outcome.getByRole('heading', { name: 'Toetsronde 1 (gesloten)' }).waitFor();
    // one consolidated row per party, and the round in full
    const summary = outcome.getByRole('table', { name: /Alle bezwaren \(1\) en voorwaarden \(1\)/ });
    await summary.getByRole('row').filter({ hasText: 'Ruimtelijke ordening' }).filter({ hasText: RULE_CODE }).waitFor();
    await summary.getByRole('row').filter({ hasText: 'Omgevingsdienst Regio' }).filter({ hasText: 'bodemonderzoek' }).waitFor();
    await outcome
      .getByText(/Wonen op de verdieping kan met een afwijking/)
      .first()
      .waitFor();
    await outcome
      .getByText(/Het college kiest voor wonen in het centrum/)
      .first()
      .waitFor();
    const promised = region(portal, 'Toezeggingen aan u');
    await promised.getByText('Een bijdrage van € 2.500 aan het bodemonderzoek.').first().waitFor();
    await promised.getByText('Een verhuispremie van € 7.500 voor de spuiterij.').first().waitFor();
    await expectAccessible(portal, 'mijn zaak met toets en toezeggingen');
    await portal.setViewportSize({ width: 320, height: 720 });
    expect(await outcome.getByRole('region', { name: /^Alle bezwaren/ }).getAttribute('tabindex')).toBe('0');
    await expectAccessible(portal, 'mijn zaak met toets en toezeggingen (320 px)');
  });
});
