// Mandate register use-cases (docs/product.md#the-mandate-register). One transaction each, scoped to the
// actor's municipality; every change is written to mandate_changes in the same
// transaction. Mandates are never deleted: a mandate ends by its validity.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { Mandate, MandateHolder, MandateScope } from './model.js';
import { type MandateFields, mandateChangeRefusal, mandateInForce, mandateProblems, sameHolder, sameScope } from './model.js';
import { authorizeMandates, mandateAbilities } from './policy.js';
import { findCollaborationForMandate, findMandate, listMandateRows, type MandateRow, mandateHistory, recordMandateChange, toMandate } from './repo.js';

export interface MandateView extends Mandate {
  holderName: string | null;
  /** the collaboration's name, for a mandate scoped to one */
  collaborationName: string | null;
  inForceToday: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const today = (ctx: Ctx): IsoDate => dutchDate(ctx.clock.now());
const view = (ctx: Ctx, r: MandateRow, holderName: string | null, collaborationName: string | null = null): MandateView => {
  const m = toMandate(r);
  return {
    ...m,
    collaborationId: m.collaborationId ?? null,
    holderName,
    collaborationName,
    inForceToday: mandateInForce(m, today(ctx)),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

const columns = (f: MandateFields) => ({
  holder_kind: f.holder.kind,
  holder_role: f.holder.kind === 'role' ? f.holder.role : null,
  holder_user_id: f.holder.kind === 'person' ? f.holder.userId : null,
  scope_kind: f.scope.kind,
  scope_domain: f.scope.kind === 'overrule' ? f.scope.domain : null,
  scope_up_to_cents: f.scope.kind === 'commitMoney' ? f.scope.upToCents : null,
  scope_rule_code: f.scope.kind === 'grantExemption' ? f.scope.ruleCode : null,
  delegated_by: f.delegatedBy.trim(),
  valid_from: f.validFrom,
  valid_until: f.validUntil,
  collaboration_id: f.collaborationId ?? null,
});

/**
 * Check the fields and that a named holder is an active staff member here; every problem
 * at once. A mandate scoped to a collaboration is of a collaboration of this municipality
 * and held by its owner, the collaboration's representative
 * (docs/product.md#mandates-within-a-collaboration); `holderChanged` false: who holds it and
 * where it applies stay as they were, so a later change of owner does not block correcting
 * the delegation text or ending it.
 */
async function checked(
  trx: Tx,
  mId: string,
  f: MandateFields,
  holderChanged = true,
): Promise<{ fields: MandateFields; holderName: string | null; collaborationName: string | null }> {
  const problems = mandateProblems(f);
  let collaborationName: string | null = null;
  if (f.collaborationId) {
    const c = await findCollaborationForMandate(trx, mId, f.collaborationId);
    if (!c) problems.push({ field: 'collaborationId', key: 'error.notFound' });
    else {
      collaborationName = c.name;
      if (holderChanged && f.holder.kind === 'person' && f.holder.userId !== c.owner_user_id)
        problems.push({ field: 'holder.userId', key: 'error.mandateCollaborationOwner' });
    }
  }
  let holderName: string | null = null;
  if (f.holder.kind === 'person' && f.holder.userId) {
    const u = await trx
      .selectFrom('users')
      .select(['name', 'role', 'active'])
      .where('municipality_id', '=', mId)
      .where('id', '=', f.holder.userId)
      .executeTakeFirst();
    if (!u || !u.active || u.role === 'initiator') problems.push({ field: 'holder.userId', key: 'error.mandateHolderNotStaff' });
    else holderName = u.name;
  }
  // An exemption is of a rule in this municipality's register, as for a commitment's exemption.
  if (f.scope.kind === 'grantExemption' && !problems.some((p) => p.field === 'scope.ruleCode')) {
    const code = f.scope.ruleCode;
    const rule = await trx.selectFrom('rules').select('id').where('municipality_id', '=', mId).where('code', '=', code).executeTakeFirst();
    if (!rule) problems.push({ field: 'scope.ruleCode', key: 'error.exemptionRuleUnknown', params: { code } });
  }
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
  return { fields: { ...f, delegatedBy: f.delegatedBy.trim(), collaborationId: f.collaborationId ?? null }, holderName, collaborationName };
}

const holderJson = (h: MandateHolder) => (h.kind === 'role' ? { kind: 'role', role: h.role } : { kind: 'person', userId: h.userId });
const scopeJson = (s: MandateScope) => ({ ...s });
function diffOf(before: MandateFields, after: MandateFields): Record<string, { from: unknown; to: unknown }> {
  const d: Record<string, { from: unknown; to: unknown }> = {};
  if (!sameHolder(before.holder, after.holder)) d.holder = { from: holderJson(before.holder), to: holderJson(after.holder) };
  if (!sameScope(before.scope, after.scope)) d.scope = { from: scopeJson(before.scope), to: scopeJson(after.scope) };
  for (const k of ['delegatedBy', 'validFrom', 'validUntil'] as const) if (before[k] !== after[k]) d[k] = { from: before[k], to: after[k] };
  if ((before.collaborationId ?? null) !== (after.collaborationId ?? null))
    d.collaborationId = { from: before.collaborationId ?? null, to: after.collaborationId ?? null };
  return d;
}

// ---- reading --------------------------------------------------------------------------

export async function listMandates(ctx: Ctx, f: { inForceOn?: IsoDate; collaborationId?: string } = {}): Promise<MandateView[]> {
  authorizeMandates(ctx.actor, 'read');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const rows = await listMandateRows(trx, mId, f.collaborationId);
    const all = rows.map((r) => view(ctx, r, r.holder_name, r.collaboration_name));
    return f.inForceOn ? all.filter((m) => mandateInForce(m, f.inForceOn as IsoDate)) : all;
  });
}

async function holderNameOf(trx: Tx, mId: string, r: MandateRow): Promise<string | null> {
  if (!r.holder_user_id) return null;
  const u = await trx.selectFrom('users').select('name').where('municipality_id', '=', mId).where('id', '=', r.holder_user_id).executeTakeFirst();
  return u?.name ?? null;
}

export async function getMandate(ctx: Ctx, id: string) {
  authorizeMandates(ctx.actor, 'read');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await findMandate(trx, mId, id);
    if (!r) throw notFound('mandate');
    const history = await mandateHistory(trx, mId, id);
    const collaboration = r.collaboration_id ? await findCollaborationForMandate(trx, mId, r.collaboration_id) : undefined;
    return { mandate: view(ctx, r, await holderNameOf(trx, mId, r), collaboration?.name ?? null), abilities: mandateAbilities(ctx.actor), history };
  });
}

