// Sharing agreement queries. Each takes the session's municipality and filters on the
// agreements it is in: row-level security (the agreement's tenant policy) is the second
// wall. `unsafe…` functions deliberately read across municipalities.

import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/index.js';
import type { SharingAgreementTable } from '../../platform/db/schema.js';
import type { AgreementFacts } from './model.js';

export type AgreementRow = Selectable<SharingAgreementTable>;

export const facts = (r: AgreementRow): AgreementFacts => ({
  providerMunicipalityId: r.provider_municipality_id,
  receiverMunicipalityId: r.receiver_municipality_id,
  state: r.state,
  providerApproved: r.provider_approved_at !== null,
  receiverApproved: r.receiver_approved_at !== null,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
});

export function findAgreement(trx: Tx, mId: string, id: string, lock = false): Promise<AgreementRow | undefined> {
  const q = trx
    .selectFrom('sharing_agreements')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('provider_municipality_id', '=', mId), eb('receiver_municipality_id', '=', mId)]));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function agreementsOf(trx: Tx, mId: string): Promise<AgreementRow[]> {
  return trx
    .selectFrom('sharing_agreements')
    .selectAll()
    .where((eb) => eb.or([eb('provider_municipality_id', '=', mId), eb('receiver_municipality_id', '=', mId)]))
    .orderBy('proposed_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

/**
 * Another municipality of the installation by its slug, which its admin gives to the
 * proposer: the id and name on a proposal. Crosses municipalities on purpose, for one
 * row the proposer names.
 */
export function unsafeMunicipalityBySlug(db: Db, slug: string) {
  return db.unsafeAdmin.selectFrom('municipalities').select(['id', 'name']).where('slug', '=', slug.trim().toLowerCase()).executeTakeFirst();
}

/**
 * A municipality's themes (all, or those of `ids`), for the theme scope of an agreement
 * proposed to it: the proposer may not read the other municipality's rows itself.
 * Crosses municipalities on purpose, for names only.
 */
export function unsafeThemesOf(db: Db, municipalityId: string, ids?: readonly string[]) {
  let q = db.unsafeAdmin.selectFrom('themes').select(['id', 'name']).where('municipality_id', '=', municipalityId);
  if (ids) q = q.where('id', 'in', [...ids]);
  return q.orderBy('name').orderBy('id').limit(500).execute();
}

/**
 * The active specialists of a provider's department, for the receiving municipality of
 * an agreement in force (the database function checks both; see migration 024).
 */
export async function sharedSpecialists(trx: Tx, agreementId: string, departmentId: string) {
  const r = await sql<{ id: string; name: string; email: string; locale: 'nl' | 'en' }>`
    select id, name, email, locale from regie_shared_specialists(${agreementId}::uuid, ${departmentId}::uuid)`.execute(trx);
  return r.rows;
}

/**
 * Enter the case's municipality for the rest of the transaction, for a shared party the
 * session's municipality provides under an agreement in force; the database refuses
 * otherwise (docs/architecture.md#across-municipalities). Returns that municipality.
 */
export async function enterSharedParty(trx: Tx, partyId: string): Promise<string> {
  const r = await sql<{ m: string }>`select regie_enter_shared_party(${partyId}::uuid) as m`.execute(trx);
  return r.rows[0]?.m as string;
}

/** Enter the receiving municipality of an agreement the session's municipality is in. */
export async function enterReceiver(trx: Tx, agreementId: string): Promise<string> {
  const r = await sql<{ m: string }>`select regie_enter_receiver(${agreementId}::uuid) as m`.execute(trx);
  return r.rows[0]?.m as string;
}

/** Back to the actor's own municipality after acting in another's. */
export async function returnHome(trx: Tx, mId: string): Promise<void> {
  await sql`select set_config('regie.municipality_id', ${mId}, true)`.execute(trx);
}
