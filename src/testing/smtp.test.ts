import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from './smtp.js';

const subject = 'Uw aanvraag is ontvangen — één regisseur';
// Long enough (and with long words) to force soft line breaks in the encoding.
const longLine = `${'Zorg en ondersteuning voor inwoners van de gemeente, ‘één plan’. '.repeat(12)}${'x'.repeat(200)}`;
const text = `Beste mevrouw De Vries,\n\n${subject}.\n${longLine}\n\nMet vriendelijke groet,\nGemeente Ülvenhout`;

describe('startSmtpTestServer', () => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.stop());
  afterEach(() => smtp.clear());

  it('captures a plain-text mail with decoded subject and body', async () => {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({
      from: 'Gemeente Regie <noreply@regie.test>',
      to: 'Inwoner Één <inwoner@example.nl>, tweede@example.nl',
      bcc: 'archief@regie.test',
      subject,
      text,
    });

    const mail = await smtp.waitForMail((m) => m.subject === subject);
    expect(mail.raw).toMatch(/Content-Transfer-Encoding: quoted-printable/);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(text);
    expect(mail.from).toBe('Gemeente Regie <noreply@regie.test>');
    expect(mail.to).toEqual(['inwoner@example.nl', 'tweede@example.nl']);
    expect(mail.envelopeTo).toEqual(['inwoner@example.nl', 'tweede@example.nl', 'archief@regie.test']);
    // The wire format really was encoded: no line over the SMTP limit.
    expect(Math.max(...mail.raw.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('takes the text part of a multipart/alternative mail and decodes base64', async () => {
    const transport = nodemailer.createTransport(smtp.url);
    const waiting = smtp.waitForMail((m) => m.to.includes('html@example.nl'));
    await transport.sendMail({
      from: 'noreply@regie.test',
      to: 'html@example.nl',
      subject: 'Één integrale toets',
      text,
      html: `<p>${text}</p>`,
      textEncoding: 'base64',
    });

    const mail = await waiting; // registered before the mail arrived
    expect(mail.raw).toMatch(/multipart\/alternative/);
    expect(mail.subject).toBe('Één integrale toets');
    expect(mail.text).toBe(text);
  });

  it('rejects waitForMail after the timeout, listing what did arrive', async () => {
    await nodemailer.createTransport(smtp.url).sendMail({ from: 'a@regie.test', to: 'b@regie.test', subject: 'Iets anders', text: 'x' });
    await expect(smtp.waitForMail((m) => m.subject === 'Nooit', 100)).rejects.toThrow(/no matching mail within 100 ms; received 1: "Iets anders"/);
  });
});
