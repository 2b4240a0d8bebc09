// A plan that commits the municipality (docs/product.md#agreeing-a-plan-within-mandate),
// in Chromium: the director records the amount the plan promises and an exemption from a
// register rule, picked from the register; after saving, the page says which mandates the
// director lacks to agree on behalf of the municipality, and the agree button waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, fileConfirmedIntake, intoPlanning, loginAs, region, startE2E } from './support.js';

const DIRECTOR = 's.jansen@voorbeeld.nl';
let e: E2E;
let caseId: string;
let rule: { code: string; title: string };

beforeAll(async () => {
  e = await startE2E();
  ({ id: caseId } = await fileConfirmedIntake(e, {
    initiator: { name: 'Joke Bakker', email: 'joke.plan.e2e@example.nl' },
    title: 'Buurthuis in de oude bibliotheek',
    description: 'Wij willen de oude bibliotheek als buurthuis gebruiken, met steun van de gemeente.',
    location: 'Bibliotheekplein 1',
  }));
  await intoPlanning(e, caseId, DIRECTOR);
  const api = await apiAs(e, DIRECTOR);
  const today = new Date().toISOString().slice(0, 10);
  const rules = await api.call<{ items: { code: string; title: string }[] }>('GET', `/rules?validOn=${today}`);
  await api.close();
  expect(rules.items.length).toBeGreaterThan(0);
  rule = rules.items[0] as { code: string; title: string };
});
afterAll(async () => {
  await e?.close();
});

describe('a plan that commits the municipality', () => {
  it('records the amount and an exemption picked from the register, and says which mandates are missing to agree', async () => {
    const page = await loginAs(e, DIRECTOR);
    await page.goto(`${e.baseUrl}/zaken/${caseId}/plan`);
    await page.getByLabel('Doel').fill('De oude bibliotheek wordt een buurthuis');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByLabel('Actie 1 omschrijving').fill('Huurovereenkomst opstellen');
    await page.getByLabel('Actie 1 eigenaar').selectOption({ label: 'Initiatiefnemer' });
    await page.getByLabel('Actie 1 uiterlijk klaar').fill('2027-03-01');
    // A bad amount is named in the form before anything is sent.
    await page.getByLabel(/^Bedrag dat de gemeente met dit plan toezegt/).fill('veel geld');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page
      .getByRole('link', { name: /Bedrag dat de gemeente/ })
      .first()
      .waitFor();
    await page.getByLabel(/^Bedrag dat de gemeente met dit plan toezegt/).fill('2500,50');
    await page
      .getByRole('group', { name: /Ontheffingen die dit plan verleent/ })
      .getByLabel(new RegExp(`^${rule.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `))
      .check();
    await expectAccessible(page, 'plan met toezeggingen');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText('Het plan is opgeslagen als versie 1.').waitFor();

    // Stored as entered, read back through the API.
    const api = await apiAs(e, DIRECTOR);
    const plan = await api.call<{ current: { commitsCents: number | null; exemptionRuleCodes: string[] }; missingMandates: { kind: string }[] }>(
      'GET',
      `/cases/${caseId}/plan`,
    );
    await api.close();
    expect(plan.current).toMatchObject({ commitsCents: 250050, exemptionRuleCodes: [rule.code] });
    expect(plan.missingMandates.map((m) => m.kind).sort()).toEqual(['agreePlan', 'commitMoney', 'grantExemption']);

    // The page says it before the director tries, and the button waits.
    const agree = region(page, 'Akkoord geven');
    await agree.getByText('Dit plan verplicht de gemeente.').waitFor();
    await agree.getByText(`Ontheffing verlenen van regel ${rule.code}`).waitFor();
    await agree.getByText(/Geld toezeggen tot en met €\s2\.500,50/).waitFor();
    expect(await agree.getByRole('button', { name: 'Akkoord geven (regisseur)' }).isDisabled()).toBe(true);
    // The form shows what was saved, so that saving again changes nothing unasked.
    expect(await page.getByLabel(/^Bedrag dat de gemeente met dit plan toezegt/).inputValue()).toBe('2500,50');
    await expectAccessible(page, 'plan: mandaten ontbreken');
  });
});
