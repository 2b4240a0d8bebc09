// Registering cases in the zaaksysteem (docs/product.md#zgw-registration,
// docs/zgw.md#what-is-sent-when): the outbox worker. It claims due tasks with
// `for update skip locked` and a lease held in this process's name, the way the
// webhook worker does, calls the ZGW APIs outside any transaction, and marks the
// outcome: done, tried again after a back-off, or failed after the last attempt
// (kept, with "opnieuw proberen" on the status page: never lost).
//
// Order per case: a task waits while an earlier task of its case is not done, so a
// status is never set before the zaak exists or before an earlier status.
//
// Idempotency (docs/zgw.md#idempotency): the zaak's identificatie is the case's
// reference. Before creating, the worker looks the zaak up by bronorganisatie and
// identificatie, so a task that died after its POST finds the zaak it made instead of
// making a second one; a status is looked up by zaak and statustype the same way.
import { sql } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { deadBefore } from '../../platform/processes.js';
import { retryDelaySeconds, STATUS_STEPS, type StatusStep, statusBody, type TaskStep, zaakBody, zgwJwt } from './model.js';
import { openSecret } from './secrets.js';

export interface ZgwDeliveryOptions {
  /** this process's id: its leases carry it, and a dead owner's lease is free at once */
  owner?: string;
  batch?: number;
  stopping?: () => boolean;
  /** the clock of the JWT's `iat`: the real time, even where the domain clock is fixed (tests) */
  signClock?: Clock;
  /** how long one request may take (default 10 s) */
  timeoutMs?: number;
}

/** Failed attempts before a task is marked failed and waits for "opnieuw proberen". */
export const MAX_ATTEMPTS = 10;
const LEASE_SECONDS = 120;

interface Claimed {
  id: string;
  municipality_id: string;
  case_id: string;
  step: TaskStep;
  attempts: number;
}

