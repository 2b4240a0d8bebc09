// Staff accounts and fresh links in Chromium (docs/product.md#staff-accounts,
// docs/product.md#links-in-mail): a new staff member follows the invitation and sets a
// password, keeps a phone number on "Mijn account" and changes the password there,
// forgets it and sets a new one through the mailed link; an initiator whose mailed
// link has expired asks for a new one in one click and follows it to the case page.
// Mail comes from a local SMTP server; axe checks every page on the way.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken, sha256, toActor } from '../src/modules/identity/index.js';
import { createUser } from '../src/modules/organisation/index.js';
import { ctxFor } from '../src/testing/factories.js';
import { type E2E, expectAccessible, openPage, startE2E } from './support.js';

const NEW_STAFF = 'nina.nieuw.e2e@voorbeeld.nl';
const FIRST = 'mijn eerste wachtwoord';
const SECOND = 'mijn tweede wachtwoord';
const THIRD = 'mijn derde wachtwoord!';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+/${path}#\\S+`).exec(text)?.[0] ?? '';

async function staffLogin(page: Page, email: string, password: string) {
  await page.goto(`${e.baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').first().fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('staff accounts in the browser', () => {
  it('a new staff member sets a password through the invitation, then keeps a phone number and changes the password', async () => {
    const admin = await e.regie.deps.db.unsafeAdmin.selectFrom('users').selectAll().where('email', '=', 'beheer@voorbeeld.nl').executeTakeFirstOrThrow();
    await createUser(ctxFor(e.regie.deps, toActor(admin, 'token')), { email: NEW_STAFF, name: 'Nina Nieuw', role: 'director' });
    const invite = await e.smtp.waitForMail((m) => m.to.includes(NEW_STAFF));
    expect(invite.subject).toContain('nodigt u uit voor Regie');
    const link = linkIn(invite.text, 'wachtwoord/instellen');
    expect(link).not.toBe('');

    const page = await openPage(e, await e.browser.newContext(), link.slice(link.indexOf('/wachtwoord')));
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor();
    await expectAccessible(page, 'wachtwoord instellen');
    await page.getByLabel('Nieuw wachtwoord').fill(FIRST);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(FIRST);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/wachtwoord'));

    await page.goto(`${e.baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByLabel('Telefoonnummer').waitFor();
    await expectAccessible(page, 'mijn account');
    await page.getByLabel('Telefoonnummer').fill('010 765 43 21');
    await page.getByRole('button', { name: 'Telefoonnummer opslaan' }).click();
    await page.getByText('Uw telefoonnummer is opgeslagen.').waitFor();
    await page.getByLabel('Huidig wachtwoord').fill(FIRST);
    await page.getByLabel('Nieuw wachtwoord').fill(SECOND);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    const phone = await e.regie.deps.db.unsafeAdmin.selectFrom('users').select('phone').where('email', '=', NEW_STAFF).executeTakeFirstOrThrow();
    expect(phone.phone).toBe('010 765 43 21');

    const other = await openPage(e, await e.browser.newContext(), '/inloggen');
    await staffLogin(other, NEW_STAFF, SECOND);
    await other.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
  });

  it('a staff member who forgot the password asks for a link and sets a new one', async () => {
    const page = await openPage(e, await e.browser.newContext(), '/inloggen');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await expectAccessible(page, 'wachtwoord vergeten');
    await page.getByLabel('E-mailadres').fill(NEW_STAFF);
    await page.getByRole('button', { name: 'Stuur link' }).click();
    await page.getByText(/ontvangt u binnen enkele minuten een e-mail met een link/).waitFor();
    const mail = await e.smtp.waitForMail((m) => m.to.includes(NEW_STAFF) && m.subject === 'Een nieuw wachtwoord voor Regie');
    const link = linkIn(mail.text, 'wachtwoord/instellen');
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill(THIRD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(THIRD);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/wachtwoord'));

    const again = await openPage(e, await e.browser.newContext(), '/inloggen');
    await staffLogin(again, NEW_STAFF, THIRD);
    await again.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
  });
});

describe('an expired link in an initiator’s mail', () => {
  it('offers a new link in one click, mailed to the same address, that opens the case', async () => {
    const db = e.regie.deps.db.unsafeAdmin;
    const c = await db
      .selectFrom('cases as c')
      .innerJoin('users as u', 'u.id', 'c.initiator_id')
      .select(['c.id', 'c.municipality_id', 'u.id as userId', 'u.email'])
      .where('c.status', '=', 'planning')
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    const token = newToken();
    await db
      .insertInto('login_links')
      .values({
        token_hash: sha256(token),
        municipality_id: c.municipality_id,
        user_id: c.userId,
        case_id: c.id,
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .execute();
    e.smtp.clear();

    const page = await openPage(e, await e.browser.newContext(), `/inloggen/link#${token}`);
    const resend = page.getByRole('button', { name: 'Stuur mij een nieuwe link' });
    await resend.waitFor();
    await expectAccessible(page, 'verlopen inloglink');
    await resend.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/ontvangt u binnen enkele minuten een e-mail met een nieuwe link/).waitFor();
    const mail = await e.smtp.waitForMail((m) => m.subject === 'Uw nieuwe link voor Regie');
    expect(mail.envelopeTo).toEqual([c.email]);
    const fresh = linkIn(mail.text, 'inloggen/link');
    // The mail is opened anew, as from a mail program: a fresh tab.
    const followed = await openPage(e, await e.browser.newContext(), fresh.slice(fresh.indexOf('/inloggen')));
    await followed.waitForURL(`**/mijn-zaak/${c.id}`);
  });
});