// ---- changing -------------------------------------------------------------------------

export async function createMandate(ctx: Ctx, input: MandateFields): Promise<MandateView> {
  authorizeMandates(ctx.actor, 'manage');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const { fields, holderName, collaborationName } = await checked(trx, mId, input);
    const row = await trx
      .insertInto('mandates')
      .values({ municipality_id: mId, ...columns(fields), created_by: ctx.actor.userId, updated_at: ctx.clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMandateChange(trx, {
      municipalityId: mId,
      mandateId: row.id,
      actorId: ctx.actor.userId,
      change: { type: 'created', mandate: { ...fields, holder: holderJson(fields.holder), scope: scopeJson(fields.scope) } },
    });
    return view(ctx, row, holderName, collaborationName);
  });
}

export interface UpdateMandate {
  id: string;
  /** the version the client last saw (If-Match); a stale one is refused with 412 */
  ifMatch?: VersionCondition;
  changes: Partial<MandateFields>;
}

/** Change a mandate within what keeps the past true (model.mandateChangeRefusal). */
export function updateMandate(ctx: Ctx, opts: UpdateMandate): Promise<MandateView> {
  return changeMandate(ctx, opts, 'updated');
}

/** End a mandate: `validUntil` is its last day in force (today or later). */
export function endMandateValidity(ctx: Ctx, opts: { id: string; ifMatch?: VersionCondition; validUntil: IsoDate }): Promise<MandateView> {
  return changeMandate(ctx, { id: opts.id, ifMatch: opts.ifMatch, changes: { validUntil: opts.validUntil } }, 'ended');
}

async function changeMandate(ctx: Ctx, opts: UpdateMandate, type: 'updated' | 'ended'): Promise<MandateView> {
  authorizeMandates(ctx.actor, 'manage');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await findMandate(trx, mId, opts.id, true);
    if (!row) throw notFound('mandate');
    if (!versionMatches(opts.ifMatch, row.version)) throw staleVersion();
    const before = toMandate(row);
    const defined = Object.fromEntries(Object.entries(opts.changes).filter(([, v]) => v !== undefined)) as Partial<MandateFields>;
    const next: MandateFields = { ...before, ...defined };
    const holderChanged = !sameHolder(before.holder, next.holder) || (before.collaborationId ?? null) !== (next.collaborationId ?? null);
    const { fields: after, holderName, collaborationName } = await checked(trx, mId, next, holderChanged);
    const diff = diffOf(before, after);
    if (!Object.keys(diff).length) return view(ctx, row, holderName, collaborationName);
    const refusal = mandateChangeRefusal(before, after, today(ctx));
    if (refusal) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [refusal]);
    const updated = await trx
      .updateTable('mandates')
      .set({ ...columns(after), version: row.version + 1, updated_at: ctx.clock.now() })
      .where('municipality_id', '=', mId)
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordMandateChange(trx, { municipalityId: mId, mandateId: row.id, actorId: ctx.actor.userId, change: { type, changes: diff } });
    return view(ctx, updated, holderName, collaborationName);
  });
}
