// Registering cases in the zaaksysteem (docs/product.md#zgw-registration,
// docs/zgw.md#what-is-sent-when): the outbox worker. It claims due tasks with
// `for update skip locked` and a lease held in this process's name, the way the
// webhook worker does, calls the ZGW APIs outside any transaction, and marks the
// outcome: done, tried again after a back-off, or failed after the last attempt
// (kept, with "opnieuw proberen" on the status page: never lost).
//
// Order per case: a zaak task (the zaak, a status) waits while an earlier zaak task of
// its case is not done, so a status is never set before the zaak exists or before an
// earlier status. A document task (the dossier, a file) waits only for the zaak to
// exist: a file added before the zaak is sent once it does, and a document never holds
// a status back (docs/zgw.md#documents).
//
// Idempotency (docs/zgw.md#idempotency): the zaak's identificatie is the case's
// reference. Before creating, the worker looks the zaak up by bronorganisatie and
// identificatie, so a task that died after its POST finds the zaak it made instead of
// making a second one; a status is looked up by zaak and statustype the same way, a
// document by bronorganisatie and its identificatie, its link by zaak and document.
import { sql } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { deadBefore } from '../../platform/processes.js';
import { type FileStore, unsafeCaseFileContent } from '../attachments/index.js';
import { makeDossier } from '../dossier/index.js';
import { toActor } from '../identity/index.js';
import { type Call, call, firstUrl, ZgwFailure } from './client.js';
import {
  DOCUMENT_STEPS,
  documentBody,
  documentIdentificatie,
  retryDelaySeconds,
  STATUS_STEPS,
  type StatusStep,
  statusBody,
  type TaskStep,
  zaakBody,
  zaakDocumentBody,
  zgwJwt,
} from './model.js';
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
  /** where the case's files are read from, for the documents (docs/zgw.md#documents) */
  files?: FileStore;
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
  event_id: string | null;
  attachment_id: string | null;
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
      // A zaak task: an earlier zaak task of the same case that is not done holds it
      // back. A document task: it waits for the zaak.
      .where(({ or, and, eb, not, exists, selectFrom }) =>
        or([
          and([
            eb('t.step', 'not in', DOCUMENT_STEPS),
            not(
              exists(
                selectFrom('zgw_tasks as p')
                  .select('p.id')
                  .whereRef('p.case_id', '=', 't.case_id')
                  .where('p.step', 'not in', DOCUMENT_STEPS)
                  .where('p.status', '<>', 'done')
                  .where(sql<boolean>`(p.created_at, coalesce(p.event_id, 0)) < (t.created_at, coalesce(t.event_id, 0))`),
              ),
            ),
          ]),
          and([eb('t.step', 'in', DOCUMENT_STEPS), exists(selectFrom('zgw_zaken as z').select('z.case_id').whereRef('z.case_id', '=', 't.case_id'))]),
        ]),
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
      .returning(['id', 'municipality_id', 'case_id', 'step', 'attempts', 'event_id', 'attachment_id'])
      .execute() as Promise<Claimed[]>;
  });
}

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
    .select(['c.reference', 'c.title', 'c.submitted_at', 'c.lon', 'c.lat', 'c.director_id', 'z.zaak_url'])
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
      const created = (await call(c, 'POST', '/zaken', body, true)) as Record<string, unknown>;
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
  if (task.step === 'dossier' || task.step === 'attachment') {
    if (!kase.zaak_url) throw new ZgwFailure('the case has no zaak yet');
    // Documents not configured (any more): nothing to send (docs/zgw.md#documents).
    if (!s.documenten_url || !s.informatieobjecttype_url) return;
    const doc = await documentOf(deps, task, kase, opts);
    if (!doc) return;
    const d: Call = { ...c, base: s.documenten_url };
    const identificatie = documentIdentificatie(kase.reference, doc.kind === 'dossier' ? { kind: 'dossier' } : { kind: 'attachment', sha256: doc.sha256 });
    const query = new URLSearchParams({ bronorganisatie: s.rsin, identificatie });
    let eio = firstUrl(await call(d, 'GET', `/enkelvoudiginformatieobjecten?${query}`));
    if (!eio) {
      const body = documentBody({
        rsin: s.rsin,
        informatieobjecttype: s.informatieobjecttype_url,
        identificatie,
        titel: doc.titel,
        bestandsnaam: doc.bestandsnaam,
        formaat: doc.formaat,
        content: doc.content,
        creatiedatum: deps.clock.now().toISOString().slice(0, 10),
      });
      const created = (await call(d, 'POST', '/enkelvoudiginformatieobjecten', body)) as Record<string, unknown>;
      if (typeof created.url !== 'string') throw new ZgwFailure('POST /enkelvoudiginformatieobjecten: the answer has no url');
      eio = created.url;
    }
    const link = new URLSearchParams({ zaak: kase.zaak_url, informatieobject: eio });
    if (firstUrl(await call(c, 'GET', `/zaakinformatieobjecten?${link}`))) return;
    await call(c, 'POST', '/zaakinformatieobjecten', zaakDocumentBody(kase.zaak_url, eio, doc.titel));
    return;
  }
  if (!STATUS_STEPS.includes(task.step as StatusStep)) return;
  if (!kase.zaak_url) throw new ZgwFailure('the case has no zaak yet');
  const statustype = s[STATUSTYPE[task.step as StatusStep]];
  // No status type for this step: nothing to send (docs/zgw.md#what-is-sent-when).
  if (!statustype) return;
  const query = new URLSearchParams({ zaak: kase.zaak_url, statustype });
  if (firstUrl(await call(c, 'GET', `/statussen?${query}`))) return;
  await call(c, 'POST', '/statussen', statusBody(kase.zaak_url, statustype, deps.clock.now()));
}

