// End-to-end support: a real Regie (HTTP on a free loopback port, PGlite in a temp
// dir, the built web app), a local SMTP server that captures its mail, and Chromium
// (see chromium.ts) driven by Playwright, with axe-core for accessibility checks.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { type Running, startRegie } from '../src/app.js';
import { VOORBEELD } from '../src/demo/data.js';
import { seedDemo } from '../src/demo/seed.js';
import { systemClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/index.js';
import { smtpTransport } from '../src/platform/mail/outbox.js';
import { type FakeLocatieserver, startFakeLocatieserver } from '../src/testing/locatieserver.js';
import type { TestIssuer } from '../src/testing/oidc-issuer.js';
import { type CapturedMail, type SmtpTestServer, startSmtpTestServer } from '../src/testing/smtp.js';
import { findChromium } from './chromium.js';

export interface E2E {
  baseUrl: string;
  regie: Running;
  smtp: SmtpTestServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const smtp = await startSmtpTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-e2e-'));
  // A copy of the demo the global setup seeded once for the whole run (global-setup.ts).
  const demo = new Blob([readFileSync(inject('demoDump'))]);
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: demo });
  // The public URL is only known after listen; links in mail use it, so take a port first.
  // Nothing reaches the internet: no map tiles, no address suggestions (a test that wants them starts a local fake, see useFakeLocatieserver below).
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, SMTP_URL: smtp.url, PORT: '0', LOG_LEVEL: 'silent', MAP_TILE_URL: '', ADDRESS_SEARCH_URL: 'off' }),
    host: '127.0.0.1',
  };
  const regie = await startRegie(config, db, { clock: systemClock, transport: smtpTransport(smtp.url) });
  await seedDemo(regie.deps); // finds the demo there and only returns its logins
  // The demo's own history mails are not part of the story under test: mark them
  // delivered so the SMTP server receives only what the browser steps cause.
  await db.unsafeAdmin.updateTable('outbox').set({ status: 'sent', sent_at: new Date() }).where('status', '=', 'pending').execute();
  await regie.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (regie.app.server.address() as { port: number }).port;
  const baseUrl = `http://localhost:${port}`;
  regie.deps.config.publicUrl = baseUrl;
  const browser = await chromium.launch((await findChromium()).launch);
  return {
    baseUrl,
    regie,
    smtp,
    browser,
    async close() {
      await browser.close();
      await regie.close();
      await db.close();
      await smtp.stop();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe (WCAG 2.0/2.1 A and AA) on the page; fail on serious or critical findings. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated, not added as an inline <script>: the page's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) throw new Error(`axe found serious or critical WCAG 2.1 AA violations on ${label}: ${JSON.stringify(serious, null, 2)}`);
}

/** The password of every demo staff account (src/demo). */
export const DEMO_PASSWORD = 'regie-demo-2026';

/** A new tab in `ctx` at `path` of the running Regie. */
export async function openPage(e: E2E, ctx: BrowserContext, path: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${e.baseUrl}${path}`);
  return page;
}

/** A staff member signs in on the login page (checked with axe), in a browser context of their own unless one is given. */
export async function loginAs(e: E2E, email: string, ctx?: BrowserContext): Promise<Page> {
  const page = await openPage(e, ctx ?? (await e.browser.newContext()), '/inloggen');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expectAccessible(page, 'inloggen');
  await page.getByLabel('E-mailadres').first().fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
  return page;
}

/** A landmark region (a section with a heading) by its accessible name. */
export const region = (scope: Page | Locator, name: string | RegExp): Locator => scope.getByRole('region', { name, exact: typeof name === 'string' });

/** The director opens the case from the workspace (checked with axe) and takes it through intake into planning. */
export async function startPlanningFromWorkspace(page: Page, reference: string): Promise<void> {
  await page.waitForURL('**/werkplek');
  const link = page.getByRole('link', { name: new RegExp(reference) }).first();
  await link.waitFor();
  await expectAccessible(page, 'werkplek');
  await link.click();
  await page.getByRole('button', { name: 'Start intake' }).click();
  await page.getByRole('button', { name: 'Start planvorming' }).click();
}

/** A signed-in API client for one staff member (session cookie and CSRF token), for setting up what a test does not walk through. */
export async function apiAs(e: E2E, email: string) {
  const ctx = await e.browser.newContext();
  const res = await ctx.request.post(`${e.baseUrl}/api/v1/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, version?: number): Promise<T> => {
    const headers: Record<string, string> = { 'X-CSRF-Token': csrfToken };
    if (version !== undefined) headers['If-Match'] = `"${version}"`;
    const r = await ctx.request.fetch(`${e.baseUrl}/api/v1${path}`, { method, data, headers });
    if (!r.ok()) throw new Error(`${method} ${path}: ${r.status()} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { call, close: () => ctx.close() };
}

/**
 * A public intake in the demo municipality, confirmed by its initiator through the mailed
 * link (docs/product.md#confirming-a-public-intake), as the start of a test's own case.
 */
export async function fileConfirmedIntake(
  e: E2E,
  intake: { initiator: { name: string; email: string; company?: string }; title: string; description: string; location: string },
): Promise<{ id: string; reference: string; confirmationMail: CapturedMail }> {
  const pub = await e.browser.newContext();
  try {
    const filed = await pub.request.post(`${e.baseUrl}/api/v1/cases`, { data: { municipality: 'voorbeeld', ...intake } });
    if (!filed.ok()) throw new Error(`intake: ${filed.status()} ${await filed.text()}`);
    const { id, reference } = (await filed.json()) as { id: string; reference: string };
    const confirmationMail = await e.smtp.waitForMail((m) => m.to.includes(intake.initiator.email) && m.subject.includes(reference));
    const token = /\/inloggen\/link#(\S+)/.exec(confirmationMail.text)?.[1];
    const redeemed = await pub.request.post(`${e.baseUrl}/api/v1/auth/login-links/redeem`, { data: { token } });
    if (!redeemed.ok()) throw new Error(`confirming ${reference}: ${redeemed.status()}`);
    return { id, reference, confirmationMail };
  } finally {
    await pub.close();
  }
}

/** The coordinator assigns the case to a director, who takes it through intake into planning (over the API). */
export async function intoPlanning(e: E2E, caseId: string, directorEmail: string): Promise<void> {
  const coordinator = await apiAs(e, 'coordinator@voorbeeld.nl');
  const directors = await coordinator.call<{ items: { id: string; email: string }[] }>('GET', '/users?role=director');
  const director = directors.items.find((u) => u.email === directorEmail);
  if (!director) throw new Error(`no director ${directorEmail}`);
  const c0 = await coordinator.call<{ version: number }>('GET', `/cases/${caseId}`);
  await coordinator.call('PUT', `/cases/${caseId}/director`, { directorId: director.id }, c0.version);
  await coordinator.close();
  const api = await apiAs(e, directorEmail);
  const c1 = await api.call<{ version: number }>('GET', `/cases/${caseId}`);
  const c2 = await api.call<{ version: number }>('POST', `/cases/${caseId}/status`, { status: 'intake' }, c1.version);
  await api.call('POST', `/cases/${caseId}/status`, { status: 'planning' }, c2.version);
  await api.close();
}

/** The admin of the demo municipality, who sets up the logins and the koppelingen. */
export const VOORBEELD_ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin' && s.login)?.email as string;

/**
 * The demo's admin sets up a login through OpenID Connect (docs/product.md#logging-in-through-openid-connect)
 * against a provider on this machine, over the API as the settings page does. DigiD asks
 * for at least the "substantieel" level.
 */
export async function configureLogin(e: E2E, kind: 'staff' | 'digid' | 'eherkenning', i: TestIssuer, identifierClaim: string): Promise<void> {
  const admin = await apiAs(e, VOORBEELD_ADMIN);
  const minLevel = kind === 'digid' ? { minLevel: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract' } : {};
  await admin.call('PUT', `/login-settings/${kind}`, { issuer: i.issuer, clientId: i.clientId, clientSecret: i.clientSecret, identifierClaim, ...minLevel });
  await admin.close();
}

/**
 * Address suggestions from a local fake of PDOK's Locatieserver (docs/geo.md): Regie's
 * proxy asks it instead of PDOK, so nothing reaches the internet. Close it after the test.
 */
export async function useFakeLocatieserver(e: E2E): Promise<FakeLocatieserver> {
  const fake = await startFakeLocatieserver();
  e.regie.deps.config.addressSearchUrl = fake.url;
  return fake;
}

/** The intake page of the demo municipality with its map, in a context of the given width. */
export async function openIntake(e: E2E, width: number, ctx?: BrowserContext): Promise<Page> {
  const page = await openPage(e, ctx ?? (await e.browser.newContext({ viewport: { width, height: 900 } })), '/voorbeeld/aanvragen');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('application', { name: 'Kaart: kies een punt' }).waitFor();
  return page;
}

/** Fills in who asks and what on the intake page (the place is left to the test). */
export async function fillQuestion(page: Page, q: { name: string; email: string; title: string; description?: string }): Promise<void> {
  await page.getByLabel('Naam', { exact: true }).fill(q.name);
  await page.getByLabel('E-mailadres').fill(q.email);
  await page.getByLabel(/^Titel/).fill(q.title);
  await page.getByLabel(/^Beschrijf in uw eigen woorden/).fill(q.description ?? 'Graag een bankje bij de ingang, voor wie even moet uitrusten.');
}

/** Sends the intake form with the keyboard and returns the reference the confirmation shows. */
export async function submitIntakeWithKeyboard(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Versturen' }).focus();
  await page.keyboard.press('Enter');
  const confirmation = page.getByText(/VB-\d{4}-\d{6}/).first();
  await confirmation.waitFor();
  return /VB-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0] as string;
}