async function claim(db: Db, clock: Clock, opts: ZgwDeliveryOptions): Promise<Claimed[]> {
  return db.unsafeTransaction(async (trx) => {
    const now = clock.now();
    const due = await trx
      .selectFrom('zgw_tasks as t')
      .select('t.id')
      .where('t.status', '=', 'pending')
      .where((eb) => {
        const isDue = eb('t.next_attempt_at', '<=', now);
        if (!opts.owner) return isDue;
        const ownerGone = eb.and([
          eb('t.leased_by', 'is not', null),
          eb('t.leased_by', '<>', opts.owner),
          eb.not(
            eb.exists(
              eb
                .selectFrom('regie_processes')
                .select('regie_processes.id')
                .whereRef('regie_processes.id', '=', 't.leased_by')
                .where('regie_processes.seen_at', '>=', deadBefore(clock)),
            ),
          ),
        ]);
        return eb.or([isDue, ownerGone]);
      })
      // An earlier task of the same case that is not done holds this one back.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('zgw_tasks as p')
              .select('p.id')
              .whereRef('p.case_id', '=', 't.case_id')
              .where('p.status', '<>', 'done')
              .where(sql<boolean>`(p.created_at, coalesce(p.event_id, 0)) < (t.created_at, coalesce(t.event_id, 0))`),
          ),
        ),
      )
      .orderBy('t.next_attempt_at')
      .orderBy('t.id')
      .limit(opts.batch ?? 20)
      .forUpdate(['t'])
      .skipLocked()
      .execute();
    if (!due.length) return [];
    const ids = due.map((d) => d.id);
    return trx
      .updateTable('zgw_tasks')
      .set({
        attempts: sql<number>`attempts + 1`,
        last_attempt_at: now,
        next_attempt_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS})`,
        leased_by: opts.owner ?? null,
      })
      .where('id', 'in', ids)
      .returning(['id', 'municipality_id', 'case_id', 'step', 'attempts'])
      .execute() as Promise<Claimed[]>;
  });
}

class ZgwFailure extends Error {}

interface Call {
  base: string;
  token: string;
  timeoutMs: number;
}

async function call(c: Call, method: 'GET' | 'POST', path: string, body?: unknown, crs = false): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { authorization: `Bearer ${c.token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  // The Zaken API asks for the coordinate system of zaakgeometrie in and out; its
  // specification requires both headers on the /zaken list too.
  if (crs) {
    headers['accept-crs'] = 'EPSG:4326';
    headers['content-crs'] = 'EPSG:4326';
  }
  let res: Response;
  try {
    res = await fetch(`${c.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(c.timeoutMs),
    });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    if (e.name === 'TimeoutError') throw new ZgwFailure(`${method} ${path}: timeout after ${c.timeoutMs} ms`);
    throw new ZgwFailure(`${method} ${path}: ${e.cause?.code ?? e.message ?? 'no answer'}`);
  }
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new ZgwFailure(`${method} ${path}: HTTP ${res.status}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ZgwFailure(`${method} ${path}: the answer is not JSON`);
  }
}

const firstUrl = (page: Record<string, unknown>): string | null => {
  const results = page.results as { url?: unknown }[] | undefined;
  const url = results?.[0]?.url;
  return typeof url === 'string' ? url : null;
};

const STATUSTYPE: Record<StatusStep, 'statustype_intake_url' | 'statustype_plan_agreed_url' | 'statustype_closed_url'> = {
  intake: 'statustype_intake_url',
  planAgreed: 'statustype_plan_agreed_url',
  closed: 'statustype_closed_url',
};

/** One task against the task's own municipality's settings; throws ZgwFailure when it must be tried again. */
async function perform(deps: Deps, task: Claimed, opts: ZgwDeliveryOptions): Promise<void> {
  const db = deps.db.unsafeAdmin;
  const s = await db.selectFrom('zgw_settings').selectAll().where('municipality_id', '=', task.municipality_id).executeTakeFirst();
  if (!s?.enabled) throw new ZgwFailure('ZGW is switched off for this municipality');
  if (!s.secret_sealed) throw new ZgwFailure('no client secret');
  let secret: string;
  try {
    secret = openSecret(deps.config, s.secret_sealed);
  } catch {
    throw new ZgwFailure('the client secret cannot be read: enter it again');
  }
  const c: Call = {
    base: s.zaken_url,
    token: await zgwJwt(s.client_id, secret, (opts.signClock ?? deps.clock).now()),
    timeoutMs: opts.timeoutMs ?? 10_000,
  };
  const kase = await db
    .selectFrom('cases as c')
    .leftJoin('zgw_zaken as z', 'z.case_id', 'c.id')
    .select(['c.reference', 'c.title', 'c.submitted_at', 'c.lon', 'c.lat', 'z.zaak_url'])
    .where('c.id', '=', task.case_id)
    .where('c.municipality_id', '=', task.municipality_id)
    .executeTakeFirstOrThrow();

  if (task.step === 'create') {
    if (kase.zaak_url) return;
    const query = new URLSearchParams({ bronorganisatie: s.rsin, identificatie: kase.reference });
    let url = firstUrl(await call(c, 'GET', `/zaken?${query}`, undefined, true));
    if (!url) {
      const body = zaakBody({
        rsin: s.rsin,
        zaaktype: s.zaaktype_url,
        reference: kase.reference,
        title: kase.title,
        startdatum: kase.submitted_at.toISOString().slice(0, 10),
        point: kase.lon !== null && kase.lat !== null ? { lon: kase.lon, lat: kase.lat } : null,
      });
      const created = await call(c, 'POST', '/zaken', body, true);
      if (typeof created.url !== 'string') throw new ZgwFailure('POST /zaken: the answer has no url');
      url = created.url;
    }
    await db
      .insertInto('zgw_zaken')
      .values({ case_id: task.case_id, municipality_id: task.municipality_id, zaak_url: url, created_at: deps.clock.now() })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .execute();
    return;
  }
  if (!STATUS_STEPS.includes(task.step)) return;
  if (!kase.zaak_url) throw new ZgwFailure('the case has no zaak yet');
  const statustype = s[STATUSTYPE[task.step]];
  // No status type for this step: nothing to send (docs/zgw.md#what-is-sent-when).
  if (!statustype) return;
  const query = new URLSearchParams({ zaak: kase.zaak_url, statustype });
  if (firstUrl(await call(c, 'GET', `/statussen?${query}`))) return;
  await call(c, 'POST', '/statussen', statusBody(kase.zaak_url, statustype, deps.clock.now()));
}

async function mark(db: Db, clock: Clock, task: Claimed, error: string | null): Promise<void> {
  const now = clock.now();
  if (error === null) {
    await db.unsafeAdmin.updateTable('zgw_tasks').set({ status: 'done', done_at: now, last_error: null, leased_by: null }).where('id', '=', task.id).execute();
    return;
  }
  const common = { last_error: error.slice(0, 500), leased_by: null };
  await db.unsafeAdmin
    .updateTable('zgw_tasks')
    .set(
      task.attempts >= MAX_ATTEMPTS
        ? { ...common, status: 'failed' as const }
        : { ...common, next_attempt_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${retryDelaySeconds(task.attempts)})` },
    )
    .where('id', '=', task.id)
    .execute();
}

/** Perform what is due, batch after batch, until nothing is. Returns how many tasks were done. */
export async function unsafeRunDueZgwTasks(deps: Deps, opts: ZgwDeliveryOptions = {}): Promise<number> {
  let done = 0;
  while (!opts.stopping?.()) {
    const tasks = await claim(deps.db, deps.clock, opts);
    if (!tasks.length) break;
    for (const task of tasks) {
      let error: string | null = null;
      try {
        await perform(deps, task, opts);
      } catch (err) {
        // Only the failure's description is kept: never a header, a token or the secret.
        error = err instanceof ZgwFailure ? err.message : 'unexpected error';
      }
      await mark(deps.db, deps.clock, task, error);
      if (error === null) done++;
    }
  }
  return done;
}

/** Leases `owner` still holds become due now (a graceful stop). */
export async function unsafeReleaseZgwLeases(db: Db, owner: string, clock: Clock): Promise<number> {
  const r = await db.unsafeAdmin
    .updateTable('zgw_tasks')
    .set({ leased_by: null, next_attempt_at: clock.now() })
    .where('leased_by', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
