// Attachments in Chromium (docs/product.md#attachments): a resident sends a question
// with a drawing (a PDF) on the public intake page, at 1280 and at 320 px; the
// coordinator opens the case, finds the drawing under "Bijlagen" and downloads it: the
// same bytes, as an attachment, never shown as a page. axe checks every page on the way.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, fillQuestion, loginAs, openPage, startE2E } from './support.js';

const DRAWING = 'src/modules/attachments/fixtures/tekening.pdf';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('a drawing with the question', () => {
  for (const width of [1280, 320]) {
    it(`is sent with the intake and downloaded by staff (${width} px)`, async () => {
      const resident = await e.browser.newContext({ viewport: { width, height: 900 } });
      const intake = await openPage(e, resident, '/voorbeeld/aanvragen');
      await intake.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(intake, `aanvragen (${width} px)`);
      await fillQuestion(intake, {
        name: 'Sanne de Bruin',
        email: `sanne.${width}@example.nl`,
        title: `Een dakkapel aan de achterkant (${width})`,
        description: 'Wij willen een dakkapel plaatsen; de tekening zit erbij.',
      });
      await intake.getByLabel(/^(Locatie|Adres)/).fill('Lindelaan 4');
      await intake.getByLabel(/^Tekeningen, foto’s of PDF’s/).setInputFiles(DRAWING);
      await intake.getByRole('button', { name: 'Versturen' }).click();
      const confirmation = intake.getByText(/VB-\d{4}-\d{6}/).first();
      await confirmation.waitFor();
      const reference = /VB-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0] as string;
      // every file came along: no warning about files left behind
      await expect(intake.getByText(/kwamen niet mee/).count()).resolves.toBe(0);
      await expectAccessible(intake, `aanvraag ontvangen (${width} px)`);
      await resident.close();

      const staff = await loginAs(e, 'coordinator@voorbeeld.nl');
      await staff.setViewportSize({ width, height: 900 });
      await staff.goto(`${e.baseUrl}/zaken?q=${reference}`);
      await staff
        .getByRole('link', { name: new RegExp(reference) })
        .first()
        .click();
      const files = staff.getByRole('region', { name: 'Bijlagen', exact: true });
      const link = files.getByRole('link', { name: /^tekening\.pdf downloaden/ });
      await link.waitFor();
      await expectAccessible(staff, `zaak met bijlage (${width} px)`);
      // keyboard: the download link is reachable and named
      await link.focus();
      await expect(staff.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/^tekening\.pdf downloaden/);
      const [download] = await Promise.all([staff.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('tekening.pdf');
      const path = await download.path();
      expect(sha(readFileSync(path))).toBe(sha(readFileSync(DRAWING)));
      // the headers a download is sent with: an attachment, sandboxed, not sniffed
      const href = (await link.getAttribute('href')) as string;
      const res = await staff.request.get(`${e.baseUrl}${href}`);
      expect(res.headers()['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers()['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
      await staff.context().close();
    }, 180_000);
  }
});
