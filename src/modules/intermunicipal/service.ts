// Sharing agreement use-cases (docs/product.md#sharing-agreements-between-municipalities):
// propose, approve by both admins, end; the departments a receiving municipality may ask
// under agreements in force; and the access audit of a cross-municipality read or write
// in both municipalities. One transaction each, the agreement row locked when changed.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { type AccessEntry, recordAccesses } from '../audit/index.js';
import { getMunicipality } from '../organisation/index.js';
import { type AgreementStatus, agreementStatus, approve, end, inForce, type Proposal, proposalProblems, type Refusal, type Side, sideOf } from './model.js';
import { agreementPolicy } from './policy.js';
import { type AgreementRow, agreementsOf, facts, findAgreement, unsafeMunicipalityBySlug, unsafeThemesOf } from './repo.js';

export interface AgreementView {
  id: string;
  provider: { id: string; name: string };
  receiver: { id: string; name: string };
  what: string;
  departments: { id: string; name: string }[];
  ruleDomains: string[];
  /** the receiving municipality's themes the agreement is for; none: every theme (docs/product.md#themes-in-a-sharing-agreement) */
  themes: { id: string; name: string }[];
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  status: AgreementStatus;
  /** the side of the reader's municipality */
  side: Side;
  proposed: { byName: string; at: Date };
  approvals: { provider: { byName: string; at: Date } | null; receiver: { byName: string; at: Date } | null };
  ended: { byName: string | null; at: Date | null; reason: string | null; expired: boolean } | null;
  version: number;
  abilities: { approve: boolean; end: boolean };
}

const todayOf = (ctx: Pick<Ctx, 'clock'>): IsoDate => dutchDate(ctx.clock.now());
const forPolicy = (r: AgreementRow) => ({ providerMunicipalityId: r.provider_municipality_id, receiverMunicipalityId: r.receiver_municipality_id });
const approval = (name: string | null, at: Date | null) => (name && at ? { byName: name, at } : null);

export function agreementView(ctx: Ctx, r: AgreementRow): AgreementView {
  const today = todayOf(ctx);
  const f = facts(r);
  const status = agreementStatus(f, today);
  const may = agreementPolicy.abilities(ctx.actor, forPolicy(r));
  return {
    id: r.id,
    provider: { id: r.provider_municipality_id, name: r.provider_name },
    receiver: { id: r.receiver_municipality_id, name: r.receiver_name },
    what: r.what,
    departments: r.department_ids.map((id, i) => ({ id, name: r.department_names[i] ?? '' })),
    ruleDomains: r.rule_domains,
    themes: r.theme_ids.map((id, i) => ({ id, name: r.theme_names[i] ?? '' })),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status,
    side: sideOf(f, ctx.actor.municipalityId) as Side,
    proposed: { byName: r.proposed_by_name, at: r.proposed_at },
    approvals: {
      provider: approval(r.provider_approved_by_name, r.provider_approved_at),
      receiver: approval(r.receiver_approved_by_name, r.receiver_approved_at),
    },
    ended: status === 'ended' ? { byName: r.ended_by_name, at: r.ended_at, reason: r.end_reason, expired: r.state !== 'ended' } : null,
    version: r.version,
    abilities: {
      approve: may.approve && approve(f, ctx.actor.municipalityId, today).ok,
      end: may.end && end(f, ctx.actor.municipalityId, today).ok,
    },
  };
}

const refused = (r: Refusal): AppError => {
  if (r === 'notParty') return notFound('sharing agreement');
  if (r === 'alreadyApproved') return conflict('error.agreementAlreadyApproved');
  return conflict('error.agreementEnded');
};

/** The agreements the admin's municipality is in, newest first. */
export async function listAgreements(ctx: Ctx): Promise<AgreementView[]> {
  agreementPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => (await agreementsOf(trx, mId)).map((r) => agreementView(ctx, r)));
}

export async function getAgreement(ctx: Ctx, id: string): Promise<AgreementView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await findAgreement(trx, mId, id);
    if (!r) throw notFound('sharing agreement');
    agreementPolicy.authorize(ctx.actor, forPolicy(r), 'view');
    return agreementView(ctx, r);
  });
}

/**
 * The providing municipality's admin proposes what its departments provide to another
 * municipality. Nobody has approved yet: both admins approve, the proposer too.
 */
