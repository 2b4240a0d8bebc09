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
import { hostedCommitmentRecords } from '../commitments/index.js';
import type { PartyCollaborationSummary, PartyCollaborationView } from './party-access.js';
import { renderPartySheet } from './party-access.js';
import { collaborationPolicy } from './policy.js';
import { partiesOf, targetsOf } from './repo.js';

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
    const ownIds = mine.map((p) => p.id);
    const links = await trx
      .selectFrom('collaboration_agreements')
      .select('commitment_id')
      .where('municipality_id', '=', owner)
      .where('collaboration_id', '=', id)
      .where((eb) => eb.or([eb('made_by_party_id', 'in', ownIds), eb('made_to_party_id', 'in', ownIds)]))
      .execute();
    const today = dutchDate(ctx.clock.now());
    const targets = await targetsOf(trx, owner, id);
    const parties = await partiesOf(trx, owner, id);
    const agreements = await hostedCommitmentRecords(
      trx,
      { municipalityId: owner, today },
      id,
      links.map((l) => l.commitment_id),
    );
    // The access audit of both municipalities (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd), each naming the other.
    await recordAccess(trx, ctx, { kind: 'crossMunicipality', counterpartMunicipalityId: owner, collaborationId: id });
    await recordAccess(trx, ctx, { kind: 'crossMunicipality', municipalityId: owner, counterpartMunicipalityId: mId, collaborationId: id });
    const staffAs = (x: { name: string; staff: boolean }) => (x.staff ? { name: `Gemeente ${heads.municipality_name}`, staff: true } : x);
    return {
      id: row.id,
      name: row.name,
      phase: row.phase,
      phaseSince: row.phase_since as IsoDate,
      startOn: row.start_on as IsoDate,
      endOn: row.end_on as IsoDate,
      endKind: row.end_kind,
      ownerName: heads.owner_name,
      municipality: heads.municipality_name,
      description: row.description,
      goal: row.goal,
      parties: mine.map((p) => p.name),
      targets,
      // As the sheet shows them to every party: no contact persons.
      sheetParties: parties.map(({ contactName: _n, contactEmail: _e, version: _v, ...p }) => p),
      agreements: agreements.map((a) => ({ ...a, madeBy: staffAs(a.madeBy), madeTo: staffAs(a.madeTo) })),
    };
  });
}

/** The sheet as a PDF, with what the partner may see. */
export async function partnerSheet(ctx: Ctx, id: string): Promise<{ name: string; pdf: Buffer }> {
  const v = await getPartnerCollaboration(ctx, id);
  return { name: v.name, pdf: await renderPartySheet(v, ctx.clock.now()) };
}
