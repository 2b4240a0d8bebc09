// An outside party's read access (docs/product.md#an-outside-partys-read-access): the
// contact person of a party asks for a one-time login link by e-mail address, and the
// link opens a session of that address in that municipality. The session is not a staff
// login: the staff authentication never resolves it, so every staff endpoint refuses it,
// and it reads only the collaborations where the address is a party's contact — their
// sheet and the agreements made by or to its own party.
import type { Selectable } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CollaborationTable } from '../../platform/db/schema.js';
import { linkTokenHash, newLinkToken, parseLinkToken } from '../../platform/link-token.js';
import { partyLoginLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { type CommitmentRecord, hostedCommitmentRecords } from '../commitments/index.js';
import { partyLoginMail } from './mail.js';
import { type Party, partiesOf, type Target, targetsOf } from './repo.js';
import type { CollaborationView } from './service.js';
import { renderSheet } from './sheet.js';

/** The login link works for 15 minutes, once; the session for 8 hours. */
export const PARTY_LINK_MINUTES = 15;
export const PARTY_SESSION_HOURS = 8;
/** The outside party's session cookie: apart from the staff session's. */
export const PARTY_COOKIE = 'regie_party';

export interface PartySession {
  municipalityId: string;
  email: string;
}

const refused = () => new AppError(401, 'unauthenticated', 'error.partyLinkInvalid');

/**
 * Ask for a login link. The answer is the same whether or not the address is known
 * (the caller learns nothing); the mail goes only to a contact address of a party of one
 * of the municipality's collaborations.
 */
export async function requestPartyLoginLink(deps: Deps, input: { municipality: string; email: string }): Promise<void> {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['id', 'name']).where('slug', '=', input.municipality).executeTakeFirst();
  if (!m) return;
  const email = input.email.trim().toLowerCase();
  await deps.db.tenant(m.id, async (trx) => {
    const known = await trx
      .selectFrom('collaboration_parties')
      .select(['contact_name', 'name'])
      .where('municipality_id', '=', m.id)
      .where((eb) => eb(eb.fn('lower', ['contact_email']), '=', email))
      .where('kind', '<>', 'department')
      .executeTakeFirst();
    if (!known) return;
    const token = newLinkToken(m.id);
    const now = deps.clock.now();
    await trx
      .insertInto('collaboration_party_links')
      .values({
        token_hash: linkTokenHash(token),
        municipality_id: m.id,
        email,
        expires_at: new Date(now.getTime() + PARTY_LINK_MINUTES * 60_000),
        created_at: now,
      })
      .execute();
    await enqueueMail(trx, {
      municipalityId: m.id,
      to: email,
      ...partyLoginMail({
        name: known.contact_name ?? known.name,
        link: partyLoginLink(deps.config.publicUrl, token),
        municipality: m.name,
        minutes: PARTY_LINK_MINUTES,
      }),
    });
  });
}

/** Use a login link (once, before it expires): a session cookie value and its end. */
export async function redeemPartyLoginLink(deps: Deps, token: string): Promise<{ cookie: string; expiresAt: Date }> {
  const parsed = parseLinkToken(token);
  if (!parsed) throw refused();
  const mId = parsed.municipalityId;
  return deps.db.tenant(mId, async (trx) => {
    const now = deps.clock.now();
    // Used up in the same statement that finds it: a second use finds nothing.
    const link = await trx
      .updateTable('collaboration_party_links')
      .set({ used_at: now })
      .where('municipality_id', '=', mId)
      .where('token_hash', '=', parsed.hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['email'])
      .executeTakeFirst();
    if (!link) throw refused();
    const cookie = newLinkToken(mId);
    const expiresAt = new Date(now.getTime() + PARTY_SESSION_HOURS * 3_600_000);
    await trx
      .insertInto('collaboration_party_sessions')
      .values({ id: linkTokenHash(cookie), municipality_id: mId, email: link.email, created_at: now, expires_at: expiresAt })
      .execute();
    return { cookie, expiresAt };
  });
}

