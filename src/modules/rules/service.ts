// Rules register use-cases (docs/product.md#the-rules-register). One transaction each, scoped to the
// actor's municipality; register writes are serialised per municipality and every
// change is written to rule_changes in the same transaction. Rules are never
// deleted: a rule ends by its validity.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import type { CsvSeparator } from '../../kernel/csv.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { translate } from '../../platform/i18n.js';
import {
  type Domain,
  EXCHANGE_FIELDS,
  keepsPastCitable,
  type LineProblem,
  overlaps,
  parseRulesFile,
  planImport,
  type Rule,
  type RuleFields,
  serializeRules,
  validateRuleRecord,
} from './model.js';
import { authorizeRules, ruleAbilities } from './policy.js';
import { findRule, lockRegister, type RuleRow, recordChange, ruleHistory, toRule, versionsOf } from './repo.js';

export interface RuleView extends Rule {
  createdAt: Date;
  updatedAt: Date;
}

const view = (r: RuleRow): RuleView => ({ ...toRule(r), createdAt: r.created_at, updatedAt: r.updated_at });
const columns = (f: RuleFields) => ({
  code: f.code,
  title: f.title,
  legal_source: f.legalSource,
  domain: f.domain,
  strict: f.strict,
  valid_from: f.validFrom,
  valid_until: f.validUntil,
});
const diffOf = (before: RuleFields, after: RuleFields) =>
  Object.fromEntries(EXCHANGE_FIELDS.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]));
const today = (ctx: Ctx): IsoDate => dutchDate(ctx.clock.now());

/** The register fields of `r`, checked; every problem is one 400 naming its field. */
function checked(r: RuleFields): RuleFields {
  const v = validateRuleRecord(Object.fromEntries(EXCHANGE_FIELDS.map((k) => [k, r[k]])), 'json');
  if (!v.rule) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, v.problems);
  return v.rule;
}

/** Refuse a period that overlaps another version of the same code. */
async function checkNoOverlap(trx: Tx, mId: string, f: RuleFields, selfId?: string) {
  const clash = (await versionsOf(trx, mId, [f.code])).find((o) => o.id !== selfId && overlaps(o, f));
  if (clash)
    throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [
      { field: 'validFrom', key: 'error.ruleOverlaps', params: { code: f.code, validFrom: clash.validFrom } },
    ]);
}

// ---- reading --------------------------------------------------------------------------

export interface RuleFilter {
  domain?: Domain;
  strict?: boolean;
  /** only rules that may be cited on this day */
  validOn?: IsoDate;
  /** free text in code or title */
  q?: string;
}

export async function listRules(ctx: Ctx, f: RuleFilter = {}): Promise<RuleView[]> {
  authorizeRules(ctx.actor, 'read');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    let q = trx.selectFrom('rules').selectAll().where('municipality_id', '=', mId).orderBy('code').orderBy('valid_from');
    if (f.domain) q = q.where('domain', '=', f.domain);
    if (f.strict !== undefined) q = q.where('strict', '=', f.strict);
    if (f.validOn) {
      const d = f.validOn;
      q = q.where('valid_from', '<=', d).where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', d)]));
    }
    const text = f.q?.trim();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('title', 'ilike', like)]));
    }
    return (await q.execute()).map(view);
  });
}

export async function getRule(ctx: Ctx, id: string) {
  authorizeRules(ctx.actor, 'read');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await findRule(trx, mId, id);
    if (!r) throw notFound('rule');
    const history = await ruleHistory(trx, mId, id);
    return { rule: view(r), abilities: ruleAbilities(ctx.actor), history };
  });
}

// ---- changing -------------------------------------------------------------------------

