// Delivering webhooks (docs/product.md#webhooks, docs/integrations.md#webhooks): the
// outbox worker. It claims due deliveries in batches with `for update skip locked` and
// a lease held in this process's name (platform/processes.ts), so several processes on
// one database never send the same row at the same time; it POSTs each CloudEvent
// outside any transaction, signed following Standard Webhooks, and marks the outcome:
// delivered, tried again after a back-off, or the dead letter after the last attempt.
//
// At least once: a process that dies after the receiver answered but before the row
// is marked delivered leaves the row to its lease, and it is sent again, with the same
// `webhook-id` (the delivery's id, also the CloudEvent `id`). Receivers deduplicate on
// it. Ordering per subscription is not promised: a batch goes out concurrently and a
// failed delivery waits while later ones go ahead; `sequence` tells the order.
//
// A `zgw-notificaties` subscription (docs/product.md#zgw-notificaties) goes through the
// same outbox: its delivery is a POST {base}/notificaties with a ZGW JWT and a
// notificatie on the kanaal `zaken` (notificaties.ts), the same retries, log and
// dead letter; a problem answer's detail goes into the log.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { type Clock, systemClock } from '../../kernel/clock.js';
import { inLanes } from '../../kernel/lanes.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { deadBefore } from '../../platform/processes.js';
import { unsafeZaakFactsOf, type ZaakFacts, zgwJwt } from '../zgw/index.js';
import { afterAttempt, buildCloudEvent } from './model.js';
import { buildNotificatie, describeAnswer, notificatiesEndpoint } from './notificaties.js';
import { openClientSecret, openSecret } from './secrets.js';

export interface DeliveryOptions {
  /** this process's id: its leases carry it, and a dead owner's lease is free at once */
  owner?: string;
  /** rows claimed at once */
  batch?: number;
  /** POSTs in flight at once */
  concurrency?: number;
  stopping?: () => boolean;
  /**
   * The clock of the `webhook-timestamp` header. Receivers compare it with their own
   * clock (Standard Webhooks: within five minutes), so it is the real time, even where
   * the domain clock is fixed (tests).
   */
  signClock?: Clock;
}

interface Claimed {
  id: string;
  kind: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret_sealed: string;
  personal_data: boolean;
  format: string;
  client_id: string | null;
  event_id: number | null;
  payload: Record<string, unknown> | null;
  event_at: Date | null;
  case_id: string | null;
  reference: string | null;
  slug: string;
  oin: string | null;
}

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** How long a claimed row is left to its sender: well beyond the longest POST. */
export const leaseSecondsFor = (timeoutMs: number) => Math.max(60, Math.ceil(timeoutMs / 1000) * 2 + 10);