/** The session behind a cookie value, or null. */
export async function partySessionOf(deps: Deps, cookie: string | undefined): Promise<PartySession | null> {
  const parsed = cookie ? parseLinkToken(cookie) : null;
  if (!parsed) return null;
  const mId = parsed.municipalityId;
  const s = await deps.db.tenant(mId, (trx) =>
    trx
      .selectFrom('collaboration_party_sessions')
      .select(['email'])
      .where('municipality_id', '=', mId)
      .where('id', '=', parsed.hash)
      .where('expires_at', '>', deps.clock.now())
      .executeTakeFirst(),
  );
  return s ? { municipalityId: mId, email: s.email } : null;
}

export async function endPartySession(deps: Deps, cookie: string | undefined): Promise<void> {
  const parsed = cookie ? parseLinkToken(cookie) : null;
  if (!parsed) return;
  await deps.db.tenant(parsed.municipalityId, (trx) =>
    trx.deleteFrom('collaboration_party_sessions').where('municipality_id', '=', parsed.municipalityId).where('id', '=', parsed.hash).execute(),
  );
}

// ---- what the session reads -----------------------------------------------------------

/** The parties whose contact is the session's address, per collaboration. */
function ownParties(trx: Tx, s: PartySession) {
  return trx
    .selectFrom('collaboration_parties')
    .select(['id', 'collaboration_id', 'name'])
    .where('municipality_id', '=', s.municipalityId)
    .where((eb) => eb(eb.fn('lower', ['contact_email']), '=', s.email.toLowerCase()))
    .where('kind', '<>', 'department')
    .execute();
}

export interface PartyCollaborationSummary {
  id: string;
  name: string;
  phase: CollaborationView['phase'];
  startOn: IsoDate;
  endOn: IsoDate;
  ownerName: string;
  /** the session's own parties in it */
  parties: string[];
}

/** The collaborations in which the session's address is a party's contact. */
export async function listPartyCollaborations(deps: Deps, s: PartySession): Promise<{ municipality: string; items: PartyCollaborationSummary[] }> {
  return deps.db.tenant(s.municipalityId, async (trx) => {
    const mine = await ownParties(trx, s);
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', s.municipalityId).executeTakeFirstOrThrow();
    const ids = [...new Set(mine.map((p) => p.collaboration_id))];
    if (!ids.length) return { municipality: m.name, items: [] };
    const rows = await trx
      .selectFrom('collaborations as c')
      .innerJoin('users as u', 'u.id', 'c.owner_user_id')
      .select(['c.id', 'c.name', 'c.phase', 'c.start_on', 'c.end_on', 'u.name as owner_name'])
      .where('c.municipality_id', '=', s.municipalityId)
      .where('c.id', 'in', ids)
      .orderBy('c.name')
      .execute();
    return {
      municipality: m.name,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        phase: r.phase,
        startOn: r.start_on as IsoDate,
        endOn: r.end_on as IsoDate,
        ownerName: r.owner_name,
        parties: mine.filter((p) => p.collaboration_id === r.id).map((p) => p.name),
      })),
    };
  });
}

export interface PartyCollaborationView extends PartyCollaborationSummary {
  municipality: string;
  description: string;
  goal: string;
  endKind: CollaborationView['endKind'];
  phaseSince: IsoDate;
  targets: Target[];
  /** every party with its contribution, power and yield; no contact details */
  sheetParties: Omit<Party, 'contactName' | 'contactEmail' | 'version'>[];
  /** the agreements made by or to the session's own parties; staff named as the municipality */
  agreements: CommitmentRecord[];
}

/**
 * A collaboration as the sheet shows it to a party (docs/product.md#an-outside-partys-read-access,
 * docs/product.md#a-partner-municipality-reads-a-collaboration): its targets, every party
 * without contact details, and only the agreements made by or to the reader's own
 * parties, with the owner's staff named as the municipality.
 */