export async function proposeAgreement(
  ctx: Ctx,
  input: Omit<Proposal, 'receiverMunicipalityId' | 'themeIds'> & { receiverMunicipality: string; themeIds?: readonly string[] },
): Promise<AgreementView> {
  agreementPolicy.authorize(ctx.actor, null, 'propose');
  const mId = ctx.actor.municipalityId;
  const today = todayOf(ctx);
  const receiver = await unsafeMunicipalityBySlug(ctx.db, input.receiverMunicipality);
  const p: Proposal = { ...input, themeIds: input.themeIds ?? [], receiverMunicipalityId: receiver?.id ?? '' };
  // The themes are the receiving municipality's (docs/product.md#themes-in-a-sharing-agreement);
  // read before the transaction, as the municipality above.
  const themes = receiver && p.themeIds.length ? await unsafeThemesOf(ctx.db, receiver.id, p.themeIds) : [];
  return ctx.db.tenant(mId, async (trx) => {
    const problems = proposalProblems(p, mId, today);
    if (!receiver) problems.push({ field: 'receiverMunicipality', key: 'error.unknownMunicipality' });
    const departments = p.departmentIds.length
      ? await trx
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('municipality_id', '=', mId)
          .where('id', 'in', [...p.departmentIds])
          .execute()
      : [];
    if (p.departmentIds.length && departments.length !== new Set(p.departmentIds).size)
      problems.push({ field: 'departmentIds', key: 'error.unknownDepartment' });
    if (p.themeIds.length && themes.length !== new Set(p.themeIds).size) problems.push({ field: 'themeIds', key: 'error.unknownTheme' });
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
    const own = await getMunicipality(trx, mId);
    const ordered = p.departmentIds.map((id) => departments.find((d) => d.id === id) as { id: string; name: string });
    const row = await trx
      .insertInto('sharing_agreements')
      .values({
        provider_municipality_id: mId,
        receiver_municipality_id: p.receiverMunicipalityId,
        provider_name: own.name,
        receiver_name: (receiver as { name: string }).name,
        what: p.what.trim(),
        department_ids: ordered.map((d) => d.id),
        department_names: ordered.map((d) => d.name),
        rule_domains: [...new Set(p.ruleDomains)],
        theme_ids: p.themeIds.map((id) => id),
        theme_names: p.themeIds.map((id) => themes.find((t) => t.id === id)?.name ?? ''),
        valid_from: p.validFrom,
        valid_until: p.validUntil,
        proposed_by: ctx.actor.userId,
        proposed_by_name: ctx.actor.name,
        proposed_at: ctx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return agreementView(ctx, row);
  });
}

async function locked(trx: Tx, ctx: Ctx, id: string, ability: 'approve' | 'end', ifMatch?: VersionCondition): Promise<AgreementRow> {
  const r = await findAgreement(trx, ctx.actor.municipalityId, id, true);
  if (!r) throw notFound('sharing agreement');
  agreementPolicy.authorize(ctx.actor, forPolicy(r), ability);
  if (!versionMatches(ifMatch, r.version)) throw staleVersion();
  return r;
}

/** An admin approves for their own municipality, recorded with who and when; the second approval makes it approved. */
export async function approveAgreement(ctx: Ctx, o: { id: string; ifMatch?: VersionCondition }): Promise<AgreementView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await locked(trx, ctx, o.id, 'approve', o.ifMatch);
    const out = approve(facts(r), mId, todayOf(ctx));
    if (!out.ok) throw refused(out.refusal);
    const now = ctx.clock.now();
    const who = { by: ctx.actor.userId, name: ctx.actor.name };
    const row = await trx
      .updateTable('sharing_agreements')
      .set(
        out.side === 'provider'
          ? { provider_approved_by: who.by, provider_approved_by_name: who.name, provider_approved_at: now }
          : { receiver_approved_by: who.by, receiver_approved_by_name: who.name, receiver_approved_at: now },
      )
      .set((eb) => ({ state: out.state, version: eb('version', '+', 1) }))
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return agreementView(ctx, row);
  });
}

/**
 * End the agreement, inside the caller's transaction: the assessment's use-case that
 * also returns the open requests (docs/product.md#ending-a-sharing-agreement) calls it.
 * From the next statement on, row-level security no longer admits the provider.
 */
