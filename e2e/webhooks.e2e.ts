// Koppelingen / Webhooks in Chromium (docs/product.md#webhooks): the demo's admin fills
// in the municipality's OIN, adds a webhook to a local receiver, sees its secret once
// (and not after a reload), sends a test message and sees it delivered in the log;
// the receiver verifies the signature with that secret. axe checks the page at 1280
// and 320 px.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOORBEELD } from '../src/demo/data.js';
import { type E2E, expectAccessible, loginAs, region, startE2E } from './support.js';

/** The other system: a local HTTP server that keeps what it is sent and answers 204. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zaaksysteem/regie`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let e: E2E;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  e = await startE2E();
  // A receiver on this machine speaks plain http: the installation allows it here.
  e.regie.deps.config.webhooks.allowHttp = true;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await e?.close();
});

const ADMIN = VOORBEELD.staff.find((s) => s.role === 'admin');

describe('webhooks', () => {
  it('the admin adds a webhook, keeps its secret once, and sees the test message delivered', async () => {
    const page = await loginAs(e, ADMIN?.email as string);
    await page.goto(`${e.baseUrl}/beheer`);
    await page.getByRole('link', { name: 'Koppelingen / Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koppelingen / Webhooks' }).waitFor();
    await expectAccessible(page, 'webhooks');

    await page.getByLabel('OIN van de gemeente').fill('00000001001234567000');
    await page.getByRole('button', { name: 'OIN opslaan' }).click();
    await page.getByText('Bron van de berichten: urn:nld:oin:00000001001234567000:systeem:regie').waitFor();

    const form = region(page, 'Nieuwe webhook');
    await form.getByLabel('Adres (URL)').fill(receiver.url);
    await form.getByLabel(/^Omschrijving/).fill('Zaaksysteem');
    await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhooks, with the secret shown');
    await page.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
    await expect(secretBox.count()).resolves.toBe(0);

    // Once only: after a reload the page does not hold it.
    await page.reload();
    await page.getByRole('table', { name: /^Webhooks van de gemeente/ }).waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain(secret.slice(6));

    await page.getByRole('button', { name: `Testbericht naar ${receiver.url}` }).click();
    const log = region(page, `Afleverlog: ${receiver.url}`);
    await log.waitFor();
    // Delivered by the outbox worker; refresh the log until it says so.
    const deadline = Date.now() + 15_000;
    while (!(await log.getByText('Afgeleverd').count())) {
      if (Date.now() > deadline) throw new Error('the test message was not delivered within 15 s');
      await log.getByRole('button', { name: 'Ververs' }).click();
      await page.waitForTimeout(250);
    }
    await expect(log.getByRole('cell', { name: 'test', exact: true }).count()).resolves.toBe(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    const event = new Webhook(secret).verify(got?.body ?? '', got?.headers as Record<string, string>) as { type: string; source: string };
    expect(event).toMatchObject({ type: 'nl.voorbeeld.regie.test', source: 'urn:nld:oin:00000001001234567000:systeem:regie' });
    await expectAccessible(page, 'webhooks with the delivery log');

    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'webhooks (320 px)');
  });
});