export async function sheetView(
  trx: Tx,
  o: {
    row: Selectable<CollaborationTable>;
    ownerName: string;
    municipalityName: string;
    /** the reader's own parties in the collaboration */
    partyIds: string[];
    partyNames: string[];
    today: IsoDate;
  },
): Promise<PartyCollaborationView> {
  const { row } = o;
  const owner = row.municipality_id;
  const links = await trx
    .selectFrom('collaboration_agreements')
    .select('commitment_id')
    .where('municipality_id', '=', owner)
    .where('collaboration_id', '=', row.id)
    .where((eb) => eb.or([eb('made_by_party_id', 'in', o.partyIds), eb('made_to_party_id', 'in', o.partyIds)]))
    .execute();
  const [targets, parties, agreements] = await Promise.all([
    targetsOf(trx, owner, row.id),
    partiesOf(trx, owner, row.id),
    hostedCommitmentRecords(
      trx,
      { municipalityId: owner, today: o.today },
      row.id,
      links.map((l) => l.commitment_id),
    ),
  ]);
  const staffAs = (x: { name: string; staff: boolean }) => (x.staff ? { name: `Gemeente ${o.municipalityName}`, staff: true } : x);
  return {
    id: row.id,
    name: row.name,
    phase: row.phase,
    phaseSince: row.phase_since as IsoDate,
    startOn: row.start_on as IsoDate,
    endOn: row.end_on as IsoDate,
    endKind: row.end_kind,
    ownerName: o.ownerName,
    municipality: o.municipalityName,
    description: row.description,
    goal: row.goal,
    parties: o.partyNames,
    targets,
    // As the sheet shows them to every party: no contact persons.
    sheetParties: parties.map(({ contactName: _n, contactEmail: _e, version: _v, ...p }) => p),
    agreements: agreements.map((a) => ({ ...a, madeBy: staffAs(a.madeBy), madeTo: staffAs(a.madeTo) })),
  };
}

/** One collaboration the session's party is in; any other is not found (404). */
export async function getPartyCollaboration(deps: Deps, s: PartySession, id: string): Promise<PartyCollaborationView> {
  const mId = s.municipalityId;
  return deps.db.tenant(mId, async (trx) => {
    const mine = (await ownParties(trx, s)).filter((p) => p.collaboration_id === id);
    if (!mine.length) throw notFound('collaboration');
    const row = await trx
      .selectFrom('collaborations as c')
      .innerJoin('users as u', 'u.id', 'c.owner_user_id')
      .selectAll('c')
      .select('u.name as owner_name')
      .where('c.municipality_id', '=', mId)
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', mId).executeTakeFirstOrThrow();
    return sheetView(trx, {
      row,
      ownerName: row.owner_name,
      municipalityName: m.name,
      partyIds: mine.map((p) => p.id),
      partyNames: mine.map((p) => p.name),
      today: dutchDate(deps.clock.now()),
    });
  });
}

/** The sheet as a PDF, with only what the session may see. */
export async function partySheet(deps: Deps, s: PartySession, id: string): Promise<{ name: string; pdf: Buffer }> {
  const v = await getPartyCollaboration(deps, s, id);
  return { name: v.name, pdf: await renderPartySheet(v, deps.clock.now()) };
}

/** The PDF of a party's view of a collaboration: the sheet without contact details, cases, areas, themes or timeline. */
export function renderPartySheet(v: PartyCollaborationView, generatedAt: Date): Promise<Buffer> {
  const sheetView = {
    ...v,
    ownerUserId: '',
    version: 0,
    areas: [],
    themes: [],
    cases: [],
    phases: [],
    timeline: [],
    parties: v.sheetParties.map((p) => ({ ...p, contactName: null, contactEmail: null, version: 0 })),
    health: { issues: [] },
    abilities: { edit: false },
    agreements: v.agreements.map((a) => ({ ...a, madeBy: { ...a.madeBy, userId: null, role: '' }, madeTo: { ...a.madeTo, userId: null } })),
  } as unknown as CollaborationView;
  return renderSheet(sheetView, { municipality: v.municipality, generatedAt, partyView: true });
}
