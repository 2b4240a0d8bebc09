// The paint-spraying shop (docs/product.md, "The problem it removes"), played in
// Chromium by the people involved: Henk files his question on the public page, the
// coordinator assigns the director, the director opens one integrated round for
// zoning and economy, the zoning specialist objects citing the Omgevingsplan and says
// how it could be done, economy agrees with a condition, economy's later objection is
// set aside by the coordinator, the alderman's promise made at the kitchen table is
// recorded and confirmed by him within his mandate, director and Henk agree the plan,
// and the dossier PDF is downloaded and read back. Mail comes from a local SMTP
// server; axe checks every page on the way.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDossier, contentHash } from '../src/modules/dossier/index.js';
import { toActor } from '../src/modules/identity/index.js';
import { ctxFor } from '../src/testing/factories.js';
import { pdfText } from '../src/testing/pdf.js';
import { type E2E, expectAccessible, loginAs, openPage, region, startE2E, startPlanningFromWorkspace } from './support.js';

const HENK = 'henk.spuiterij.e2e@example.nl';
const COORDINATOR = 'coordinator@voorbeeld.nl';
const ZONING = 'w.mulder@voorbeeld.nl'; // Wouter Mulder, Ruimtelijke ordening
const ECONOMY = 'a.kaya@voorbeeld.nl'; // Ahmed Kaya, Economische zaken
const ALDERMAN = 'e.meijer@voorbeeld.nl'; // Erik Meijer, wethouder Economie: commits money up to € 20.000 (demo mandate register)
const HEAD_OF_RUIMTE = 'k.dewit@voorbeeld.nl'; // Karin de Wit: overrules objections in the physical domain (demo mandate register)
const OVERRULE = 'Winkels en woningen in het centrum wegen zwaarder; de woningen komen er pas na bodemonderzoek en vergunning.';

const PROPOSAL = 'De spuiterij stopt. Begane grond: twee winkelunits. Verdieping: vier appartementen. Geen uitbreiding van het pand.';
const WHY = 'Marktstraat 12 heeft in het omgevingsplan de functie Bedrijf; wonen is daar niet toegestaan, ook niet op de verdieping.';
const HOW =
  'Winkels op de begane grond passen al binnen de functie. Wonen op de verdieping kan wél met een buitenplanse omgevingsplanactiviteit, zodra de spuiterij is beëindigd en de bodem schoon is.';
const CONDITION = 'De begane grond houdt een publieksfunctie, zodat de Marktstraat levendig blijft.';
const LATE_WHY = 'Vier appartementen zonder parkeerplaatsen op eigen terrein halen de parkeernorm niet.';
const SET_ASIDE = 'Parkeren hoorde bij het voorstel van ronde 1 en had binnen de termijn kunnen worden genoemd; Economische zaken gaf toen ja met voorwaarden.';
const PROMISE = 'De gemeente betaalt een verhuispremie van € 12.500 als de spuiterij vóór 1 juli stopt.';
const DUE_ON = `${new Date().getFullYear() + 1}-07-01`;

let e: E2E;
let reference: string;
let caseId: string;
let henkContext: BrowserContext;
let directorEmail: string;
let director: Page;
let economy: Page;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const open = (ctx: BrowserContext, path: string) => openPage(e, ctx, path);
const login = (email: string) => loginAs(e, email);

/**
 * The one consolidated outcome (docs/product.md#one-consolidated-outcome): a row per party, the objection with
 * the rule it cites and how it could be done, the condition.
 */