async function claim(db: Db, clock: Clock, opts: DeliveryOptions, leaseSeconds: number): Promise<Claimed[]> {
  return db.unsafeTransaction(async (trx) => {
    const now = clock.now();
    const due = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .select('d.id')
      .where('d.status', '=', 'pending')
      // A paused subscription's deliveries wait until it is resumed.
      .where('s.active', '=', true)
      .where((eb) => {
        const isDue = eb('d.next_attempt_at', '<=', now);
        if (!opts.owner) return isDue;
        // A lease whose owner is no longer seen is free at once (processes.ts).
        const ownerGone = eb.and([
          eb('d.leased_by', 'is not', null),
          eb('d.leased_by', '<>', opts.owner),
          eb.not(
            eb.exists(
              eb
                .selectFrom('regie_processes')
                .select('regie_processes.id')
                .whereRef('regie_processes.id', '=', 'd.leased_by')
                .where('regie_processes.seen_at', '>=', deadBefore(clock)),
            ),
          ),
        ]);
        return eb.or([isDue, ownerGone]);
      })
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(opts.batch ?? 50)
      .forUpdate(['d'])
      .skipLocked()
      .execute();
    if (!due.length) return [];
    const ids = due.map((d) => d.id);
    await trx
      .updateTable('webhook_deliveries')
      .set({
        attempts: sql<number>`attempts + 1`,
        last_attempt_at: now,
        next_attempt_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${leaseSeconds})`,
        leased_by: opts.owner ?? null,
      })
      .where('id', 'in', ids)
      .execute();
    const rows = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .innerJoin('municipalities as m', 'm.id', 'd.municipality_id')
      .leftJoin('webhook_settings as w', 'w.municipality_id', 'd.municipality_id')
      .leftJoin('events as e', 'e.id', 'd.event_id')
      .leftJoin('cases as c', 'c.id', 'e.case_id')
      .select([
        'd.id',
        'd.kind',
        'd.attempts',
        'd.created_at',
        's.url',
        's.secret_sealed',
        's.personal_data',
        's.format',
        's.client_id',
        'e.id as event_id',
        'e.payload',
        'e.created_at as event_at',
        'e.case_id',
        'c.reference',
        'm.slug',
        'w.oin',
      ])
      .where('d.id', 'in', ids)
      .execute();
    return rows.map((r) => ({ ...r, event_id: r.event_id === null ? null : Number(r.event_id) })) as Claimed[];
  });
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  return String(e?.cause?.code ?? e?.cause?.message ?? e?.message ?? err).slice(0, 500);
}

/**
 * One notificatie to a ZGW Notificaties API (docs/product.md#zgw-notificaties): a
 * fresh ZGW JWT each attempt, the body per the specification's `Message` schema. A
 * 2xx answer is delivered; a problem answer's detail goes into the log, never the
 * token or the secret.
 */
async function postNotificatie(row: Claimed, deps: Deps, signClock: Clock, zaken: Map<string, ZaakFacts>): Promise<Outcome> {
  if (row.event_id === null || !row.event_at || !row.case_id) return { ok: false, status: null, error: 'not an event about a case: nothing to notify' };
  const notificatie = buildNotificatie({
    kind: row.kind,
    event: { id: row.event_id, at: row.event_at, caseId: row.case_id },
    publicUrl: deps.config.publicUrl,
    zaak: zaken.get(row.case_id) ?? null,
  });
  if (!notificatie) return { ok: false, status: null, error: `${row.kind} does not become a notificatie` };
  let secret: string;
  try {
    secret = openClientSecret(deps.config, row.secret_sealed);
  } catch {
    return { ok: false, status: null, error: 'the client secret cannot be read: fill it in again' };
  }
  const token = await zgwJwt(row.client_id ?? '', secret, signClock.now());
  const timeoutMs = deps.config.webhooks.timeoutMs;
  const r = await postOnce(
    notificatiesEndpoint(row.url),
    JSON.stringify(notificatie),
    timeoutMs,
    {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'Regie-Webhooks/1',
      authorization: `Bearer ${token}`,
    },
    true,
  );
  if ('error' in r) return { ok: false, status: null, error: describeFailure(r.error, timeoutMs) };
  if (r.status >= 200 && r.status < 300) return { ok: true, status: r.status, error: null };
  if (r.status >= 300 && r.status < 400) return { ok: false, status: r.status, error: `redirect not followed (HTTP ${r.status})` };
  return { ok: false, status: r.status, error: describeAnswer(r.status, r.body ?? '') };
}

/** One POST: a 2xx answer is delivered; a redirect is not followed and counts as a failure. */
async function post(row: Claimed, deps: Deps, signClock: Clock, signers: Map<string, Webhook>, zaken: Map<string, ZaakFacts>): Promise<Outcome> {
  if (row.format === 'zgw-notificaties') return postNotificatie(row, deps, signClock, zaken);
  if (!row.oin) return { ok: false, status: null, error: 'the municipality has no OIN' };
  let signer = signers.get(row.secret_sealed);
  if (!signer) {
    try {
      signer = new Webhook(openSecret(deps.config, row.secret_sealed));
    } catch {
      return { ok: false, status: null, error: 'the signing secret cannot be read: rotate it' };
    }
    signers.set(row.secret_sealed, signer);
  }
  const event = buildCloudEvent({
    deliveryId: row.id,
    kind: row.kind,
    event: row.event_id === null || !row.event_at ? null : { id: row.event_id, payload: row.payload ?? {}, at: row.event_at, caseId: row.case_id },
    caseReference: row.reference,
    municipality: { slug: row.slug, oin: row.oin },
    createdAt: row.created_at,
    publicUrl: deps.config.publicUrl,
    personalData: row.personal_data,
  });
  const body = JSON.stringify(event);
  const at = signClock.now();
  const timeoutMs = deps.config.webhooks.timeoutMs;
  const r = await postOnce(row.url, body, timeoutMs, {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'user-agent': 'Regie-Webhooks/1',
    'webhook-id': row.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(row.id, at, body),
  });
  if ('error' in r) return { ok: false, status: null, error: describeFailure(r.error, timeoutMs) };
  if (r.status >= 200 && r.status < 300) return { ok: true, status: r.status, error: null };
  if (r.status >= 300 && r.status < 400) return { ok: false, status: r.status, error: `redirect not followed (HTTP ${r.status})` };
  return { ok: false, status: r.status, error: `HTTP ${r.status}` };
}

/** Connections are kept open between deliveries (node:http's keep-alive agents). */
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 32 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };

/** How much of an answer's body is read (and thrown away) before the connection is cut. */
const BODY_CAP = 64 * 1024;
/** How much of a Notificaties API's problem answer is kept, for its detail. */
const KEEP_CAP = 8 * 1024;

/**
 * One POST with a deadline for the whole exchange. A redirect is an answer like any
 * other (node:http follows none); the body of the answer is kept only when asked (the
 * first KEEP_CAP bytes, for a problem's detail), and one longer than BODY_CAP ends
 * the connection.
 */
function postOnce(
  url: string,
  body: string,
  timeoutMs: number,
  headers: Record<string, string>,
  keep = false,
): Promise<{ status: number; body?: string } | { error: unknown }> {
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch (error) {
      return resolve({ error });
    }
    const https = u.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)(
      u,
      {
        method: 'POST',
        agent: https ? agents.https : agents.http,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        let read = 0;
        const kept: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (keep && read < KEEP_CAP) kept.push(chunk.subarray(0, KEEP_CAP - read));
          read += chunk.length;
          if (read > BODY_CAP) res.destroy();
        });
        res.on('error', () => undefined);
        res.on('close', () => resolve(keep ? { status: res.statusCode ?? 0, body: Buffer.concat(kept).toString('utf8') } : { status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', (error) => resolve({ error }));
    req.end(body);
  });
}

async function markDelivered(db: Db, clock: Clock, done: { row: Claimed; status: number }[]): Promise<void> {
  const byStatus = new Map<number, string[]>();
  for (const d of done) byStatus.set(d.status, [...(byStatus.get(d.status) ?? []), d.row.id]);
  const now = clock.now();
  for (const [status, ids] of byStatus) {
    await db.unsafeAdmin
      .updateTable('webhook_deliveries')
      .set({ status: 'delivered', delivered_at: now, last_status: status, last_error: null, leased_by: null })
      .where('id', 'in', ids)
      .execute();
  }
}

async function mark(db: Db, clock: Clock, row: Claimed, outcome: Outcome, maxAttempts: number): Promise<void> {
  const next = afterAttempt(outcome, row.attempts, maxAttempts);
  const now = clock.now();
  const common = { last_status: outcome.status, last_error: outcome.error?.slice(0, 500) ?? null, leased_by: null };
  const set =
    next.status === 'delivered'
      ? { ...common, status: 'delivered' as const, delivered_at: now }
      : next.status === 'dead'
        ? { ...common, status: 'dead' as const }
        : { ...common, status: 'pending' as const, next_attempt_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${next.retryInSeconds})` };
  await db.unsafeAdmin.updateTable('webhook_deliveries').set(set).where('id', '=', row.id).execute();
}

/**
 * Deliver what is due, batch after batch, until nothing is (or the job stops).
 * Returns how many were delivered.
 */
export async function unsafeDeliverDueWebhooks(deps: Deps, opts: DeliveryOptions = {}): Promise<number> {
  const signClock = opts.signClock ?? systemClock;
  const leaseSeconds = leaseSecondsFor(deps.config.webhooks.timeoutMs);
  const concurrency = opts.concurrency ?? 16;
  const signers = new Map<string, Webhook>();
  let delivered = 0;
  while (!opts.stopping?.()) {
    const rows = await claim(deps.db, deps.clock, opts, leaseSeconds);
    if (!rows.length) break;
    // What the ZGW registration knows of the cases of this batch's notificaties.
    const zgwCases = [...new Set(rows.filter((r) => r.format === 'zgw-notificaties' && r.case_id).map((r) => r.case_id as string))];
    const zaken = await unsafeZaakFactsOf(deps.db.unsafeAdmin, zgwCases);
    const succeeded: { row: Claimed; status: number }[] = [];
    await inLanes(rows, concurrency, async (row) => {
      const outcome = await post(row, deps, signClock, signers, zaken);
      if (outcome.ok) succeeded.push({ row, status: outcome.status as number });
      else await mark(deps.db, deps.clock, row, outcome, deps.config.webhooks.maxAttempts);
    });
    // The delivered ones of the batch in one statement per answer status: a crash before
    // it leaves them to their lease and they go out again (at least once, same id).
    await markDelivered(deps.db, deps.clock, succeeded);
    delivered += succeeded.length;
  }
  return delivered;
}

/** Leases `owner` still holds become due now (a graceful stop). */
export async function unsafeReleaseWebhookLeases(db: Db, owner: string, clock: Clock): Promise<number> {
  const r = await db.unsafeAdmin
    .updateTable('webhook_deliveries')
    .set({ leased_by: null, next_attempt_at: clock.now() })
    .where('leased_by', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
