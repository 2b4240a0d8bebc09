// The access log (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd): every read
// of an initiator's personal data is written in the transaction of the read, so a
// read that returned data has its row, and a read that failed leaves none. The log is
// not part of the case timeline: the initiator's timeline stays about their case.
import { sql } from 'kysely';
import { invalid, notFound } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { listPages } from '../../platform/secret.js';
import { unsealIdentityNumber } from '../identity/index.js';
import type { AccessKind } from './model.js';
import { auditPolicy } from './policy.js';

export interface AccessEntry {
  kind: AccessKind;
  caseId?: string | null;
  initiatorId?: string | null;
  /** the file name of an export, e.g. "toezeggingenregister.csv" */
  exportName?: string | null;
  /** the log's municipality when not the actor's: the other side of a sharing agreement */
  municipalityId?: string;
  /** for a cross-municipality access: the other municipality */
  counterpartMunicipalityId?: string | null;
  /** for a downloaded attachment: the file's id, never its content */
  attachmentId?: string | null;
  /** for a revealed BSN or KvK number: why (docs/product.md#revealing-a-bsn-for-the-audit) */
  reason?: string | null;
  /** for a collaboration read by a partner municipality (docs/product.md#a-partner-municipality-reads-a-collaboration) */
  collaborationId?: string | null;
}

/** Record one access by the use-case's actor, in the transaction of the read. */
export async function recordAccess(trx: Tx, ctx: Ctx, e: AccessEntry): Promise<void> {
  await recordAccesses(trx, ctx, [e]);
}

/** Record the accesses of one read by the use-case's actor in one statement, in the transaction of the read. */
export async function recordAccesses(trx: Tx, ctx: Ctx, entries: readonly AccessEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = ctx.clock.now();
  await trx
    .insertInto('access_log')
    .values(
      entries.map((e) => ({
        municipality_id: e.municipalityId ?? ctx.actor.municipalityId,
        counterpart_municipality_id: e.counterpartMunicipalityId ?? null,
        actor_id: ctx.actor.userId,
        actor_role: ctx.actor.role,
        kind: e.kind,
        case_id: e.caseId ?? null,
        initiator_id: e.initiatorId ?? null,
        export_name: e.kind === 'export' ? (e.exportName ?? 'export') : null,
        attachment_id: e.kind === 'attachment' ? (e.attachmentId ?? null) : null,
        reason: e.kind === 'identityNumber' ? (e.reason ?? null) : null,
        collaboration_id: e.collaborationId ?? null,
        client_address: ctx.clientAddress?.slice(0, 100) ?? null,
        created_at: at,
      })),
    )
    .execute();
}

export interface AccessFilter {
  actorId?: string;
  caseId?: string;
  initiatorId?: string;
  kind?: AccessKind;
  /** first day, Dutch time */
  from?: string;
  /** last day, Dutch time */
  to?: string;
  cursor?: string;
  limit: number;
}

/** The admin's view of the log: newest first, keyset-paginated on (created_at, id). */
export async function listAccessLog(ctx: Ctx, f: AccessFilter) {
  auditPolicy.authorize(ctx.actor, null, 'readAccessLog');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    let q = trx
      .selectFrom('access_log as l')
      .leftJoin('users as a', 'a.id', 'l.actor_id')
      .leftJoin('users as i', 'i.id', 'l.initiator_id')
      .leftJoin('cases as c', 'c.id', 'l.case_id')
      .select([
        'l.id',
        'l.created_at',
        'l.kind',
        'l.actor_id',
        'l.actor_role',
        'a.name as actor_name',
        'l.case_id',
        'c.reference as case_reference',
        'l.initiator_id',
        // After the retention term this is the initiator's pseudonym (docs/product.md#bewaartermijn).
        'i.name as initiator_name',
        'l.export_name',
        'l.attachment_id',
        'l.reason',
        'l.client_address',
      ])
      .where('l.municipality_id', '=', mId)
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(f.limit + 1);
    if (f.actorId) q = q.where('l.actor_id', '=', f.actorId);
    if (f.caseId) q = q.where('l.case_id', '=', f.caseId);
    if (f.initiatorId) q = q.where('l.initiator_id', '=', f.initiatorId);
    if (f.kind) q = q.where('l.kind', '=', f.kind);
    // Whole days in Dutch time, as the admin reads them.
    if (f.from) q = q.where('l.created_at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Europe/Amsterdam'`);
    if (f.to) q = q.where('l.created_at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`);
    if (f.cursor) {
      const cur = listPages(ctx.config, 'access-log').decode(f.cursor);
      q = q.where((eb) => eb(eb.refTuple('l.created_at', 'l.id'), '<', eb.tuple(new Date(cur.s), cur.i)));
    }
    return listPages(ctx.config, 'access-log').page(await q.execute(), f.limit, (r) => ({ s: r.created_at.toISOString(), i: r.id }));
  });
}

/**
 * The audit's view of a sealed BSN or KvK number (docs/product.md#revealing-a-bsn-for-the-audit):
 * the initiator of a case of the admin's own municipality, with a reason; the reveal
 * is a row of the access log in the same transaction (who, when, why). The number is
 * in this answer alone, never in the log.
 */
export async function revealIdentityNumber(ctx: Ctx, opts: { caseId: string; reason: string }): Promise<{ kind: 'bsn' | 'kvk'; value: string }> {
  auditPolicy.authorize(ctx.actor, null, 'revealIdentityNumber');
  const reason = opts.reason.trim();
  if (!reason) throw invalid('reason', 'error.required');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await trx.selectFrom('cases').select(['id', 'initiator_id']).where('municipality_id', '=', mId).where('id', '=', opts.caseId).executeTakeFirst();
    if (!c) throw notFound('case');
    const number = c.initiator_id ? await unsealIdentityNumber(trx, ctx.config, mId, c.initiator_id) : null;
    if (!c.initiator_id || !number) throw notFound('identity-number');
    await recordAccess(trx, ctx, { kind: 'identityNumber', caseId: c.id, initiatorId: c.initiator_id, reason });
    return number;
  });
}