interface Document {
  kind: 'dossier' | 'attachment';
  titel: string;
  bestandsnaam: string;
  formaat: string;
  content: Buffer;
  sha256: string;
}

/**
 * The document a task sends: the dossier PDF made now, in the name of whoever closed
 * the case (or else its director), which the access log records as any dossier
 * (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd); or a file of the case, read from the
 * file store. A file removed before it was sent: null, nothing to send.
 */
async function documentOf(
  deps: Deps,
  task: Claimed,
  kase: { reference: string; director_id: string | null },
  opts: ZgwDeliveryOptions,
): Promise<Document | null> {
  const db = deps.db.unsafeAdmin;
  if (task.step === 'dossier') {
    const event = task.event_id
      ? await db
          .selectFrom('events')
          .select('actor_id')
          .where('id', '=', Number(task.event_id))
          .where('municipality_id', '=', task.municipality_id)
          .executeTakeFirst()
      : undefined;
    let user: Parameters<typeof toActor>[0] | undefined;
    for (const id of [event?.actor_id, kase.director_id]) {
      if (!id) continue;
      user = await db.selectFrom('users').selectAll().where('id', '=', id).where('municipality_id', '=', task.municipality_id).executeTakeFirst();
      if (user && user.role !== 'initiator') break;
      user = undefined;
    }
    if (!user) throw new ZgwFailure('no staff member to make the dossier in the name of');
    let dossier: Awaited<ReturnType<typeof makeDossier>>;
    try {
      dossier = await makeDossier({ ...deps, actor: toActor(user, 'token') }, task.case_id);
    } catch {
      throw new ZgwFailure('the dossier could not be made');
    }
    return {
      kind: 'dossier',
      titel: `Zaakdossier ${kase.reference}`,
      bestandsnaam: `zaakdossier-${kase.reference}.pdf`,
      formaat: 'application/pdf',
      content: dossier.pdf,
      sha256: dossier.hash,
    };
  }
  if (!task.attachment_id) return null;
  if (!opts.files) throw new ZgwFailure('no file store to read the file from');
  let file: Awaited<ReturnType<typeof unsafeCaseFileContent>>;
  try {
    file = await unsafeCaseFileContent(deps, opts.files, { municipalityId: task.municipality_id, caseId: task.case_id, attachmentId: task.attachment_id });
  } catch {
    throw new ZgwFailure('the file could not be read');
  }
  if (!file) return null;
  return { kind: 'attachment', titel: file.fileName, bestandsnaam: file.fileName, formaat: file.mediaType, content: file.content, sha256: file.sha256 };
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
