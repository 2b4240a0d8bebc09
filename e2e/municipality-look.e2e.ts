// The municipality's own look in Chromium (docs/product.md#the-municipalitys-own-look):
// the admin sets a house colour, uploads a logo and fills in the contact details; every
// page then carries the colour as NL Design System tokens, the logo with its alt text in
// the header and the contact details in the footer, without breaking the content
// security policy. axe checks the pages on the way.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from './support.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#01689b"/></svg>';
/** The value of a CSS custom property on the root element, as the page computes it. */
const tokenOf = (page: Page, name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

describe("the municipality's own look", () => {
  it('applies the colour, logo and contact details the admin sets, on every page', async () => {
    const admin = await loginAs(e, 'beheer@voorbeeld.nl');
    const cspViolations: string[] = [];
    admin.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await admin.goto(`${e.baseUrl}/beheer/instellingen`);
    await admin.getByLabel('Huisstijlkleur').waitFor();

    // A colour white text is unreadable on is refused with the reason.
    await admin.getByLabel('Huisstijlkleur').fill('#ffcc00');
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await admin
      .getByText(/het contrast moet ten minste 4,5:1 zijn/)
      .first()
      .waitFor();

    await admin.getByLabel('Huisstijlkleur').fill('#01689b');
    await admin.getByLabel(/E-mailadres voor contact/).fill('info@voorbeeld.nl');
    await admin.getByLabel(/Telefoonnummer voor contact/).fill('14 030');
    await admin.getByLabel(/^Website/).fill('https://www.voorbeeld.nl');
    await admin.getByLabel(/^Logo/).setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(LOGO) });
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await admin.getByText('Huidig logo').waitFor();
    await expectAccessible(admin, 'instellingen met huisstijl');

    // Another page, freshly loaded: the tokens, the logo and the contact details are there.
    await admin.goto(`${e.baseUrl}/beheer`);
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => tokenOf(admin, '--utrecht-button-primary-action-background-color')).toBe('#01689b');
    expect(await tokenOf(admin, '--utrecht-link-color')).toBe('#01689b');
    const logo = admin.getByRole('banner').getByRole('img', { name: 'Logo Gemeente Voorbeeld' });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const footer = admin.getByRole('contentinfo');
    expect(await footer.getByRole('link', { name: 'info@voorbeeld.nl' }).getAttribute('href')).toBe('mailto:info@voorbeeld.nl');
    expect(await footer.getByRole('link', { name: '14 030' }).getAttribute('href')).toBe('tel:14030');
    expect(await footer.getByRole('link', { name: 'https://www.voorbeeld.nl' }).getAttribute('href')).toBe('https://www.voorbeeld.nl');
    await expectAccessible(admin, 'beheer met huisstijl');

    // Another staff member of the municipality sees the same look.
    const director = await loginAs(e, 's.jansen@voorbeeld.nl');
    await director.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => tokenOf(director, '--utrecht-button-primary-action-background-color')).toBe('#01689b');
    await director.getByRole('contentinfo').getByRole('link', { name: 'info@voorbeeld.nl' }).waitFor();
    expect(cspViolations).toEqual([]);

    // The public intake form of the municipality carries its look too.
    const visitor = await e.browser.newPage();
    await visitor.goto(`${e.baseUrl}/voorbeeld/aanvragen`);
    await visitor.getByRole('banner').getByRole('img', { name: 'Logo Gemeente Voorbeeld' }).waitFor();
    await expect.poll(() => tokenOf(visitor, '--utrecht-link-color')).toBe('#01689b');
    await visitor.getByRole('contentinfo').getByRole('link', { name: 'info@voorbeeld.nl' }).waitFor();
    await expectAccessible(visitor, 'aanvraagformulier met huisstijl');
    await visitor.close();
  });
});