async function expectOutcome(scope: Locator): Promise<void> {
  const table = scope.getByRole('table', { name: /^Alle bezwaren \(1\) en voorwaarden \(1\)/ });
  const row = (party: RegExp) => table.getByRole('row').filter({ has: scope.page().getByRole('rowheader', { name: party }) });
  const zoning = row(/^Ruimtelijke ordening/);
  await zoning.getByText('Bezwaar', { exact: true }).waitFor();
  await zoning.getByText('OP-4.12', { exact: true }).waitFor();
  await zoning.getByText(HOW).waitFor();
  await row(/^Economische zaken/)
    .getByText(CONDITION)
    .waitFor();
}
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** a date and time as the dossier prints them, e.g. "30 november 2026, 11:21" */
const WHEN = '\\d{1,2} [a-z]+ \\d{4}, \\d{2}:\\d{2}';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the paint-spraying shop', () => {
  it('Henk files his question on the public page; the coordinator assigns a director', async () => {
    const henk = await open(await e.browser.newContext(), '/voorbeeld/aanvragen');
    await henk.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(henk, 'aanvragen');
    await henk.getByLabel('Naam', { exact: true }).fill('Henk van Dijk');
    await henk.getByLabel('E-mailadres').fill(HENK);
    await henk.getByLabel(/^Bedrijf/).fill('Autospuiterij Van Dijk B.V.');
    await henk.getByLabel(/^KvK-nummer/).fill('37081542');
    await henk.getByLabel(/^Titel/).fill('Stoppen met spuiten en het pand Marktstraat 12 verhuren');
    await henk
      .getByLabel(/^Beschrijf in uw eigen woorden/)
      .fill('Ik stop met autospuiten en wil de begane grond verhuren aan winkels en de verdieping aan bewoners.');
    await henk.getByLabel(/^(Locatie|Adres)/).fill('Marktstraat 12');
    await henk.getByLabel(/^(Wijk of gebied|Gebied)/).selectOption({ label: 'Centrum' });
    await henk.getByRole('checkbox', { name: 'Ondernemen' }).check();
    await henk.getByRole('button', { name: 'Versturen' }).click();
    const confirmation = henk.getByText(/VB-\d{4}-\d{6}/).first();
    await confirmation.waitFor();
    reference = /VB-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0] as string;
    expect(reference).toBeTruthy();
    await henk.getByText('Kijk in je mail om je aanvraag te bevestigen').waitFor();
    await expectAccessible(henk, 'aanvraag ontvangen');
    const received = await e.smtp.waitForMail((m) => m.to.includes(HENK) && m.subject.includes(reference));
    const confirmLink = /http\S+\/inloggen\/link#\S+/.exec(received.text)?.[0] as string;
    expect(confirmLink).toBeTruthy();
    // Henk confirms with the mailed link; his browser stays logged in for later.
    await henk.goto(confirmLink);
    await henk.waitForURL('**/mijn-zaak/**');
    await henk.getByRole('heading', { level: 1 }).waitFor();
    henkContext = henk.context();

    const board = await login(COORDINATOR);
    await board.waitForURL('**/team');
    await board.getByRole('heading', { name: 'Niet toegewezen' }).waitFor();
    await expectAccessible(board, 'teambord');
    await board
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await board.getByRole('heading', { name: 'Regisseur toewijzen' }).waitFor();
    await expectAccessible(board, 'zaak (coördinator)');
    await board.getByRole('button', { name: 'Toewijzen' }).click();
    const assigned = await e.smtp.waitForMail((m) => m.subject.startsWith('Aan u toegewezen') && m.subject.includes(reference));
    directorEmail = assigned.to[0] as string;
    await board.context().close();
  });

  it('the director starts intake and opens one round for zoning and economy', async () => {
    director = await login(directorEmail);
    await startPlanningFromWorkspace(director, reference);
    caseId = /\/zaken\/([0-9a-f-]{36})/.exec(director.url())?.[1] as string;
    expect(caseId).toBeTruthy();

    const form = region(director, 'Toetsronde openen');
    await form.getByRole('button', { name: 'Nieuwe toetsronde voorbereiden' }).click();
    await form.getByLabel('Voorstel', { exact: true }).fill(PROPOSAL);
    await form.getByRole('checkbox', { name: 'Ruimtelijke ordening' }).check();
    await form.getByRole('checkbox', { name: 'Economische zaken' }).check();
    expect(await form.getByLabel('Termijn in werkdagen').inputValue()).toBe('10');
    await expectAccessible(director, 'zaak met formulier toetsronde');
    await form.getByRole('button', { name: 'Toetsronde openen' }).click();
    const toets = region(director, 'Integrale toets');
    await toets.getByRole('heading', { name: 'Toetsronde 1 (loopt)' }).waitFor();
    // nobody has answered yet: the summary says so, and never that every party agrees
    await toets.getByText(/^Toetsronde 1 loopt nog\. Nog geen antwoord van 2 partij/).waitFor();
    expect(await toets.getByText(/alle partijen stemmen in/).count()).toBe(0);
    await expectAccessible(director, 'zaak met lopende toetsronde');

    // every specialist of both departments is asked by mail, with a link to the case
    for (const to of [ZONING, ECONOMY]) {
      const asked = await e.smtp.waitForMail((m) => m.to.includes(to) && m.subject.startsWith(`${reference}: toets gevraagd`));
      expect(asked.text).toContain(PROPOSAL);
      expect(asked.text).toContain(`/zaken/${caseId}`);
    }
  });

  it('the zoning specialist objects from the inbox, citing the Omgevingsplan and saying how it could be done', async () => {
    const zoning = await login(ZONING);
    await zoning.waitForURL('**/toetsverzoeken');
    await zoning.getByRole('table', { name: /Toetsverzoeken van uw afdeling/ }).waitFor();
    await expectAccessible(zoning, 'toetsverzoeken (Ruimtelijke ordening)');
    await zoning.getByRole('link', { name: new RegExp(reference) }).click();
    await zoning.getByRole('heading', { level: 1, name: /Toetsverzoek/ }).waitFor();
    await zoning.getByRole('radio', { name: 'Bezwaar', exact: true }).check();
    await zoning.getByRole('checkbox', { name: /^OP-4\.12 / }).check();
    await zoning.getByLabel('Waarom geldt dit voor deze zaak?').fill(WHY);
    // Without "hoe wel" a non-strict objection is refused, and the summary says so.
    await zoning.getByRole('button', { name: 'Antwoord versturen' }).click();
    await zoning
      .locator('.regie-error-summary')
      .getByRole('link', { name: /Hoe kan het wél\?/ })
      .waitFor();
    await expectAccessible(zoning, 'toetsverzoek zonder hoe wel');
    await zoning.getByLabel('Hoe kan het wél?').fill(HOW);
    await zoning.getByRole('button', { name: 'Antwoord versturen' }).click();
    await zoning.getByText('Uw antwoord is opgeslagen.').waitFor();
    await expectAccessible(zoning, 'toetsverzoek beantwoord (bezwaar)');
    await zoning.context().close();
  });

  it('economy agrees with a condition; everyone answered, so the round closes with one outcome', async () => {
    economy = await login(ECONOMY);
    await economy.waitForURL('**/toetsverzoeken');
    await economy.getByRole('table', { name: /Toetsverzoeken van uw afdeling/ }).waitFor();
    await expectAccessible(economy, 'toetsverzoeken (Economische zaken)');
    await economy.getByRole('link', { name: new RegExp(reference) }).click();
    await economy.getByRole('heading', { level: 1, name: /Toetsverzoek/ }).waitFor();
    await economy.getByRole('radio', { name: 'Ja, met voorwaarden', exact: true }).check();
    await economy.getByLabel('Voorwaarden', { exact: true }).fill(CONDITION);
    await economy.getByRole('button', { name: 'Antwoord versturen' }).click();
    await economy.getByText('Uw antwoord is opgeslagen.').waitFor();
    await expectAccessible(economy, 'toetsverzoek beantwoord (voorwaarden)');

    await director.reload();
    const toets = region(director, 'Integrale toets');
    await toets.getByRole('heading', { name: 'Toetsronde 1 (gesloten)' }).waitFor();
    await expectOutcome(toets);
    // the summary names the objection that stands
    await toets.getByText(/^Er staat nog bezwaar \(1\)/).waitFor();
    expect(await toets.getByText(/alle partijen stemmen in/).count()).toBe(0);
    // and the round in full, per party
    const round = region(toets, 'Toetsronde 1 (gesloten)');
    const zoning = region(round, /^Ruimtelijke ordening/);
    await zoning.getByText('Bezwaar', { exact: true }).first().waitFor();
    await zoning.getByText('OP-4.12', { exact: true }).waitFor();
    await zoning.getByText('(Omgevingsplan artikel 4.12)').waitFor();
    await zoning.getByText(WHY).waitFor();
    await zoning.getByText(HOW).waitFor();
    await region(round, /^Economische zaken/)
      .getByText(CONDITION)
      .waitFor();
    await expectAccessible(director, 'zaak met gesloten toetsronde');
  });

  it('economy objects after the round closed; the coordinator sets the late objection aside with a reason', async () => {
    await economy.reload();
    const late = region(economy, 'Nagekomen bezwaar indienen');
    await late.waitFor();
    await expectAccessible(economy, 'nagekomen bezwaar (formulier)');
    await late.getByRole('checkbox', { name: /^OP-5\.3 / }).check();
    await late.getByLabel('Waarom geldt dit voor deze zaak?').fill(LATE_WHY);
    await late.getByLabel('Hoe kan het wél?').fill('Met parkeervergunningen voor de bewoners in de garage aan het Marktplein.');
    await late.getByRole('button', { name: 'Nagekomen bezwaar indienen' }).click();
    await economy.getByText('Uw bezwaar is als nagekomen vastgelegd; de coördinator beslist erover.').waitFor();
    await expectAccessible(economy, 'nagekomen bezwaar ingediend');
    await economy.context().close();

    // the director and the coordinator are told
    for (const to of [directorEmail, COORDINATOR]) {
      const told = await e.smtp.waitForMail((m) => m.to.includes(to) && m.subject === `${reference}: laat bezwaar van Economische zaken`);
      expect(told.text).toContain('De ronde was al gesloten.');
    }

    const coordinator = await login(COORDINATOR);
    await coordinator.waitForURL('**/team');
    await coordinator.getByRole('heading', { name: 'Niet toegewezen' }).waitFor();
    await expectAccessible(coordinator, 'teambord met nagekomen bezwaar');
    await coordinator.getByRole('link', { name: 'Nagekomen bezwaren', exact: true }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Nagekomen bezwaren' }).waitFor();
    const item = region(coordinator, /^Nagekomen bezwaar van Economische zaken \(ronde 1\)/).filter({ hasText: reference });
    await item.getByText(LATE_WHY).waitFor();
    await expectAccessible(coordinator, 'nagekomen bezwaren (wacht op besluit)');
    await item.getByRole('radio', { name: 'Terzijde leggen' }).check();
    await item.getByLabel('Reden', { exact: true }).fill(SET_ASIDE);
    await item.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await coordinator.getByText('Het bezwaar is terzijde gelegd.').waitFor();
    await coordinator.getByRole('button', { name: 'Terzijde gelegd' }).click();
    const decided = region(coordinator, /^Nagekomen bezwaar van Economische zaken \(ronde 1\)/).filter({ hasText: reference });
    await decided.getByText(SET_ASIDE).waitFor();
    await expectAccessible(coordinator, 'nagekomen bezwaren (terzijde gelegd)');
    await coordinator.context().close();

    const row = await e.regie.deps.db.unsafeAdmin
      .selectFrom('late_objections')
      .select(['status', 'decision_reason'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'setAside', decision_reason: SET_ASIDE });
  });

  it("the alderman's promise is recorded on the case and confirmed by him within his mandate", async () => {
    // Said at the kitchen table and recorded by the director under his name and role:
    // a name is no mandate holder, so Regie asks the holder whose mandate covers it.
    await director.reload();
    // the case page shows the late objection set aside, and the outcome unchanged by it
    const toets = region(director, 'Integrale toets');
    const setAside = region(region(toets, 'Nagekomen bezwaren'), /^Nagekomen bezwaar van Economische zaken \(ronde 1\)/);
    await setAside.getByText('Terzijde gelegd', { exact: true }).waitFor();
    await setAside.getByText(SET_ASIDE).waitFor();
    await expectOutcome(toets);
    const form = region(director, 'Toezegging vastleggen');
    await form.getByRole('button', { name: 'Nieuwe toezegging invullen' }).click();
    await form.getByRole('group', { name: 'Wie deed de toezegging?' }).getByRole('radio', { name: 'Iemand anders' }).check();
    await form.getByLabel('Naam', { exact: true }).fill('Erik Meijer');
    await form.getByLabel('Functie of rol').fill('wethouder Economie');
    await form.getByLabel('Wat is toegezegd').fill(PROMISE);
    await form.getByLabel('Uiterlijk').fill(DUE_ON);
    await form.getByLabel('Waar is het toegezegd?').selectOption({ label: 'Gesprek' });
    await form.getByLabel('Soort besluit').selectOption({ label: 'Geld toezeggen' });
    await form.getByLabel('Bedrag (euro)').fill('12.500,00');
    await expectAccessible(director, 'zaak met formulier toezegging');
    await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
    // The message names who is asked: the alderman, whose mandate covers it.
    await director.getByText(/^De toezegging is vastgelegd\. Om bevestiging gevraagd: .*Erik Meijer/).waitFor();
    const card = region(region(director, 'Toezeggingen'), 'Toezegging van Erik Meijer aan Henk van Dijk');
    await card.getByText('Bevestiging nodig', { exact: true }).waitFor();

    const ask = await e.smtp.waitForMail((m) => m.to.includes(ALDERMAN) && m.subject === `${reference}: een toezegging wacht op uw bevestiging`);
    expect(ask.text).toContain(PROMISE);

    const alderman = await login(ALDERMAN);
    await alderman.waitForURL('**/mijn-toezeggingen');
    await alderman.getByRole('heading', { level: 1, name: 'Mijn toezeggingen' }).waitFor();
    await expectAccessible(alderman, 'mijn toezeggingen');
    await alderman.getByRole('link', { name: 'Ter bevestiging', exact: true }).click();
    await alderman.getByRole('heading', { level: 1, name: 'Toezeggingen ter bevestiging' }).waitFor();
    const toConfirm = region(alderman, 'Toezegging van Erik Meijer aan Henk van Dijk').filter({ hasText: reference });
    await toConfirm.getByText(PROMISE).waitFor();
    await toConfirm.getByText('Bevestigen of afwijzen').click();
    await toConfirm.getByRole('radio', { name: /^Bevestigen/ }).check();
    await expectAccessible(alderman, 'toezeggingen ter bevestiging');
    await toConfirm.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await alderman.getByText('De toezegging is bevestigd en nu bindend.').waitFor();
    await alderman.context().close();

    // binding now, on the strength of his commitMoney mandate (up to € 20.000)
    const erik = await e.regie.deps.db.unsafeAdmin.selectFrom('users').select('id').where('email', '=', ALDERMAN).executeTakeFirstOrThrow();
    const mandate = await e.regie.deps.db.unsafeAdmin
      .selectFrom('mandates')
      .select('id')
      .where('holder_user_id', '=', erik.id)
      .where('scope_kind', '=', 'commitMoney')
      .executeTakeFirstOrThrow();
    const commitment = await e.regie.deps.db.unsafeAdmin
      .selectFrom('commitments')
      .select(['status', 'confirmed_by', 'mandate_ids', 'amount_cents'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(commitment).toMatchObject({ status: 'binding', confirmed_by: erik.id, mandate_ids: [mandate.id] });
    expect(Number(commitment.amount_cents)).toBe(1_250_000);

    await director.reload();
    await region(region(director, 'Toezeggingen'), 'Toezegging van Erik Meijer aan Henk van Dijk').getByText('Bindend', { exact: true }).waitFor();
    await expectAccessible(director, 'zaak met bevestigde toezegging');
  });

  it('the director saves the plan; the standing objection blocks it until the head of Ruimte overrules it; then director and Henk agree', async () => {
    await director.getByRole('link', { name: 'Plan van aanpak bewerken', exact: true }).click();
    await director
      .getByLabel('Doel')
      .fill('De spuiterij stopt; winkels op de begane grond en, na bodemonderzoek en omgevingsvergunning, woningen op de verdieping');
    await director.getByRole('button', { name: 'Actie toevoegen' }).click();
    await director.getByLabel('Actie 1 omschrijving').fill('Verkennend bodemonderzoek onder de spuitcabine laten doen');
    await director.getByLabel('Actie 1 eigenaar').selectOption({ label: 'Initiatiefnemer' });
    await director.getByLabel('Actie 1 uiterlijk klaar').fill(DUE_ON);
    await expectAccessible(director, 'plan van aanpak');
    await director.getByRole('button', { name: 'Plan opslaan' }).click();
    // the zoning objection stands: nobody can agree the plan, and the page says why in plain words
    await director.getByText('U kunt het plan nog niet afspreken. Er is nog een bezwaar van Ruimtelijke ordening.').waitFor();
    expect(await director.getByRole('button', { name: 'Akkoord geven (regisseur)' }).count()).toBe(0);
    await expectAccessible(director, 'plan van aanpak, akkoord geblokkeerd');

    // the head of Ruimte overrules the objection within her mandate
    const head = await login(HEAD_OF_RUIMTE);
    await head.waitForURL('**/toetsverzoeken');
    await head.goto(`${e.baseUrl}/zaken/${caseId}`);
    const party = region(region(region(head, 'Integrale toets'), 'Toetsronde 1 (gesloten)'), /^Ruimtelijke ordening/);
    await party.getByText('Bezwaar van Ruimtelijke ordening overrulen').click();
    await party.getByLabel('Reden van de overrule').fill(OVERRULE);
    await party.getByRole('button', { name: 'Overrulen' }).click();
    await head.getByText('Het bezwaar is overruled.').first().waitFor();
    // the overrule form is gone: its message has focus, not the page (WCAG 2.4.3)
    await head.waitForFunction(() => document.activeElement?.textContent?.includes('Het bezwaar is overruled.'));
    await region(head, 'Integrale toets')
      .getByText(/^Opgelost door overrule van Karin de Wit/)
      .first()
      .waitFor();
    await expectAccessible(head, 'zaak met overruled bezwaar');
    await head.context().close();

    await director.reload();
    await director.getByRole('button', { name: 'Akkoord geven (regisseur)' }).click();
    await e.smtp.waitForMail((m) => m.to.includes(HENK) && m.subject === `${reference}: plan van aanpak versie 1 wacht op uw akkoord`);

    const portal = await open(henkContext, `/mijn-zaak/${caseId}`);
    await portal.waitForURL('**/mijn-zaak/**');
    const outcome = region(portal, 'Uitkomst van de toets door alle afdelingen');
    await outcome.getByRole('heading', { name: 'Toetsronde 1 (gesloten)' }).waitFor();
    await expectOutcome(outcome);
    const promised = region(portal, 'Toezeggingen aan u');
    await promised.getByText(PROMISE).waitFor();
    await promised.getByText('Vast: de gemeente houdt zich hieraan', { exact: true }).waitFor();
    const agree = portal.getByRole('button', { name: 'Akkoord met plan versie 1' });
    await agree.waitFor();
    await expectAccessible(portal, 'mijn zaak met toets, toezegging en plan');
    await agree.click();
    await portal.getByText('U en uw case-regisseur zijn akkoord met versie 1.', { exact: false }).waitFor();
    await portal.context().close();
    const c = await e.regie.deps.db.unsafeAdmin.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c.status).toBe('executing');
  });

  it('the director downloads the dossier PDF; it holds the outcome, the promise, the set-aside objection and its content hash', async () => {
    await director.goto(`${e.baseUrl}/zaken/${caseId}`);
    const link = region(director, 'Dossier').getByRole('link', { name: 'Dossier downloaden (PDF)' });
    await link.waitFor();
    await expectAccessible(director, 'zaak in uitvoering met dossier');
    // at 320 px the plan's actions and the outcome scroll in named regions the keyboard can reach
    await director.setViewportSize({ width: 320, height: 720 });
    for (const name of [/^Acties in versie 1/, /^Alle bezwaren/]) {
      expect(await director.getByRole('region', { name }).first().getAttribute('tabindex')).toBe('0');
    }
    await expectAccessible(director, 'zaak in uitvoering (320 px)');
    await director.setViewportSize({ width: 1280, height: 720 });
    const [download] = await Promise.all([director.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${reference}\\.pdf$`));
    const path = await download.path();
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = flat(await pdfText(pdf));

    expect(text).toContain(`Zaakdossier ${reference}`);
    expect(text).toContain('Versie: 1 (overeengekomen)');
    // the consolidated outcome and the round in full: the rule cited, why, and how it could be done
    expect(text).toContain('Bezwaar van Ruimtelijke ordening (ronde 1, overruled door Karin de Wit (afdelingshoofd Ruimte)): OP-4.12');
    expect(text).toMatch(new RegExp(`Overruled door Karin de Wit \\(afdelingshoofd Ruimte\\), ${WHEN}: ${esc(OVERRULE)}`));
    expect(text).toContain(`Voorwaarden van Economische zaken (ronde 1): ${CONDITION}`);
    expect(text).not.toContain('Bezwaar van Economische zaken'); // set aside: not part of the outcome
    expect(text).toContain(`Voorstel: ${PROPOSAL}`);
    expect(text).toContain('Regel: OP-4.12 — Functie Bedrijf: geen wonen, ook niet op de verdieping (Omgevingsplan artikel 4.12)');
    expect(text).toContain(`Waarom van toepassing: ${WHY}`);
    expect(text).toContain(`Hoe het wel kan: ${HOW}`);
    // the late objection, set aside with the coordinator's reason
    expect(text).toMatch(new RegExp(`Economische zaken \\(ronde 1\\), ${WHEN}, na het sluiten van de ronde: terzijde gelegd`));
    expect(text).toContain('Regel: OP-5.3 — Parkeren op eigen terrein volgens de parkeernormen');
    expect(text).toMatch(new RegExp(`Besluit door Ruud Verhoeven, ${WHEN}: ${esc(SET_ASIDE)}`));
    // the promise: confirmed by the mandate holder, binding on his mandate, with its history
    expect(text).toContain(`Wat: ${PROMISE}`);
    expect(text).toContain('Gedaan door: Erik Meijer (wethouder Economie)');
    expect(text).toContain('Besluit: geld toezeggen: € 12.500,00');
    expect(text).toContain('Status: bindend');
    expect(text).toContain('Mandaat: Erik Meijer (wethouder Economie): geld toezeggen tot € 20.000,00 (gedelegeerd door het college');
    expect(text).toContain('vastgelegd als wacht op bevestiging');
    expect(text).toMatch(/Erik Meijer \(wethouder Economie\): bevestigd door de mandaathouder/);
    // the printed SHA-256 is that of the dossier's content, recomputed from the same data
    const printed = /SHA-256 van de inhoud:\s*([0-9a-f]{64})/.exec(text)?.[1];
    expect(printed).toMatch(/^[0-9a-f]{64}$/);
    const user = await e.regie.deps.db.unsafeAdmin.selectFrom('users').selectAll().where('email', '=', directorEmail).executeTakeFirstOrThrow();
    expect(printed).toBe(contentHash(await collectDossier(ctxFor(e.regie.deps, toActor(user, 'session')), caseId)));

    // the record holds every step of the story, in order
    const events = await e.regie.deps.db.unsafeAdmin.selectFrom('events').select('type').where('case_id', '=', caseId).orderBy('id').execute();
    expect(events.map((x) => x.type)).toEqual([
      'case.submitted',
      'case.confirmed',
      'case.assigned',
      'case.statusChanged',
      'case.statusChanged',
      'assessment.roundOpened',
      'assessment.answered',
      'assessment.answered',
      'assessment.roundClosed',
      'assessment.lateObjection',
      'assessment.lateObjectionDecided',
      'commitment.recorded',
      'commitment.confirmed',
      'plan.versionSaved',
      'assessment.overruled',
      'plan.agreed',
      'plan.agreed',
      'case.statusChanged',
    ]);
  });
});
