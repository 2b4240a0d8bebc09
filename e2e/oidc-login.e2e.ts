// Logging in through OpenID Connect in Chromium (docs/product.md#logging-in-through-openid-connect):
// a real provider on this machine plays the DigiD broker and the municipality's staff
// sign-on. A resident logs in with DigiD from the intake page, files a question and
// finds it on "Mijn zaken"; a member of staff logs in with the organisation account.
// axe checks the pages at 1280 and 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NABURG, VOORBEELD } from '../src/demo/data.js';
import { startTestIssuer, type TestIssuer } from '../src/testing/oidc-issuer.js';
import { apiAs, configureLogin, type E2E, expectAccessible, fillQuestion, loginAs, startE2E } from './support.js';

let e: E2E;
let broker: TestIssuer;
let sso: TestIssuer;
let ehk: TestIssuer | undefined;
const DIRECTOR = VOORBEELD.staff.find((s) => s.role === 'director' && s.login);

const ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin' && s.login);
const NABURG_ADMIN = NABURG.staff.find((s) => s.role === 'admin' && s.login);

beforeAll(async () => {
  e = await startE2E();
  broker = await startTestIssuer({
    publicUrl: e.baseUrl,
    accounts: { resident: { claims: { bsn: '111222333' }, acr: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' } },
    defaultAccount: 'resident',
  });
  sso = await startTestIssuer({ publicUrl: e.baseUrl, accounts: { staff: { claims: { email: DIRECTOR?.email } } }, defaultAccount: 'staff' });
  await configureLogin(e, 'digid', broker, 'bsn');
  await configureLogin(e, 'staff', sso, 'email');
}, 120_000);

afterAll(async () => {
  await Promise.all([broker?.close(), sso?.close(), ehk?.close()]);
  await e?.close();
});

describe('logging in through OpenID Connect', () => {
  it('a resident logs in with DigiD, files a question and sees it on "Mijn zaken"', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/${VOORBEELD.slug}/aanvragen`);
    const digid = page.getByRole('button', { name: 'Inloggen met DigiD' });
    await digid.waitFor();
    await expect(page.getByRole('button', { name: 'Inloggen met eHerkenning' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'intake with DigiD');
    await digid.click();
    await page.waitForURL('**/mijn-zaken');
    await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
    await page.getByText('U heeft nog geen zaken.').waitFor();

    await page.goto(`${e.baseUrl}/${VOORBEELD.slug}/aanvragen`);
    await fillQuestion(page, {
      name: 'Ria Inwoner',
      email: 'ria.digid@example.nl',
      title: 'Bankje bij de speeltuin',
      description: 'Graag een bankje bij de speeltuin aan de Lindenlaan, voor de ouders.',
    });
    await page.getByLabel(/^(Locatie|Adres)/).fill('Lindenlaan 4');
    await expect(page.getByRole('button', { name: 'Inloggen met DigiD' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'aanvragen' }).first().waitFor();

    await page.goto(`${e.baseUrl}/mijn-zaken`);
    await page.getByRole('link', { name: /Bankje bij de speeltuin/ }).waitFor();
    await expectAccessible(page, 'mijn zaken after DigiD');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'mijn zaken after DigiD (320 px)');
    await ctx.close();
  });

  it('a member of staff logs in with the organisation account; the municipality picker lists only municipalities that set it up', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    // The demo has two municipalities, but only one has single sign-on: no picker, the button at once.
    const listed = await ctx.request.get(`${e.baseUrl}/api/v1/auth/login-municipalities`);
    expect(((await listed.json()).items as { slug: string }[]).map((m) => m.slug)).toEqual([VOORBEELD.slug]);
    await page.goto(`${e.baseUrl}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen met uw organisatieaccount' }).waitFor();
    await expect(page.getByLabel('Gemeente van uw organisatieaccount').count()).resolves.toBe(0);
    // Likewise DigiD: one municipality has it, so its button without a picker.
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).waitFor();
    await expect(page.getByLabel('Gemeente voor DigiD of eHerkenning').count()).resolves.toBe(0);

    // With a second municipality set up, staff choose theirs first, among those two only.
    const naburgAdmin = await apiAs(e, NABURG_ADMIN?.email as string);
    await naburgAdmin.call('PUT', '/login-settings/staff', {
      issuer: sso.issuer,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      identifierClaim: 'email',
    });
    await naburgAdmin.close();
    await page.goto(`${e.baseUrl}/inloggen`);
    const choose = page.getByLabel('Gemeente van uw organisatieaccount');
    await choose.waitFor();
    const offered = (await choose.locator('option').allInnerTexts()).filter((o) => o !== 'Kies een gemeente');
    expect(offered.sort()).toEqual([NABURG.name, VOORBEELD.name].sort());
    await expect(page.getByRole('button', { name: 'Inloggen met uw organisatieaccount' }).count()).resolves.toBe(0);
    await choose.selectOption({ label: VOORBEELD.name });
    const button = page.getByRole('button', { name: 'Inloggen met uw organisatieaccount' });
    await button.waitFor();
    await expectAccessible(page, 'login with organisation account');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'login with organisation account (320 px)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await button.click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen') && u.origin === e.baseUrl);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.email).toBe(DIRECTOR?.email);
    await ctx.close();
  });

  it('an entrepreneur logs in with eHerkenning from a branch; the case names branch and person, and the admin reveals the number for the audit', async () => {
    ehk = await startTestIssuer({
      publicUrl: e.baseUrl,
      accounts: {
        anna: {
          claims: { kvk: '12345678', vestigingsnummer: '000012345678', name: 'Anna de Vries', company: 'Bakkerij Jansen' },
          acr: 'urn:etoegang:core:assurance-class:loa3',
        },
      },
      defaultAccount: 'anna',
    });
    await configureLogin(e, 'eherkenning', ehk, 'kvk');

    const ctx = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/${VOORBEELD.slug}/aanvragen`);
    await page.getByRole('button', { name: 'Inloggen met eHerkenning' }).click();
    await page.waitForURL('**/mijn-zaken');
    await page.getByText('U bent ingelogd met eHerkenning namens Bakkerij Jansen (KvK 12345678), vestiging 000012345678 door Anna de Vries.').waitFor();

    await page.goto(`${e.baseUrl}/${VOORBEELD.slug}/aanvragen`);
    await fillQuestion(page, {
      name: 'Anna de Vries',
      email: 'anna@bakkerij-jansen.example.nl',
      title: 'Terras voor de bakkerij',
      description: 'Wij willen een klein terras voor de bakkerij aan de Dorpsstraat.',
    });
    await page.getByLabel(/^(Locatie|Adres)/).fill('Dorpsstraat 10');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'aanvragen' }).first().waitFor();
    await page.goto(`${e.baseUrl}/mijn-zaken`);
    const link = page.getByRole('link', { name: /Terras voor de bakkerij/ });
    await link.waitFor();
    await expectAccessible(page, 'mijn zaken with eHerkenning');
    const caseId = ((await link.getAttribute('href')) as string).split('/').pop() as string;
    await link.click();
    await page.getByText('namens Bakkerij Jansen (KvK 12345678), vestiging 000012345678 door Anna de Vries').waitFor();
    await ctx.close();

    // Staff see it in the initiator block; the admin reveals the number with a reason, and the log says so.
    const staffPage = await loginAs(e, ADMIN?.email as string);
    await staffPage.goto(`${e.baseUrl}/zaken/${caseId}`);
    await staffPage.getByText('namens Bakkerij Jansen (KvK 12345678), vestiging 000012345678 door Anna de Vries').waitFor();
    await staffPage.getByRole('button', { name: 'Nummer tonen' }).click();
    await staffPage.getByText('Vul een reden in.').first().waitFor();
    await staffPage.getByLabel('Reden').fill('Controle door de functionaris gegevensbescherming');
    await staffPage.getByRole('button', { name: 'Nummer tonen' }).click();
    await staffPage.getByText('Getoond en vastgelegd in het logboek inzage persoonsgegevens.').waitFor();
    await expectAccessible(staffPage, 'case page after revealing the number');
    await staffPage.goto(`${e.baseUrl}/beheer/inzage`);
    await staffPage
      .getByText(/BSN of KvK-nummer getoond \(reden: Controle door de functionaris gegevensbescherming\)/)
      .first()
      .waitFor();
    await staffPage.context().close();
  });

  it('the administrator sees the login settings, never the client secret', async () => {
    const page = await loginAs(e, ADMIN?.email as string);
    await page.goto(`${e.baseUrl}/beheer/instellingen`);
    await page.getByRole('heading', { name: 'Inloggen via organisatieaccount, DigiD en eHerkenning' }).waitFor();
    await page.getByRole('button', { name: 'Instelling voor DigiD opslaan' }).waitFor();
    await expect(page.getByText('Er is een secret opgeslagen.', { exact: false }).count()).resolves.toBe(3);
    expect(await page.locator('body').innerText()).not.toContain(broker.clientSecret);
    for (const input of await page.locator('input').all()) expect(await input.inputValue()).not.toBe(broker.clientSecret);
    await expectAccessible(page, 'login settings');
    await page.context().close();
  });
});
