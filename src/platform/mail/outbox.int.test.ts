// The mail outbox on a real database with a real SMTP server: written in the
// transaction of the change, sent after commit, retried after a failure, never lost.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality } from '../../testing/factories.js';
import { startSmtpTestServer } from '../../testing/smtp.js';
import { deliverDue, enqueueMail, enqueueMails, fileTransport, messageIdFor, retryDelaySeconds, smtpTransport, startOutboxWorker } from './outbox.js';

const { db } = withTestDb();

const pending = (mId: string) =>
  db.unsafeAdmin.selectFrom('outbox').select(['status', 'attempts', 'last_error', 'next_attempt_at']).where('municipality_id', '=', mId).execute();

describe('outbox', () => {
  it('writes nothing when the transaction rolls back', async () => {
    const m = await buildMunicipality(db);
    await expect(
      db.tenant(m.id, async (trx) => {
        await enqueueMail(trx, { municipalityId: m.id, to: 'a@example.nl', subject: 'x', text: 'y' });
        throw new Error('use-case failed');
      }),
    ).rejects.toThrow('use-case failed');
    expect(await pending(m.id)).toEqual([]);
  });

  it('sends over SMTP after commit, woken by the commit itself', async () => {
    const smtp = await startSmtpTestServer();
    const m = await buildMunicipality(db);
    const worker = startOutboxWorker(db, smtpTransport(smtp.url), 'Regie <regie@test>', { now: () => new Date() }, 3_600_000);
    try {
      await db.tenant(m.id, (trx) =>
        enqueueMail(trx, { municipalityId: m.id, to: 'henk@example.nl', subject: 'Ontvangen: VB-2026-000001', text: 'Beste Henk, één regisseur.' }),
      );
      // No timer tick within the test: only the after-commit wake-up can deliver it.
      const mail = await smtp.waitForMail((x) => x.subject === 'Ontvangen: VB-2026-000001');
      expect(mail.to).toEqual(['henk@example.nl']);
      expect(mail.text).toContain('één regisseur');
      await worker.flush();
      expect((await pending(m.id)).map((r) => r.status)).toEqual(['sent']);
    } finally {
      await worker.stop();
      await smtp.stop();
    }
  });

  it('keeps a mail pending with back-off when the server is down, and sends it later', async () => {
    const m = await buildMunicipality(db);
    const clock = fixedClock(new Date(Date.now() + 60_000)); // the row is due from now()
    await db.tenant(m.id, (trx) => enqueueMail(trx, { municipalityId: m.id, to: 'later@example.nl', subject: 'Later', text: 'Tekst' }));
    // Nothing listens on port 9 of loopback: the send fails.
    await deliverDue(db, smtpTransport('smtp://127.0.0.1:9'), 'r@test', clock);
    const [failed] = await pending(m.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed?.last_error).toBeTruthy();
    expect(failed?.next_attempt_at.getTime()).toBe(clock.now().getTime() + retryDelaySeconds(1) * 1000);

    const smtp = await startSmtpTestServer();
    try {
      // Not yet due: nothing is sent.
      expect(await deliverDue(db, smtpTransport(smtp.url), 'r@test', clock)).toBe(0);
      clock.set(new Date(clock.now().getTime() + 31_000));
      expect(await deliverDue(db, smtpTransport(smtp.url), 'r@test', clock)).toBeGreaterThanOrEqual(1);
      expect(smtp.messages.map((x) => x.subject)).toContain('Later');
      expect((await pending(m.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await smtp.stop();
    }
  });

  it('writes .eml files when no SMTP server is configured', async () => {
    const m = await buildMunicipality(db);
    const dir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    await db.tenant(m.id, (trx) => enqueueMail(trx, { municipalityId: m.id, to: 'file@example.nl', subject: 'Bestand', text: 'In een bestand' }));
    await deliverDue(db, fileTransport(dir), 'r@test', { now: () => new Date(Date.now() + 86_400_000) });
    const files = readdirSync(dir);
    const contents = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(contents.some((c) => c.includes('To: file@example.nl') && c.includes('In een bestand'))).toBe(true);
  });

  it('writes one file for a row that is delivered twice (a crash between writing it and marking it sent)', async () => {
    const m = await buildMunicipality(db);
    const dir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    await db.tenant(m.id, (trx) => enqueueMail(trx, { municipalityId: m.id, to: 'twice@example.nl', subject: 'Ontvangen: twee keer?', text: 'Eén keer.' }));
    const row = await db.unsafeAdmin.selectFrom('outbox').selectAll().where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
    const transport = fileTransport(dir);
    const mail = { from: 'r@test', to: row.to_address, subject: row.subject, text: row.body_text, messageId: messageIdFor(row, 'regie.test') };
    await transport.send(mail);
    await transport.send(mail); // as after the lease ran out
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0] as string), 'utf8')).toMatch(/^Message-ID: <outbox\.\d+\.[0-9a-z]+@regie\.test>$/m);
  });

  it('keeps a line break in a subject inside the Subject header of the .eml file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    await fileTransport(dir).send({ from: 'r@test', to: 'a@example.nl', subject: 'Zaak\r\nBcc: x@y.nl', text: 'Tekst', messageId: '<injectie@regie.test>' });
    const eml = readFileSync(join(dir, readdirSync(dir)[0] as string), 'utf8');
    const head = eml.slice(0, eml.indexOf('\n\n'));
    // Unfold continuation lines, then every header line is a header of its own.
    const headers = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
    expect(headers.filter((h) => /^bcc:/i.test(h))).toEqual([]);
    expect(headers.filter((h) => /^subject:/i.test(h))).toHaveLength(1);
    expect(headers.find((h) => /^subject:/i.test(h))).toContain('Bcc: x@y.nl');
  });

  it('drains a burst in one run, without waiting for the next tick', async () => {
    const m = await buildMunicipality(db);
    const dir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
    const burst = Array.from({ length: 200 }, (_, i) => ({ municipalityId: m.id, to: `burst${i}@example.nl`, subject: `Burst ${i}`, text: 'x' }));
    await db.tenant(m.id, (trx) => enqueueMails(trx, burst));
    // An interval of an hour: only the one run of flush() can deliver them.
    const worker = startOutboxWorker(db, fileTransport(dir), 'r@test', { now: () => new Date(Date.now() + 86_400_000) }, 3_600_000);
    try {
      expect(await worker.flush()).toBeGreaterThanOrEqual(200);
    } finally {
      await worker.stop();
    }
    const rows = await pending(m.id);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // Other tests' due rows of this database may be delivered by the same run.
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(200);
  });

  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [20, 3600], // capped at an hour, retried forever
  ])('back-off after attempt %i is %i s', (attempt, seconds) => {
    expect(retryDelaySeconds(attempt)).toBe(seconds);
  });
});
