// Test helpers of the collaborations module, for other modules' tests and the negative
// suite: an outside party's contact address and a session for it.
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { linkTokenHash, newLinkToken } from '../../platform/link-token.js';
import { ctxFor } from '../../testing/factories.js';
import { redeemPartyLoginLink } from './party-access.js';
import { addParty, startCollaboration } from './service.js';

/** The contact address of the outside party the negative suite logs in as, per municipality. */
export const outsidePartyEmail = (slug: string) => `politie@${slug}.example`;

/** A collaboration of `director`'s municipality with the outside party of `email` as a party. */
export async function collaborationWithParty(deps: Deps, director: Actor, email: string): Promise<string> {
  const ctx = ctxFor(deps, director);
  const c = await startCollaboration(ctx, {
    name: 'Jeugdoverlast',
    description: '',
    goal: 'Minder overlast',
    ownerUserId: director.userId,
    phase: 'agenda',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'end',
    areaIds: [],
    themeIds: [],
    caseIds: [],
  });
  await addParty(ctx, {
    collaborationId: c.id,
    kind: 'organisation',
    departmentId: null,
    municipalityId: null,
    name: 'Politie',
    orgType: 'public',
    kvkNumber: null,
    contactName: 'Bram',
    contactEmail: email,
    decidesAlone: [],
    decidesTogether: [],
    finalSay: [],
    yield: '',
    contributions: [],
  });
  return c.id;
}

/** A login link for `email` in the municipality, written directly (as the mail would carry it). */
export async function partyLoginToken(deps: Deps, municipalityId: string, email: string): Promise<string> {
  const token = newLinkToken(municipalityId);
  await deps.db.unsafeAdmin
    .insertInto('collaboration_party_links')
    .values({ token_hash: linkTokenHash(token), municipality_id: municipalityId, email, expires_at: new Date(deps.clock.now().getTime() + 600_000) })
    .execute();
  return token;
}

/** A party session cookie value for `email` in the municipality. */
export async function partySessionCookie(deps: Deps, municipalityId: string, email: string): Promise<string> {
  return (await redeemPartyLoginLink(deps, await partyLoginToken(deps, municipalityId, email))).cookie;
}
