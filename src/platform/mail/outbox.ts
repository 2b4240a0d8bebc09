// Transactional outbox for mail: a mail is a row written in the transaction of the
// change it reports, and delivered after commit by the worker. A failed delivery
// stays pending with a growing back-off: it is retried, never lost.

import { existsSync, linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { doublingBackoffSeconds } from '../../kernel/backoff.js';
import type { Clock } from '../../kernel/clock.js';
import { afterCommit, type Db, type Tx } from '../db/index.js';
import { startJob } from '../jobs.js';
import { deadBefore } from '../processes.js';

export interface Mail {
  municipalityId: string;
  to: string;
  subject: string;
  text: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row (see `messageIdFor`): a second delivery of the row carries the same id. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * The Message-ID of an outbox row: the row id and its creation time (ids start again
 * in a fresh database) at the public host. The same row always gets the same id, so a
 * repeated delivery is recognisable as the same message.
 */
export function messageIdFor(row: { id: number; created_at: Date }, host: string): string {
  return `<outbox.${row.id}.${row.created_at.getTime().toString(36)}@${host}>`;
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

/**
 * How long a claimed row is left to its sender before another run may take it: a
 * process that died mid-send holds its rows no longer than this. Every SMTP timeout
 * below is well within it, so a live sender never loses its lease to another.
 */
export const LEASE_SECONDS = 60;

export function smtpTransport(url: string): MailTransport {
  const t = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(m) {
      await t.sendMail(m);
    },
  };
}

/**
 * Without SMTP the demo still works: each mail becomes an .eml file in `dir`, composed
 * by nodemailer like an SMTP message (headers encoded, a line break in a subject can
 * never start a header of its own). The file is named after the Message-ID and
 * created exclusively, and only once complete: a row delivered a second time (a crash
 * between writing and marking it sent) finds its file there and writes nothing.
 */
export function fileTransport(dir: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const file = join(dir, `${m.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9.@_-]/g, '_')}.eml`);
      if (existsSync(file)) return;
      const info = await composer.sendMail(m);
      // Written whole under a name of its own, then linked into place: a process killed
      // mid-write leaves no half file under the Message-ID that would count as delivered.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, info.message as Buffer);
      try {
        linkSync(partial, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        unlinkSync(partial);
      }
    },
  };
}

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return doublingBackoffSeconds(attempts, 3600);
}

/**
 * Deliver what is due, until nothing is (or the job stops). Each row is claimed and
 * marked before it is sent: in one short transaction its attempt is counted and its
 * next attempt pushed `LEASE_SECONDS` ahead (a lease, held by `owner`, this process),
 * so no other run takes it while it is sent. A lease whose owner has stopped beating
 * (processes.ts: not seen for a few heartbeats) is free before its time is up. The
 * SMTP conversation happens outside any transaction, so PGlite's single connection is
 * never held while a mail server answers. After the send the row is marked sent;
 * after a failure it waits with a growing back-off.
 *
 * The window that remains: a process that dies after the mail server accepted the mail
 * but before the row is marked sent leaves the row to its lease, and it is sent again
 * when the lease runs out or its owner is seen to be gone (at-least-once, never lost).
 * Both deliveries carry the same Message-ID, so the receiving side can recognise the
 * second. The file transport closes the window altogether: it never writes a
 * Message-ID twice.
 */
export async function deliverDue(
  db: Db,
  transport: MailTransport,
  from: string,
  clock: Clock,
  opts: {
    limit?: number;
    host?: string;
    stopping?: () => boolean;
    /** the id of this process (processes.ts): its leases carry it, and a dead owner's are free */
    owner?: string;
  } = {},
): Promise<number> {
  const host = opts.host ?? 'regie.invalid';
  let delivered = 0;
  for (let i = 0; i < (opts.limit ?? Number.POSITIVE_INFINITY) && !opts.stopping?.(); i++) {
    const row = await db.unsafeTransaction(async (trx) => {
      const due = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where((eb) => {
          const due = eb('next_attempt_at', '<=', clock.now());
          if (!opts.owner) return due;
          // A lease whose owner is no longer seen is free at once (processes.ts).
          const ownerGone = eb.and([
            eb('leased_by', 'is not', null),
            eb('leased_by', '<>', opts.owner),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('regie_processes')
                  .select('regie_processes.id')
                  .whereRef('regie_processes.id', '=', 'outbox.leased_by')
                  .where('regie_processes.seen_at', '>=', deadBefore(clock)),
              ),
            ),
          ]);
          return eb.or([due, ownerGone]);
        })
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return undefined;
      await trx
        .updateTable('outbox')
        .set({
          attempts: due.attempts + 1,
          next_attempt_at: sql<Date>`${clock.now()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})`,
          leased_by: opts.owner ?? null,
        })
        .where('id', '=', due.id)
        .execute();
      return { ...due, attempts: due.attempts + 1 };
    });
    if (!row) break;
    try {
      await transport.send({ from, to: row.to_address, subject: row.subject, text: row.body_text, messageId: messageIdFor(row, host) });
    } catch (err) {
      await db.unsafeAdmin
        .updateTable('outbox')
        .set({
          last_error: String((err as Error)?.message ?? err).slice(0, 500),
          leased_by: null,
          next_attempt_at: sql<Date>`${clock.now()}::timestamptz + make_interval(secs => ${retryDelaySeconds(row.attempts)})`,
        })
        .where('id', '=', row.id)
        .execute();
      continue;
    }
    await db.unsafeAdmin.updateTable('outbox').set({ status: 'sent', sent_at: clock.now(), leased_by: null }).where('id', '=', row.id).execute();
    delivered++;
  }
  return delivered;
}

export interface OutboxWorker {
  /** Deliver now and wait for it (used by tests and at shutdown). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Deliver after each commit that wrote mail, and every `intervalMs` for retries and
 * leases that fall due; each run drains everything that is due. `host` is the public
 * host the Message-IDs are made at.
 */
export function startOutboxWorker(
  db: Db,
  transport: MailTransport,
  from: string,
  clock: Clock,
  intervalMs = 5000,
  host?: string,
  owner?: string,
): OutboxWorker {
  const job = startJob({
    name: 'outbox: delivery round',
    intervalMs,
    firstRunAfterMs: null,
    run: (state) => deliverDue(db, transport, from, clock, { host, owner, stopping: () => state.stopping }),
  });
  wakers.add(job.wake);
  return {
    flush: job.runNow,
    async stop() {
      wakers.delete(job.wake);
      await job.stop();
      if (owner) await releaseLeases(db, owner, clock);
    },
  };
}

/**
 * Leases `owner` still holds become due now (a graceful stop: the current mail was
 * finished, so normally there are none). Returns how many were released.
 */
export async function releaseLeases(db: Db, owner: string, clock: Clock): Promise<number> {
  const r = await db.unsafeAdmin
    .updateTable('outbox')
    .set({ leased_by: null, next_attempt_at: clock.now() })
    .where('leased_by', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
