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
import { deliverDue, enqueueMail, fileTransport, retryDelaySeconds, smtpTransport, startOutboxWorker } from './outbox.js';

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

  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [20, 3600], // capped at an hour, retried forever
  ])('back-off after attempt %i is %i s', (attempt, seconds) => {
    expect(retryDelaySeconds(attempt)).toBe(seconds);
  });
});
