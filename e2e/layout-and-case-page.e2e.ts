// The frame and the case page as a new user meets them, in Chromium: no page scrolls
// sideways at 320 px (WCAG 1.4.10) and every page has the footer with the privacy and
// accessibility statements; after each action on the case page focus lands on its
// message, not on <body> (WCAG 2.4.3); the case page has an in-page menu, forms that
// open on demand, a summary that is sticky only on wide screens, and a withdrawal that
// asks for confirmation; printed, it shows no navigation, forms or buttons.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLanes } from '../src/kernel/lanes.js';
import { type E2E, expectAccessible, loginAs, region, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

/** Every staff role with pages of its own, by a demo account. */
const ROLES = [
  'beheer@voorbeeld.nl',
  'coordinator@voorbeeld.nl',
  's.jansen@voorbeeld.nl',
  'w.mulder@voorbeeld.nl',
  'e.meijer@voorbeeld.nl',
  'l.vanleeuwen@voorbeeld.nl',
];
const DETAIL = /^\/(zaken\/[0-9a-f-]{36}|toetsverzoeken\/[0-9a-f-]{36}|beheer\/medewerkers\/[0-9a-f-]{36}|mijn-zaak\/[0-9a-f-]{36})$/;

async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByText('Bezig met laden…').first().waitFor({ state: 'detached' });
}

/** What makes the page wider than the screen: elements that stick out, outside a scrolling table. */
async function widthOf(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 0.5 && !el.closest('.regie-table-wrap'))
        culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} → ${Math.round(r.right)}`);
    }
    return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
  });
}

async function expectFooter(page: Page, path: string): Promise<string[]> {
  const footer = page.getByRole('contentinfo');
  const links = await Promise.all(
    [
      ['Privacyverklaring', '/privacy'],
      ['Toegankelijkheidsverklaring', '/toegankelijkheid'],
    ].map(async ([name, href]) => ((await footer.getByRole('link', { name }).getAttribute('href')) === href ? null : `${path}: no footer link ${name}`)),
  );
  return links.filter((x): x is string => !!x);
}

/** The main pages of a role: its menu, and the first few detail pages each list links to (a case also with its plan). */
async function walk(page: Page, who: string, extra: string[] = []): Promise<{ visited: string[]; problems: string[] }> {
  const base = new URL(page.url()).origin;
  await settled(page);
  const nav = await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const queue = [...new Set([...nav, ...extra])];
  const seen = new Set<string>();
  const problems: string[] = [];
  let details = 0;
  while (queue.length) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    await page.goto(`${base}${path}`);
    await settled(page);
    const { width, culprits } = await widthOf(page);
    if (width > 320) problems.push(`${who} ${path}: ${width} px wide (${culprits.join(', ')})`);
    problems.push(...(await expectFooter(page, `${who} ${path}`)));
    const links = await page
      .getByRole('main')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const l of links) {
      if (!DETAIL.test(l) || seen.has(l) || details >= 4) continue;
      details++;
      queue.push(l);
      if (l.startsWith('/zaken/')) queue.push(`${l}/plan`);
    }
  }
  return { visited: [...seen], problems };
}

describe('layout at 320 px and the footer', () => {
  it('no main page of any role scrolls sideways at 320 px, and every page links the privacy and accessibility statements', async () => {
    const problems: string[] = [];
    // the case with a closed round: its consolidated outcome is the widest table
    const round = await e.regie.deps.db.unsafeAdmin
      .selectFrom('assessment_rounds')
      .select('case_id')
      .where('closed_at', 'is not', null)
      .executeTakeFirstOrThrow();
    // The walks are independent (a context each), so three go at a time: most of a
    // page's time is waiting for the network to be idle.
    const walks: Array<() => Promise<{ visited: string[]; problems: string[] }>> = [
      async () => {
        const anonymous = await (await e.browser.newContext({ viewport: { width: 320, height: 720 } })).newPage();
        await anonymous.goto(`${e.baseUrl}/`);
        const r = await walk(anonymous, 'anonymous', [
          '/voorbeeld/aanvragen',
          '/inloggen',
          '/privacy',
          '/toegankelijkheid',
          '/wachtwoord-vergeten',
          '/wachtwoord/instellen',
          '/inloggen/link',
        ]);
        await anonymous.context().close();
        return r;
      },
      ...ROLES.map((email) => async () => {
        const page = await loginAs(e, email, await e.browser.newContext({ viewport: { width: 320, height: 720 } }));
        const extra = email === 'coordinator@voorbeeld.nl' ? [`/zaken/${round.case_id}`, `/zaken/${round.case_id}/plan`] : [];
        const r = await walk(page, email, extra);
        await page.context().close();
        return r;
      }),
    ];
    let visited = 0;
    await inLanes(walks, 3, async (walk) => {
      const r = await walk();
      visited += r.visited.length;
      problems.push(...r.problems);
    });
    expect(problems).toEqual([]);
    expect(visited).toBeGreaterThan(25);
  });

  it('the privacy and accessibility statements are public, complete and axe-clean', async () => {
    const page = await (await e.browser.newContext()).newPage();
    await page.goto(`${e.baseUrl}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    for (const h of ['Welke gegevens wij vastleggen', 'Waarom', 'Hoe lang', 'Uw rechten']) await page.getByRole('heading', { level: 2, name: h }).waitFor();
    await expectAccessible(page, 'privacyverklaring');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    for (const h of ['Status', 'Bekende problemen', 'Contact en klachten']) await page.getByRole('heading', { level: 2, name: h }).waitFor();
    await expectAccessible(page, 'toegankelijkheidsverklaring');
    await page.context().close();
  });
});

