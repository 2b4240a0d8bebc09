// Rules register queries. Every function takes the municipality and filters on it:
// row-level security is the second wall, not the first.
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import type { RuleTable } from '../../platform/db/schema.js';
import type { Rule } from './model.js';

export type RuleRow = Selectable<RuleTable>;

export const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  code: r.code,
  title: r.title,
  legalSource: r.legal_source,
  domain: r.domain,
  strict: r.strict,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  version: r.version,
});

/**
 * Serialise writes to one municipality's register for the rest of the transaction,
 * so two admins cannot create overlapping versions of a rule at the same moment.
 * The register changes rarely; one lock per municipality is enough.
 */
export async function lockRegister(trx: Tx, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`rules:${municipalityId}`}))`.execute(trx);
}

export function findRule(trx: Tx, municipalityId: string, id: string, lock = false): Promise<RuleRow | undefined> {
  const q = trx.selectFrom('rules').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Every version of the given codes (for overlap checks and imports). */
export async function versionsOf(trx: Tx, municipalityId: string, codes: string[]): Promise<Rule[]> {
  if (!codes.length) return [];
  const rows = await trx.selectFrom('rules').selectAll().where('municipality_id', '=', municipalityId).where('code', 'in', codes).execute();
  return rows.map(toRule);
}

export async function recordChange(trx: Tx, c: { municipalityId: string; ruleId: string; actorId: string; change: Record<string, unknown> }): Promise<void> {
  await trx
    .insertInto('rule_changes')
    .values({ municipality_id: c.municipalityId, rule_id: c.ruleId, actor_id: c.actorId, change: JSON.stringify(c.change) })
    .execute();
}

export function ruleHistory(trx: Tx, municipalityId: string, ruleId: string) {
  return trx
    .selectFrom('rule_changes as c')
    .leftJoin('users as u', 'u.id', 'c.actor_id')
    .select(['c.created_at', 'c.actor_id', 'u.name as actor_name', 'c.change'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.rule_id', '=', ruleId)
    .orderBy('c.id')
    .execute();
}

/**
 * The register rules with these ids, for modules that cite them (an objection in an
 * assessment round): ids of another municipality are simply not found.
 */
export async function findRulesByIds(trx: Tx, municipalityId: string, ids: readonly string[]): Promise<Rule[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('rules')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toRule);
}
