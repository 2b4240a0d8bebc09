// Test helpers of the collaborations module, for other modules' tests and the negative
// suite: an outside party's contact address and a session for it.
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { linkTokenHash, newLinkToken } from '../../platform/link-token.js';
import type { TestMunicipality } from '../../testing/factories.js';
import { ctxFor } from '../../testing/factories.js';
import { addAgreement } from './agreements.js';
import { redeemPartyLoginLink } from './party-access.js';
import { addParty, addTarget, recordReading, startCollaboration } from './service.js';

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

/**
 * A collaboration of `director`'s municipality with `partner` (another municipality) as a
 * party, an outside organisation with a contact person, a linked case, a target with a
 * reading, and two agreements: one made by the partner, one between the organisation
 * and the director (docs/product.md#a-partner-municipality-reads-a-collaboration).
 */
export async function collaborationWithPartner(deps: Deps, director: Actor, partner: TestMunicipality, o: { caseIds?: string[] } = {}) {
  const ctx = ctxFor(deps, director);
  const c = await startCollaboration(ctx, {
    name: 'Regionale energiestrategie',
    description: 'Samen zon en wind een plek geven',
    goal: 'Meer duurzame opwek',
    ownerUserId: director.userId,
    phase: 'policy',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'end',
    areaIds: [],
    themeIds: [],
    caseIds: o.caseIds ?? [],
  });
  const party = (name: string, fields: Partial<Parameters<typeof addParty>[1]>) =>
    addParty(ctx, {
      collaborationId: c.id,
      kind: 'organisation',
      departmentId: null,
      municipalityId: null,
      name,
      orgType: 'public',
      kvkNumber: null,
      contactName: null,
      contactEmail: null,
      decidesAlone: [],
      decidesTogether: [],
      finalSay: [],
      yield: '',
      contributions: [],
      ...fields,
    });
  await party('Buurgemeente', {
    kind: 'municipality',
    municipalityId: partner.id,
    contactName: 'Wethouder Duurzaam',
    contactEmail: `duurzaam@${partner.slug}.example`,
    contributions: [{ kind: 'hours', amount: 120, description: 'Projectleider' }],
  });
  const v = await party('Netbeheerder', { contactName: 'Ingrid Kabel', contactEmail: 'i.kabel@netbeheer.example' });
  const partnerParty = v.parties.find((p) => p.name === 'Buurgemeente')?.id as string;
  const grid = v.parties.find((p) => p.name === 'Netbeheerder')?.id as string;
  const t = await addTarget(ctx, { collaborationId: c.id, indicator: 'Opgewekt vermogen', baseline: 10, targetValue: 50, unit: 'MW', targetOn: '2026-12-31' });
  await recordReading(ctx, { collaborationId: c.id, targetId: t.targets[0]?.id as string, readOn: '2026-02-28', value: 14, note: 'Eerste meting' });
  const base = { dueOn: '2026-06-01', madeVia: 'meeting' as const, madeOn: '2026-03-01', decision: { kind: 'other' as const } };
  const byPartner = await addAgreement(ctx, {
    ...base,
    collaborationId: c.id,
    madeBy: { partyId: partnerParty },
    madeTo: { userId: director.userId },
    what: 'De buurgemeente levert een projectleider',
  });
  const notPartner = await addAgreement(ctx, {
    ...base,
    collaborationId: c.id,
    madeBy: { userId: director.userId },
    madeTo: { partyId: grid },
    what: 'De gemeente zoekt een locatie voor het onderstation',
  });
  return { id: c.id, partnerParty, grid, byPartner: byPartner.id, notPartner: notPartner.id };
}