export async function createRule(ctx: Ctx, input: RuleFields): Promise<RuleView> {
  authorizeRules(ctx.actor, 'manage');
  const mId = ctx.actor.municipalityId;
  const fields = checked(input);
  return ctx.db.tenant(mId, async (trx) => {
    await lockRegister(trx, mId);
    await checkNoOverlap(trx, mId, fields);
    const row = await trx
      .insertInto('rules')
      .values({ municipality_id: mId, ...columns(fields) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, { municipalityId: mId, ruleId: row.id, actorId: ctx.actor.userId, change: { type: 'created', rule: fields } });
    return view(row);
  });
}

export interface UpdateRule {
  id: string;
  /** the version the client last saw (If-Match); a stale one is refused with 412 */
  ifMatch?: VersionCondition;
  changes: Partial<RuleFields>;
}

/**
 * Change a rule. A day on which it could already be cited cannot be taken away
 * (model.keepsPastCitable), and versions of one code never overlap.
 */
export function updateRule(ctx: Ctx, opts: UpdateRule): Promise<RuleView> {
  return changeRule(ctx, opts, 'updated');
}

/** End a rule's validity: `validUntil` is the last day it may be cited (today or later). */
export function endRuleValidity(ctx: Ctx, opts: { id: string; ifMatch?: VersionCondition; validUntil: IsoDate }): Promise<RuleView> {
  return changeRule(ctx, { id: opts.id, ifMatch: opts.ifMatch, changes: { validUntil: opts.validUntil } }, 'ended');
}

async function changeRule(ctx: Ctx, opts: UpdateRule, type: 'updated' | 'ended'): Promise<RuleView> {
  authorizeRules(ctx.actor, 'manage');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    await lockRegister(trx, mId);
    const row = await findRule(trx, mId, opts.id, true);
    if (!row) throw notFound('rule');
    if (!versionMatches(opts.ifMatch, row.version)) throw staleVersion();
    const before = toRule(row);
    const defined = Object.fromEntries(Object.entries(opts.changes).filter(([, v]) => v !== undefined)) as Partial<RuleFields>;
    const after = checked({ ...before, ...defined });
    const diff = diffOf(before, after);
    if (!Object.keys(diff).length) return view(row);
    if (!keepsPastCitable(before, after, today(ctx))) {
      const field = after.validFrom > before.validFrom ? 'validFrom' : 'validUntil';
      throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field, key: 'error.ruleShortensPast', params: { code: before.code } }]);
    }
    await checkNoOverlap(trx, mId, after, row.id);
    const updated = await trx
      .updateTable('rules')
      .set({ ...columns(after), version: row.version + 1, updated_at: ctx.clock.now() })
      .where('municipality_id', '=', mId)
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, { municipalityId: mId, ruleId: row.id, actorId: ctx.actor.userId, change: { type, changes: diff } });
    return view(updated);
  });
}

// ---- import and export ----------------------------------------------------------------

export interface ImportProblem extends LineProblem {
  /** the problem in the actor's language */
  message: string;
}
export type ImportResult = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

/**
 * Import a register file, all or nothing: every row is checked first (format, then
 * against the register as it is), and a file with any bad line writes nothing and
 * answers every problem with its line number. Rows are matched on (code, validFrom).
 */
export async function importRules(ctx: Ctx, opts: { format: 'csv' | 'json'; content: string }): Promise<ImportResult> {
  authorizeRules(ctx.actor, 'manage');
  const mId = ctx.actor.municipalityId;
  const report = (problems: LineProblem[]): ImportResult => ({
    ok: false,
    problems: problems.map((p) => ({ ...p, message: translate(ctx.actor.locale, p.key, p.params) })),
  });
  const parsed = parseRulesFile(opts.format, opts.content);
  if (parsed.problems.length) return report(parsed.problems);
  return ctx.db.tenant(mId, async (trx) => {
    await lockRegister(trx, mId);
    const existing = await versionsOf(trx, mId, [...new Set(parsed.rows.map((r) => r.rule.code))]);
    const plan = planImport(existing, parsed.rows, today(ctx));
    if (plan.problems.length) return report(plan.problems.sort((a, b) => a.line - b.line));
    const now = ctx.clock.now();
    for (const f of plan.creates) {
      const row = await trx
        .insertInto('rules')
        .values({ municipality_id: mId, ...columns(f) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordChange(trx, { municipalityId: mId, ruleId: row.id, actorId: ctx.actor.userId, change: { type: 'imported', rule: f } });
    }
    for (const { before, after } of plan.updates) {
      await trx
        .updateTable('rules')
        .set({ ...columns(after), version: before.version + 1, updated_at: now })
        .where('municipality_id', '=', mId)
        .where('id', '=', before.id)
        .execute();
      await recordChange(trx, {
        municipalityId: mId,
        ruleId: before.id,
        actorId: ctx.actor.userId,
        change: { type: 'imported', changes: diffOf(before, after) },
      });
    }
    return { ok: true, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
  });
}

/** The whole register, every version, ordered by code and start date. */
export async function exportRules(ctx: Ctx, format: 'csv' | 'json', separator?: CsvSeparator): Promise<string> {
  return serializeRules(await listRules(ctx), format, separator);
}
