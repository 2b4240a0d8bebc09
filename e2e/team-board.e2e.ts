// The coordinator's board and the case list in Chromium: the board is one request
// however many cases wait for a director, each proposal's reason quotes the open-case
// count the board shows for that director (docs/product.md#proposing-a-director), and
// the case list shows its total, sorts on the server and downloads the filtered list
// for Dutch Excel (docs/product.md#the-case-list, #exports).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('the team board and the case list', () => {
  it('builds the board with one request, with reasons in the board’s figures', async () => {
    // Two more cases waiting for a director, besides what the demo has.
    const ids: string[] = [];
    for (const title of ['Bankjes in het park', 'Een buurtfeest op het plein']) {
      const res = await fetch(`${e.baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          municipality: 'voorbeeld',
          initiator: { name: 'Els de Boer', email: `els-${ids.length}@example.nl` },
          title,
          description: 'Graag hulp van de gemeente bij dit plan voor de buurt.',
          location: 'Centrum',
        }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }

    const ctx = await e.browser.newContext();
    await loginAs(e, 'coordinator@voorbeeld.nl', ctx);
    const page = await ctx.newPage();
    const api: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v1/')) api.push(u.pathname);
    });
    await page.goto(`${e.baseUrl}/team`);
    await page.getByRole('heading', { name: 'Niet toegewezen' }).waitFor();
    for (const id of ids) await page.getByTestId(`proposal-${id}`).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'teambord met voorstellen');

    const unassignedRows = await page.locator('[data-testid^="proposal-"]').count();
    expect(unassignedRows).toBeGreaterThanOrEqual(2);
    expect(api.filter((p) => p === '/api/v1/team-board')).toHaveLength(1);
    expect(api.filter((p) => p.endsWith('/director-proposal'))).toEqual([]);
    expect(api.filter((p) => /^\/api\/v1\/cases\/[0-9a-f-]{36}$/.test(p))).toEqual([]);

    // Each reason's open-case count is the count beside that director's name on the board.
    const perDirector = new Map<string, number>();
    for (const row of await page.getByRole('table', { name: 'Aantal open zaken per case-regisseur' }).locator('tbody tr').all()) {
      const name = (await row.locator('th').innerText()).trim();
      perDirector.set(name, Number((await row.locator('td').first().innerText()).trim()));
    }
    for (const id of ids) {
      const text = await page.getByTestId(`proposal-${id}`).innerText();
      const m = /^Voorstel: (.+?) — .*heeft (\d+) open zaken/.exec(text);
      expect(m, text).not.toBeNull();
      expect(perDirector.get(m?.[1] ?? ''), text).toBe(Number(m?.[2]));
    }
  });

  it('shows the case list’s total, sorts it on the server and downloads it for Dutch Excel', async () => {
    const ctx = await e.browser.newContext();
    await loginAs(e, 'coordinator@voorbeeld.nl', ctx);
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/zaken`);
    const count = page.getByText(/\d+ zaken gevonden\./);
    await count.waitFor();
    const total = Number(/(\d+) zaken gevonden/.exec(await count.innerText())?.[1]);
    expect(total).toBeGreaterThan(25); // more than one page: the total is not the page

    await page.getByLabel('Sorteren op').selectOption('reference');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/sort=reference/);
    await page.getByText(/\d+ zaken gevonden\./).waitFor();
    await expectAccessible(page, 'zaken op zaaknummer');
    const refs = await page.locator('tbody tr th a, tbody tr td a').allInnerTexts();
    const shown = refs.map((r) => /[A-Z]+-\d{4}-\d{6}/.exec(r)?.[0]).filter((r): r is string => !!r);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown).toEqual([...shown].sort());

    const link = page.getByRole('link', { name: 'Deze lijst downloaden (CSV, voor Excel)' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain('sort=reference');
    const res = await page.request.get(`${e.baseUrl}${href}`, { headers: { 'accept-language': 'nl' } });
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Zaaknummer', 'Titel', 'Status']);
    expect(lines).toHaveLength(total + 1);
  });

  // docs/product.md#commitments-on-record: the rule comes from the register, found by code
  // or title with the keyboard, and the message names who is asked to confirm.
  it('records an exemption from a rule picked in the register and names who is asked', async () => {
    const ctx = await e.browser.newContext();
    await loginAs(e, 'coordinator@voorbeeld.nl', ctx);
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/zaken?status=intake`);
    await page.locator('tbody tr a').first().click();
    await page.getByRole('button', { name: 'Nieuwe toezegging invullen' }).click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Toezegging vastleggen' }) });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Iemand anders' }).first().check();
    await form.getByLabel('Naam', { exact: true }).first().fill('Jan Wethouder');
    await form.getByLabel(/^Functie of rol/).fill('wethouder Ruimte');
    await form.getByLabel(/^Wat is toegezegd/).fill('Ontheffing voor een uitstalling op de stoep.');
    await form.getByLabel(/^Uiterlijk/).fill('2027-06-01');
    await form.getByLabel(/^Soort besluit/).selectOption({ label: 'Ontheffing verlenen' });
    const search = form.getByRole('searchbox', { name: /Zoek een regel/ });
    await search.fill('uitstallingen');
    const list = form.getByLabel(/^Regel uit het regelregister/);
    await expect
      .poll(async () => (await list.locator('option').allInnerTexts()).join('|'), { timeout: 10_000 })
      .toMatch(/APV-2:10 — Voorwerpen op of aan de weg/);
    await expectAccessible(page, 'toezegging met regelkeuze');
    // By keyboard: focus the list and choose the found rule.
    await list.focus();
    await page.keyboard.press('ArrowDown');
    expect(await list.inputValue()).toBe('APV-2:10');
    await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
    const said = page.getByText(/De toezegging is vastgelegd\. (Om bevestiging gevraagd: .+\.|Geen mandaat dekt haar: .+ legt het voor)/);
    await said.waitFor();
    const text = await said.innerText();
    // Whoever is asked is named: a mandate holder, or the coordinator Ruud Verhoeven for the body.
    expect(text).toMatch(/gevraagd: [A-Z]|Ruud Verhoeven/);
  });
});
