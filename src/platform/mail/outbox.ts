// Transactional outbox for mail: a mail is a row written in the transaction of the
// change it reports, and delivered after commit by the worker. A failed delivery
// stays pending with a growing back-off: it is retried, never lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Clock } from '../../kernel/clock.js';
import { afterCommit, type Db, type Tx } from '../db/index.js';
import { startJob } from '../jobs.js';

export interface Mail {
  municipalityId: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** Listeners woken after a commit that wrote mail (the worker registers one). */
const wakers = new Set<() => void>();

export async function enqueueMail(trx: Tx, mail: Mail): Promise<void> {
  await trx.insertInto('outbox').values({ municipality_id: mail.municipalityId, to_address: mail.to, subject: mail.subject, body_text: mail.text }).execute();
  afterCommit(trx, () => {
    for (const wake of wakers) wake();
  });
}

/** Many mails in one statement (a job that closes rounds in batches), in the caller's transaction. */
export async function enqueueMails(trx: Tx, mails: readonly Mail[]): Promise<void> {
  if (!mails.length) return;
  for (let i = 0; i < mails.length; i += 500) {
    await trx
      .insertInto('outbox')
      .values(mails.slice(i, i + 500).map((m) => ({ municipality_id: m.municipalityId, to_address: m.to, subject: m.subject, body_text: m.text })))
      .execute();
  }
  afterCommit(trx, () => {
    for (const wake of wakers) wake();
  });
}

export function smtpTransport(url: string): MailTransport {
  const t = nodemailer.createTransport(url);
  return {
    async send(m) {
      await t.sendMail(m);
    },
  };
}

/** Without SMTP the demo still works: each mail becomes an .eml file in `dir`. */
export function fileTransport(dir: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  return {
    async send(m) {
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++seq}.eml`;
      const body = `From: ${m.from}\nTo: ${m.to}\nSubject: ${m.subject}\nContent-Type: text/plain; charset=utf-8\n\n${m.text}\n`;
      writeFileSync(join(dir, name), body, 'utf8');
    },
  };
}

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Deliver what is due. A row is claimed by pushing its next attempt five minutes
 * ahead (a lease) in a short transaction; the SMTP conversation happens outside any
 * transaction, so PGlite's single connection is never held while a mail server
 * answers. A process that dies mid-send leaves the lease to expire: the mail is
 * sent again rather than lost (at-least-once).
 */
export async function deliverDue(db: Db, transport: MailTransport, from: string, clock: Clock, limit = 25): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const row = await db.unsafeTransaction(async (trx) => {
      const due = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', clock.now())
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return undefined;
      await trx
        .updateTable('outbox')
        .set({ next_attempt_at: sql<Date>`${clock.now()}::timestamptz + interval '5 minutes'` })
        .where('id', '=', due.id)
        .execute();
      return due;
    });
    if (!row) break;
    const attempts = row.attempts + 1;
    try {
      await transport.send({ from, to: row.to_address, subject: row.subject, text: row.body_text });
      await db.unsafeAdmin.updateTable('outbox').set({ status: 'sent', sent_at: clock.now(), attempts }).where('id', '=', row.id).execute();
      delivered++;
    } catch (err) {
      await db.unsafeAdmin
        .updateTable('outbox')
        .set({
          attempts,
          last_error: String((err as Error)?.message ?? err).slice(0, 500),
          next_attempt_at: sql<Date>`${clock.now()}::timestamptz + make_interval(secs => ${retryDelaySeconds(attempts)})`,
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return delivered;
}

export interface OutboxWorker {
  /** Deliver now and wait for it (used by tests and at shutdown). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/** Deliver after each commit that wrote mail, and every `intervalMs` for retries that fall due. */
export function startOutboxWorker(db: Db, transport: MailTransport, from: string, clock: Clock, intervalMs = 5000): OutboxWorker {
  const job = startJob({ name: 'outbox: delivery round', intervalMs, firstRunAfterMs: null, run: () => deliverDue(db, transport, from, clock) });
  wakers.add(job.wake);
  return {
    flush: job.runNow,
    async stop() {
      wakers.delete(job.wake);
      await job.stop();
    },
  };
}