/** Wait until focus is on an element (never <body>) whose text matches, and return that element's tag and id. */
async function expectFocus(page: Page, text: RegExp): Promise<{ tag: string; id: string }> {
  await page
    .waitForFunction(
      ([src, flags]) => document.activeElement !== document.body && new RegExp(src as string, flags).test(document.activeElement?.textContent ?? ''),
      [text.source, text.flags],
      { timeout: 5000 },
    )
    .catch(async () => {
      const now = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 80)}`);
      throw new Error(`focus is not on ${text}: it is on ${now}`);
    });
  return page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase() ?? '', id: document.activeElement?.id ?? '' }));
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
  });

/** The coordinator registers a case for a resident at the desk and opens it. */
async function registerCase(page: Page, title: string, email: string): Promise<string> {
  await page.goto(`${e.baseUrl}/zaken/nieuw`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByLabel(/^Naam/).first().fill('Greet Hofman');
  await page.getByLabel('E-mailadres').first().fill(email);
  await page.getByLabel(/^Titel/).fill(title);
  await page.getByLabel(/^Beschrijf/).fill('Ik wil in mijn winkelpand aan de Marktstraat ook een kleine lunchroom beginnen.');
  await page.getByLabel(/^(Locatie|Adres)/).fill('Marktstraat 3');
  await page.getByLabel(/^(Wijk of gebied|Gebied)/).selectOption({ label: 'Centrum' });
  await page.getByRole('checkbox', { name: 'Ondernemen' }).check();
  await page.getByRole('button', { name: 'Zaak registreren' }).click();
  await page.getByRole('link', { name: 'Naar de zaak' }).click();
  await page.waitForURL(/\/zaken\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return /\/zaken\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
}

const statusOf = async (id: string) =>
  (await e.regie.deps.db.unsafeAdmin.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('the case page', () => {
  const RESIDENT = 'greet.hofman.e2e@example.nl';
  let coordinator: Page;
  let caseId: string;

  it('forms are closed until asked for; after each action focus is on its message; the in-page menu moves to its section', async () => {
    coordinator = await loginAs(e, 'coordinator@voorbeeld.nl');
    await coordinator.setViewportSize({ width: 1280, height: 800 });
    caseId = await registerCase(coordinator, 'Lunchroom in de winkel aan de Marktstraat', RESIDENT);
    const page = coordinator;

    // assign: the form goes, its message takes focus
    const director = page.getByRole('combobox', { name: /Regisseur/ });
    const sanne = await director.locator('option', { hasText: 'Sanne Jansen' }).getAttribute('value');
    await director.selectOption(sanne as string);
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    expect((await expectFocus(page, /Sanne Jansen is nu de case-regisseur/)).tag).toBe('div');
    await page.getByRole('button', { name: 'Start intake' }).click();
    await expectFocus(page, /De status is nu: intake/i);
    await page.getByRole('button', { name: 'Start planvorming' }).click();
    await expectFocus(page, /De status is nu: planvorming/i);

    // forms on demand: closed by default
    const notes = region(page, 'Notities');
    const addNote = notes.getByRole('button', { name: 'Notitie toevoegen' });
    expect(await addNote.getAttribute('aria-expanded')).toBe('false');
    for (const label of ['Notitie', 'Bericht', 'Reden van opschorten', 'Reden van intrekken', 'Voorstel', 'Wat is toegezegd']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(0);
    }
    const closedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    // opened: focus moves into the form; Escape closes it and focus returns to the button
    await addNote.click();
    expect(await addNote.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focusedLabel(page)).toMatch(/^Notitie/);
    await page.keyboard.press('Escape');
    expect(await addNote.getAttribute('aria-expanded')).toBe('false');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Notitie toevoegen');
    // "Annuleren" closes it as well
    await addNote.click();
    await notes.getByRole('button', { name: 'Annuleren' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Notitie toevoegen');
    await addNote.click();
    await notes.getByLabel('Notitie', { exact: true }).fill('Gebeld met mevrouw Hofman over de openingstijden.');
    await notes.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expectFocus(page, /De interne notitie is opgeslagen/);
    expect(await notes.getByLabel('Notitie', { exact: true }).count()).toBe(0);

    // the clock: suspend (on demand) and resume
    await page.getByRole('button', { name: 'Klok opschorten' }).click();
    await expect.poll(() => focusedLabel(page)).toMatch(/^Reden van opschorten/);
    await page.getByLabel(/^Reden van opschorten/).fill('Wacht op de tekening van de verbouwing.');
    await page.getByRole('button', { name: 'Opschorten met deze reden' }).click();
    await expectFocus(page, /De planklok is opgeschort/);
    await page.getByRole('button', { name: 'Klok hervatten' }).click();
    await expectFocus(page, /De planklok loopt weer/);

    // every form open makes the page far longer than the default
    for (const name of [
      'Notitie toevoegen',
      'Bericht schrijven',
      'Klok opschorten',
      'Nieuwe toetsronde voorbereiden',
      'Nieuwe toezegging invullen',
      'Zaak intrekken…',
    ]) {
      await page.getByRole('button', { name, exact: true }).click();
    }
    const openHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(openHeight).toBeGreaterThan(closedHeight * 1.5);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();

    // the in-page menu: each link moves focus to its section's heading
    const menu = page.getByRole('navigation', { name: 'Op deze pagina' });
    const sections: [string, string][] = [
      ['Integrale toets', 'integrale-toets'],
      ['Tijdlijn', 'tijdlijn'],
      ['Zaak intrekken', 'intrekken'],
      ['Gegevens', 'gegevens'],
    ];
    for (const [name, id] of sections) {
      await menu.getByRole('link', { name, exact: true }).click();
      await page.waitForFunction((x) => document.activeElement?.id === x, id);
      expect(await page.evaluate((x) => document.getElementById(x)?.closest('section')?.getAttribute('aria-labelledby'), id)).toBe(id);
    }

    // the summary stays in view on a wide screen, and is not sticky at 320 px
    const summary = page.getByRole('region', { name: 'Stand van de zaak' });
    await summary.getByText('Sanne Jansen').waitFor();
    expect(await summary.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await page.setViewportSize({ width: 320, height: 720 });
    expect(await summary.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, 'zaak (320 px)');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 'zaak met menu en samenvatting');
  });

  it('printed, the case page has no navigation, forms or buttons', async () => {
    const page = coordinator;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Op deze pagina' }).isVisible()).toBe(false);
      const visible = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('main form, main button, header button, .utrecht-skip-link')).filter(
            (el) => (el as HTMLElement).offsetParent !== null,
          ).length,
      );
      expect(visible).toBe(0);
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
      expect(await region(page, 'Tijdlijn').isVisible()).toBe(true);
      // on paper a link shows where it goes (the plan page links back to its case)
      await page.goto(`${e.baseUrl}/zaken/${caseId}/plan`);
      const back = page.getByRole('main').getByRole('link', { name: 'Lunchroom in de winkel aan de Marktstraat' });
      expect(await back.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(`/zaken/${caseId}`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);
  });

  it('agreeing the plan, as director and as resident, puts focus on the message', async () => {
    const director = await loginAs(e, 's.jansen@voorbeeld.nl');
    await director.goto(`${e.baseUrl}/zaken/${caseId}/plan`);
    await director.getByLabel('Doel').fill('Een lunchroom in de winkel, met een vergunning voor de keuken');
    await director.getByRole('button', { name: 'Actie toevoegen' }).click();
    await director.getByLabel('Actie 1 omschrijving').fill('Tekening van de keuken aanleveren');
    await director.getByLabel('Actie 1 eigenaar').selectOption({ label: 'Initiatiefnemer' });
    await director.getByLabel('Actie 1 uiterlijk klaar').fill(`${new Date().getFullYear() + 1}-03-01`);
    await director.getByRole('button', { name: 'Plan opslaan' }).click();
    await director.getByRole('button', { name: 'Akkoord geven (regisseur)' }).click();
    await expectFocus(director, /U bent akkoord met versie 1/);

    const mail = await e.smtp.waitForMail((m) => m.to.includes(RESIDENT) && /http\S+\/inloggen\/link#\S+/.test(m.text));
    const link = /http\S+\/inloggen\/link#\S+/.exec(mail.text)?.[0] as string;
    const portal = await (await e.browser.newContext()).newPage();
    await portal.goto(link);
    await portal.waitForURL('**/mijn-zaak/**');
    await portal.getByRole('button', { name: 'Akkoord met plan versie 1' }).click();
    await expectFocus(portal, /U bent akkoord met plan versie 1/);

    // the initiator's own pages do not scroll sideways at 320 px either, and have the footer
    await portal.setViewportSize({ width: 320, height: 720 });
    const initiator = await walk(portal, 'initiator', [`/mijn-zaak/${caseId}`]);
    expect(initiator.problems).toEqual([]);
    expect(initiator.visited).toContain('/mijn-zaken');
  });

  it('withdrawing stands apart from the next step and needs a confirmation in the page', async () => {
    const page = coordinator;
    const id = await registerCase(page, 'Terras voor de lunchroom', 'greet.terras.e2e@example.nl');
    const actions = region(page, 'Acties');
    await actions.getByRole('button', { name: 'Start intake' }).waitFor();
    expect(await actions.getByRole('button', { name: /intrekken/i }).count()).toBe(0);
    const withdraw = region(page, 'Zaak intrekken');
    await withdraw.getByRole('button', { name: 'Zaak intrekken…' }).click();
    await withdraw.getByLabel(/^Reden van intrekken/).fill('Mevrouw Hofman ziet af van het terras.');
    await withdraw.getByRole('button', { name: 'Zaak intrekken', exact: true }).click();
    await expectFocus(page, /Weet u zeker dat u zaak .* wilt intrekken/);
    expect(await statusOf(id)).toBe('submitted');
    await withdraw.getByRole('button', { name: 'Nee, niet intrekken' }).click();
    await expect.poll(() => focusedLabel(page)).toMatch(/^Reden van intrekken/);
    expect(await statusOf(id)).toBe('submitted');
    await withdraw.getByRole('button', { name: 'Zaak intrekken', exact: true }).click();
    await withdraw.getByRole('button', { name: 'Ja, zaak intrekken' }).click();
    await expectFocus(page, /De zaak is ingetrokken/);
    expect(await statusOf(id)).toBe('withdrawn');
  });
});
