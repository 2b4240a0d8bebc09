// A collaboration read by a municipality that is one of its parties
// (docs/product.md#a-partner-municipality-reads-a-collaboration): that municipality's
// staff who read collaborations in their own municipality open it read-only — its
// sheet as a page and a PDF, the progress, and the agreements made by or to their
// municipality — and nothing else of the owning municipality. The reads run in the
// reader's own municipality's session; row-level security admits exactly the
// collaborations it is a party of (migration 033), and the queries here check the same
// thing themselves. Every read of one is in the access log of both municipalities.
import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { notFound } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { recordAccess } from '../audit/index.js';
import type { PartyCollaborationSummary, PartyCollaborationView } from './party-access.js';
import { renderPartySheet, sheetView } from './party-access.js';
import { collaborationPolicy } from './policy.js';

export interface PartnerCollaborationSummary extends PartyCollaborationSummary {
  /** the municipality whose collaboration it is */
  municipality: string;
}

/** The reader's municipality as a party: its party rows per collaboration of another municipality. */
function partnerParties(trx: Tx, mId: string, collaborationId?: string) {
  let q = trx
    .selectFrom('collaboration_parties')
    .select(['id', 'collaboration_id', 'municipality_id', 'name'])
    .where('kind', '=', 'municipality')
    .where('party_municipality_id', '=', mId)
    .where('municipality_id', '<>', mId);
  if (collaborationId) q = q.where('collaboration_id', '=', collaborationId);
  return q.limit(500).execute();
}

/** The owner's and the owning municipality's names, through the database's partner check. */
async function headsOf(trx: Tx, collaborationId: string) {
  const r = await sql<{ owner_name: string; municipality_name: string }>`
    select owner_name, municipality_name from regie_collaboration_partner_heads(${collaborationId}::uuid)`.execute(trx);
  return r.rows[0];
}

/** The collaborations of other municipalities in which the reader's municipality is a party. */
export async function listPartnerCollaborations(ctx: Ctx): Promise<PartnerCollaborationSummary[]> {
  collaborationPolicy.authorize(ctx.actor, null, 'readAsPartner');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const mine = await partnerParties(trx, mId);
    const ids = [...new Set(mine.map((p) => p.collaboration_id))];
    if (!ids.length) return [];
    const rows = await trx
      .selectFrom('collaborations')
      .select(['id', 'name', 'phase', 'start_on', 'end_on'])
      .where('id', 'in', ids)
      .where('municipality_id', '<>', mId)
      .orderBy('name')
      .orderBy('id')
      .execute();
    const out: PartnerCollaborationSummary[] = [];
    for (const r of rows) {
      const heads = await headsOf(trx, r.id);
      if (!heads) continue;
      out.push({
        id: r.id,
        name: r.name,
        phase: r.phase,
        startOn: r.start_on as IsoDate,
        endOn: r.end_on as IsoDate,
        ownerName: heads.owner_name,
        municipality: heads.municipality_name,
        parties: mine.filter((p) => p.collaboration_id === r.id).map((p) => p.name),
      });
    }
    return out;
  });
}

/**
 * One collaboration of another municipality that the reader's municipality is a party
 * of, as the sheet shows it to every party; any other is not found (404). Logged in the
 * access log of both municipalities.
 */
export async function getPartnerCollaboration(ctx: Ctx, id: string): Promise<PartyCollaborationView> {
  collaborationPolicy.authorize(ctx.actor, null, 'readAsPartner');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const mine = await partnerParties(trx, mId, id);
    const owner = mine[0]?.municipality_id;
    const row = owner
      ? await trx.selectFrom('collaborations').selectAll().where('municipality_id', '=', owner).where('id', '=', id).executeTakeFirst()
      : undefined;
    const heads = row ? await headsOf(trx, id) : undefined;
    if (!row || !owner || !heads) throw notFound('collaboration');
    // The access audit of both municipalities (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd), each naming the other.
    await recordAccess(trx, ctx, { kind: 'crossMunicipality', counterpartMunicipalityId: owner, collaborationId: id });
    await recordAccess(trx, ctx, { kind: 'crossMunicipality', municipalityId: owner, counterpartMunicipalityId: mId, collaborationId: id });
    return sheetView(trx, {
      row,
      ownerName: heads.owner_name,
      municipalityName: heads.municipality_name,
      partyIds: mine.map((p) => p.id),
      partyNames: mine.map((p) => p.name),
      today: dutchDate(ctx.clock.now()),
    });
  });
}

/** The sheet as a PDF, with what the partner may see. */
export async function partnerSheet(ctx: Ctx, id: string): Promise<{ name: string; pdf: Buffer }> {
  const v = await getPartnerCollaboration(ctx, id);
  return { name: v.name, pdf: await renderPartySheet(v, ctx.clock.now()) };
}
