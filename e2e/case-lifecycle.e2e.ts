// A case from intake to closing, as the people involved do it in Chromium: the
// initiator files it on the public page, the coordinator assigns the proposed
// director, director and initiator agree a plan, the director closes the case.
// Mail is read from a local SMTP server; axe checks every page on the way.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, openPage, startE2E, startPlanningFromWorkspace } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const open = (ctx: BrowserContext, path: string) => openPage(e, ctx, path);
const login = (ctx: BrowserContext, email: string) => loginAs(e, email, ctx);

describe('a case from intake to closing', () => {
  it('walks intake → assignment → plan → agreement by both → executing → closed', async () => {
    // ---- the initiator files the question on the public page ----
    const initiatorCtx = await e.browser.newContext();
    const intake = await open(initiatorCtx, '/voorbeeld/aanvragen');
    await intake.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(intake, 'aanvragen');
    await intake.getByLabel('Naam', { exact: true }).fill('Henk van Dijk');
    await intake.getByLabel('E-mailadres').fill('henk.e2e@example.nl');
    await intake.getByLabel(/^Bedrijf/).fill('Autospuiterij Van Dijk B.V.');
    await intake.getByLabel(/^KvK-nummer/).fill('37081542');
    await intake.getByLabel(/^Titel/).fill('Stoppen met spuiten en het pand verhuren');
    await intake.getByLabel(/^Beschrijf in uw eigen woorden/).fill('Ik wil stoppen met autospuiten en de rest van mijn pand verhuren aan winkels en woningen.');
    await intake.getByLabel(/^(Locatie|Adres)/).fill('Marktstraat 12');
    await intake.getByLabel(/^(Wijk of gebied|Gebied)/).selectOption({ label: 'Centrum' });
    await intake.getByRole('checkbox', { name: 'Ondernemen' }).check();
    await intake.getByRole('button', { name: 'Versturen' }).click();
    const confirmation = intake.getByText(/VB-\d{4}-\d{6}/).first();
    await confirmation.waitFor();
    const reference = /VB-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0] as string;
    expect(reference).toBeTruthy();
    await intake.getByText('Kijk in je mail om je aanvraag te bevestigen').waitFor();
    await expectAccessible(intake, 'aanvraag ontvangen');

    const received = await e.smtp.waitForMail((m) => m.to.includes('henk.e2e@example.nl') && m.subject.includes(reference));
    expect(received.subject).toMatch(/^Bevestig uw aanvraag/);
    const confirmLink = /http\S+\/inloggen\/link#\S+/.exec(received.text)?.[0] as string;
    expect(confirmLink).toBeTruthy();

    // ---- staff see the request, marked as not yet confirmed ----
    const coordinatorCtx = await e.browser.newContext();
    const board = await login(coordinatorCtx, 'coordinator@voorbeeld.nl');
    await board.waitForURL('**/team');
    await board.getByRole('heading', { name: 'Niet toegewezen' }).waitFor();
    await expectAccessible(board, 'teambord');
    await board
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await board.getByText('Nog niet bevestigd door de aanvrager').waitFor();
    await expectAccessible(board, 'zaak (nog niet bevestigd)');

    // ---- the initiator confirms with the mailed link ----
    const portal = await initiatorCtx.newPage();
    await portal.goto(confirmLink);
    await portal.waitForURL('**/mijn-zaak/**');
    await portal.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(portal, 'aanvraag bevestigd');

    // ---- the coordinator assigns the proposed director ----
    await board.reload();
    await board.getByRole('heading', { name: 'Regisseur toewijzen' }).waitFor();
    expect(await board.getByText('Nog niet bevestigd door de aanvrager').count()).toBe(0);
    await expectAccessible(board, 'zaak (coördinator)');
    await board.getByRole('button', { name: 'Toewijzen' }).click();
    const assigned = await e.smtp.waitForMail((m) => m.subject.startsWith('Aan u toegewezen') && m.subject.includes(reference));
    const directorEmail = assigned.to[0] as string;
    await e.smtp.waitForMail((m) => m.to.includes('henk.e2e@example.nl') && m.subject.includes('case-regisseur'));

    // ---- the director runs intake and makes the plan ----
    const directorCtx = await e.browser.newContext();
    const workspace = await login(directorCtx, directorEmail);
    await startPlanningFromWorkspace(workspace, reference);
    await workspace.getByRole('link', { name: 'Plan van aanpak bewerken' }).click();
    await workspace.getByLabel('Doel').fill('De spuiterij stopt; het pand krijgt winkels en woningen');
    await workspace.getByRole('button', { name: 'Actie toevoegen' }).click();
    await workspace.getByLabel('Actie 1 omschrijving').fill('Wijziging omgevingsplan aanvragen');
    await workspace.getByLabel('Actie 1 eigenaar').selectOption({ label: 'Initiatiefnemer' });
    await workspace.getByLabel('Actie 1 uiterlijk klaar').fill('2027-03-01');
    await expectAccessible(workspace, 'plan van aanpak');
    await workspace.getByRole('button', { name: 'Plan opslaan' }).click();
    await workspace.getByRole('button', { name: 'Akkoord geven (regisseur)' }).click();
    await e.smtp.waitForMail((m) => m.to.includes('henk.e2e@example.nl') && m.subject.includes('wacht op uw akkoord'));

    // ---- the initiator, still logged in from the confirmation, agrees ----
    await portal.reload();
    await portal.waitForURL('**/mijn-zaak/**');
    const agree = portal.getByRole('button', { name: 'Akkoord met plan versie 1' });
    await agree.waitFor();
    await expectAccessible(portal, 'mijn zaak');
    await agree.click();
    await portal
      .getByText(/uitvoering/i)
      .first()
      .waitFor();

    // ---- the director closes the executing case ----
    await workspace.goBack();
    await workspace.reload();
    await workspace.getByRole('button', { name: 'Zaak afsluiten' }).click();
    const closed = await e.smtp.waitForMail((m) => m.to.includes('henk.e2e@example.nl') && m.subject.includes('afgesloten'));
    expect(closed.subject).toContain(reference);

    // The record holds every step, in order.
    const caseRow = await e.regie.deps.db.unsafeAdmin.selectFrom('cases').select(['id', 'status']).where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(caseRow.status).toBe('closed');
    const types = await e.regie.deps.db.unsafeAdmin.selectFrom('events').select('type').where('case_id', '=', caseRow.id).orderBy('id').execute();
    expect(types.map((t) => t.type)).toEqual([
      'case.submitted',
      'case.confirmed',
      'case.assigned',
      'case.statusChanged',
      'case.statusChanged',
      'plan.versionSaved',
      'plan.agreed',
      'plan.agreed',
      'case.statusChanged',
      'case.statusChanged',
      // closed: the initiator is asked for a report mark (docs/product.md#the-report-mark)
      'satisfaction.surveySent',
    ]);
  });
});