export async function endAgreementIn(trx: Tx, ctx: Ctx, o: { id: string; reason?: string | null; ifMatch?: VersionCondition }): Promise<AgreementRow> {
  const r = await locked(trx, ctx, o.id, 'end', o.ifMatch);
  const out = end(facts(r), ctx.actor.municipalityId, todayOf(ctx));
  if (!out.ok) throw refused(out.refusal);
  return trx
    .updateTable('sharing_agreements')
    .set((eb) => ({
      state: 'ended' as const,
      ended_by: ctx.actor.userId,
      ended_by_name: ctx.actor.name,
      ended_at: ctx.clock.now(),
      end_reason: o.reason?.trim() || null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', r.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The themes of the municipality an admin proposes an agreement to, to choose the
 * agreement's theme scope from (docs/product.md#themes-in-a-sharing-agreement). Only
 * their names: a municipality's own words, no personal data.
 */
export async function receiverThemes(ctx: Ctx, slug: string): Promise<{ id: string; name: string }[]> {
  agreementPolicy.authorize(ctx.actor, null, 'propose');
  const receiver = await unsafeMunicipalityBySlug(ctx.db, slug);
  if (!receiver || receiver.id === ctx.actor.municipalityId) throw notFound('municipality');
  return unsafeThemesOf(ctx.db, receiver.id);
}

export interface SharedDepartment {
  agreementId: string;
  providerMunicipalityId: string;
  providerName: string;
  departmentId: string;
  departmentName: string;
  ruleDomains: string[];
  /** the themes of the receiving municipality the agreement is for; none: every theme */
  themes: { id: string; name: string }[];
}

/** The other municipalities' departments that `mId` may ask under agreements in force today. */
export async function sharedDepartmentsIn(trx: Tx, mId: string, today: IsoDate): Promise<SharedDepartment[]> {
  const rows = await trx.selectFrom('sharing_agreements').selectAll().where('receiver_municipality_id', '=', mId).where('state', '=', 'approved').execute();
  return rows
    .filter((r) => inForce(facts(r), today))
    .flatMap((r) =>
      r.department_ids.map((id, i) => ({
        agreementId: r.id,
        providerMunicipalityId: r.provider_municipality_id,
        providerName: r.provider_name,
        departmentId: id,
        departmentName: r.department_names[i] ?? '',
        ruleDomains: r.rule_domains,
        themes: r.theme_ids.map((t, j) => ({ id: t, name: r.theme_names[j] ?? '' })),
      })),
    );
}

/** The director's party picker: the departments available under active agreements. */
export async function availableSharedDepartments(ctx: Ctx): Promise<SharedDepartment[]> {
  agreementPolicy.authorize(ctx.actor, null, 'pickShared');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, (trx) => sharedDepartmentsIn(trx, mId, todayOf(ctx)));
}

/** The agreements in force today under which `mId` provides (the application's own check, beside row-level security). */
export async function agreementsInForceAsProvider(trx: Tx, mId: string, today: IsoDate): Promise<AgreementRow[]> {
  const rows = await trx.selectFrom('sharing_agreements').selectAll().where('provider_municipality_id', '=', mId).where('state', '=', 'approved').execute();
  return rows.filter((r) => inForce(facts(r), today));
}

/**
 * Cross-municipality reads or writes by the provider's staff member, in the access
 * audit of both municipalities (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd),
 * each row naming the other municipality: per receiving municipality and case, the
 * provider's row and the receiver's. One statement for all of them, however many cases a
 * list shows (docs/performance.md, "Beoordeling met een andere gemeente"). Runs in the
 * provider's session.
 */
export async function recordCrossAccess(trx: Tx, ctx: Ctx, reads: readonly { receiverMunicipalityId: string; caseIds: readonly string[] }[]): Promise<void> {
  const provider = ctx.actor.municipalityId;
  const entries: AccessEntry[] = [];
  for (const { receiverMunicipalityId, caseIds } of reads) {
    for (const caseId of new Set(caseIds)) {
      entries.push({ kind: 'crossMunicipality', counterpartMunicipalityId: receiverMunicipalityId, caseId });
      entries.push({ kind: 'crossMunicipality', municipalityId: receiverMunicipalityId, counterpartMunicipalityId: provider, caseId });
    }
  }
  await recordAccesses(trx, ctx, entries);
}

/**
 * Which of these agreements are in force on `today`. Read in the session of either
 * municipality, or by the silence job across municipalities.
 */
export async function agreementsInForceByIds(trx: Tx, ids: readonly string[], today: IsoDate): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await trx
    .selectFrom('sharing_agreements')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.filter((r) => inForce(facts(r), today)).map((r) => r.id));
}

/** The receiving municipality's name per agreement, for mail about it. */
export async function agreementNamesByIds(trx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await trx
    .selectFrom('sharing_agreements')
    .select(['id', 'receiver_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.receiver_name]));
}
