// Agreements within a collaboration (docs/product.md#agreements-within-a-collaboration):
// commitments on record that belong to the collaboration instead of a case. The
// commitments module keeps the commitment (who, to whom, what, by when, its mandate
// check, kept/broken/withdrawn, amendments, reminders); this module keeps which of the
// collaboration's parties made or received it, and an outside party's confirmation
// through a one-time link. Every event goes on the collaboration's own timeline, in the
// transaction of the change.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, type FieldProblem, notFound } from '../../kernel/errors.js';
import type { VersionCondition } from '../../kernel/preconditions.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { newLinkToken, parseLinkToken } from '../../platform/link-token.js';
import { agreementLink, collaborationLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import {
  amendHostedCommitment,
  answerByMaker,
  type CollaborationReminders,
  type CommitmentView,
  decideHostedConfirmation,
  type EventSink,
  hostedCommitments,
  type Outcome,
  type RecordFields,
  recordHostedCommitment,
  recordHostedOutcome,
} from '../commitments/index.js';
import { loadFor } from './access.js';
import { recordCollaborationEvent, recordCollaborationEventBy } from './events.js';
import { refreshHealth } from './health.js';
import { agreementMail } from './mail.js';
import { AGREEMENT_LINK_DAYS, agreementLinkState, PARTY_ROLE_NL, partyConfirms } from './model.js';
import { collaborationPolicy } from './policy.js';
import type { CollaborationRow } from './repo.js';

/** Who made or received an agreement: a party of the collaboration, or a user of the municipality. */
export type AgreementSide = { partyId: string } | { userId: string };

export interface AgreementFields extends Omit<RecordFields, 'madeBy' | 'madeTo'> {
  madeBy: AgreementSide;
  madeTo: AgreementSide;
}

export interface AgreementView extends CommitmentView {
  madeByPartyId: string | null;
  madeToPartyId: string | null;
  /** an outside party's own agreement: it confirms (or disputes) it through its link */
  confirmedByParty: boolean;
  partyAnswer: { answer: 'confirmed' | 'disputed'; reason: string | null; at: Date } | null;
  /** until when the party's current link works (null: no link) */
  linkExpiresAt: Date | null;
  /** whether the actor may send the party's link again (docs/product.md#sending-an-outside-partys-link-again) */
  resendLink: boolean;
}

const invalidInput = (problems: FieldProblem[]) => new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);

/** The events of an agreement go to the collaboration's timeline. */
const sinkFor =
  (trx: Tx, ctx: Ctx, collaborationId: string): EventSink =>
  (event) =>
    recordCollaborationEvent(trx, ctx, collaborationId, event);

/** What the reminders need of a collaboration; the composition root passes it to the commitments job. */
export const collaborationReminders: CollaborationReminders = {
  link: collaborationLink,
  recordEvent: (trx, at, collaborationId, event) =>
    recordCollaborationEventBy(trx, { municipalityId: at.municipalityId, actorId: null, now: at.now }, collaborationId, event),
};

async function partyOf(trx: Tx, mId: string, collaborationId: string, partyId: string) {
  return trx
    .selectFrom('collaboration_parties')
    .select(['id', 'kind', 'name', 'contact_name', 'contact_email'])
    .where('municipality_id', '=', mId)
    .where('collaboration_id', '=', collaborationId)
    .where('id', '=', partyId)
    .executeTakeFirst();
}
type PartyRow = NonNullable<Awaited<ReturnType<typeof partyOf>>>;

/**
 * Record an agreement (the owner, a coordinator or an admin: whoever keeps the
 * collaboration). A party's agreement is recorded in its name; an outside party's
 * (an organisation or another municipality) waits for its own confirmation: the
 * one-time link goes to its contact person by mail, in this transaction.
 */
export async function recordAgreement(
  trx: Tx,
  ctx: Ctx,
  row: CollaborationRow,
  input: AgreementFields,
): Promise<{ id: string; status: 'binding' | 'needsConfirmation'; linkSentTo: string | null }> {
  const mId = ctx.actor.municipalityId;
  const problems: FieldProblem[] = [];
  const side = async (field: 'madeBy' | 'madeTo', s: AgreementSide): Promise<PartyRow | null> => {
    if (!('partyId' in s)) return null;
    const p = await partyOf(trx, mId, row.id, s.partyId);
    if (!p) problems.push({ field: `${field}.partyId`, key: 'error.agreementPartyUnknown' });
    return p ?? null;
  };
  const byParty = await side('madeBy', input.madeBy);
  const toParty = await side('madeTo', input.madeTo);
  const confirmedByMaker = byParty !== null && partyConfirms(byParty.kind as 'department' | 'municipality' | 'organisation');
  // The link goes to the party's contact person: without an address nobody could confirm it.
  if (byParty && confirmedByMaker && !byParty.contact_email) problems.push({ field: 'madeBy.partyId', key: 'error.agreementPartyNoContact' });
  if (problems.length) throw invalidInput(problems);
  const madeBy: RecordFields['madeBy'] = byParty
    ? { name: byParty.name, role: PARTY_ROLE_NL[byParty.kind as keyof typeof PARTY_ROLE_NL] }
    : { userId: (input.madeBy as { userId: string }).userId };
  const madeTo: NonNullable<RecordFields['madeTo']> = toParty
    ? { name: toParty.name, email: toParty.contact_email }
    : { userId: (input.madeTo as { userId: string }).userId };
  const recorded = await recordHostedCommitment(trx, ctx, {
    ...input,
    madeBy,
    madeTo,
    collaborationId: row.id,
    confirmedByMaker,
    about: { reference: `samenwerking ${row.name}`, link: collaborationLink(ctx.config.publicUrl, row.id) },
    onEvent: sinkFor(trx, ctx, row.id),
  });
  const waits = confirmedByMaker && recorded.status === 'needsConfirmation';
  const token = waits ? newLinkToken(mId) : null;
  const now = ctx.clock.now();
  await trx
    .insertInto('collaboration_agreements')
    .values({
      commitment_id: recorded.id,
      municipality_id: mId,
      collaboration_id: row.id,
      made_by_party_id: byParty?.id ?? null,
      made_to_party_id: toParty?.id ?? null,
      link_token_hash: token ? (parseLinkToken(token)?.hash ?? null) : null,
      link_expires_at: token ? new Date(now.getTime() + AGREEMENT_LINK_DAYS * 86_400_000) : null,
      created_at: now,
    })
    .execute();
  if (token && byParty?.contact_email) {
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', mId).executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      municipalityId: mId,
      to: byParty.contact_email,
      ...agreementMail({
        name: byParty.contact_name ?? byParty.name,
        party: byParty.name,
        collaboration: row.name,
        what: input.what.trim(),
        dueOn: input.dueOn,
        link: agreementLink(ctx.config.publicUrl, token),
        municipality: m.name,
        days: AGREEMENT_LINK_DAYS,
      }),
    });
    await recordCollaborationEvent(trx, ctx, row.id, { type: 'agreement.linkSent', payload: { commitmentId: recorded.id, party: byParty.name } });
  }
  return { id: recorded.id, status: recorded.status, linkSentTo: token ? (byParty?.name ?? null) : null };
}

/** The agreements of a collaboration with their parties, as the actor sees them. */
export async function agreementsOf(trx: Tx, ctx: Ctx, row: CollaborationRow): Promise<AgreementView[]> {
  const mId = ctx.actor.municipalityId;
  const links = await trx
    .selectFrom('collaboration_agreements')
    .selectAll()
    .where('municipality_id', '=', mId)
    .where('collaboration_id', '=', row.id)
    .execute();
  const byId = new Map(links.map((l) => [l.commitment_id, l]));
  const manage = collaborationPolicy.can(ctx.actor, { ownerUserId: row.owner_user_id }, 'edit');
  const views = await hostedCommitments(trx, ctx, row.id, { manage, confirmByMandate: (id) => byId.get(id)?.link_token_hash == null });
  return views.map((v) => {
    const l = byId.get(v.id);
    return {
      ...v,
      madeByPartyId: l?.made_by_party_id ?? null,
      madeToPartyId: l?.made_to_party_id ?? null,
      confirmedByParty: l?.link_token_hash != null,
      partyAnswer:
        l?.party_answer && l.party_answered_at ? { answer: l.party_answer as 'confirmed' | 'disputed', reason: l.party_reason, at: l.party_answered_at } : null,
      linkExpiresAt: l?.link_token_hash ? l.link_expires_at : null,
      resendLink: manage && l != null && linkResendable(l, v.status),
    };
  });
}

/** The overdue agreements, for the health check: open and past their due date, with who made them. */
export const overdueOf = (agreements: readonly AgreementView[]): { madeBy: string; what: string; dueOn: IsoDate }[] =>
  agreements.filter((a) => a.overdue).map((a) => ({ madeBy: a.madeBy.name, what: a.what, dueOn: a.dueOn }));

export type AgreementChange =
  | { kind: 'amend'; what?: string; dueOn?: IsoDate; reason: string }
  | { kind: 'outcome'; status: Outcome; reason?: string | null }
  | { kind: 'confirmation'; decision: 'confirm' | 'decline'; reason?: string | null };

/** Amend, end, or (as the mandate holder) confirm an agreement of this collaboration. */
export async function changeAgreement(
  trx: Tx,
  ctx: Ctx,
  row: CollaborationRow,
  opts: { agreementId: string; ifMatch?: VersionCondition; change: AgreementChange },
): Promise<void> {
  const h = { collaborationId: row.id, id: opts.agreementId, ifMatch: opts.ifMatch, onEvent: sinkFor(trx, ctx, row.id) };
  const c = opts.change;
  if (c.kind === 'amend') return amendHostedCommitment(trx, ctx, { ...h, what: c.what, dueOn: c.dueOn, reason: c.reason });
  if (c.kind === 'outcome') return recordHostedOutcome(trx, ctx, { ...h, status: c.status, reason: c.reason });
  // An outside party's agreement is confirmed by the party, through its link, not by a mandate holder.
  const link = await trx
    .selectFrom('collaboration_agreements')
    .select('link_token_hash')
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('commitment_id', '=', opts.agreementId)
    .executeTakeFirst();
  if (link?.link_token_hash) throw new AppError(409, 'conflict', 'error.agreementConfirmedByParty');
  return decideHostedConfirmation(trx, ctx, { ...h, decision: c.decision, reason: c.reason });
}

/**
 * An outside party's link can be sent again while its agreement still waits for the
 * party's answer, whether or not the old link has expired
 * (docs/product.md#sending-an-outside-partys-link-again).
 */
const linkResendable = (l: { link_token_hash: string | null; party_answer: string | null }, status: CommitmentView['status']) =>
  l.link_token_hash !== null && l.party_answer === null && status === 'needsConfirmation';

/**
 * Send an outside party's one-time link again: a new token replaces the old one (which
 * stops working), valid for the full period again, mailed to the party's contact person
 * as it is now, in this transaction (docs/product.md#sending-an-outside-partys-link-again).
 */
export function resendAgreementLink(ctx: Ctx, opts: { collaborationId: string; agreementId: string }): Promise<AgreementView & { linkSentTo: string }> {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const mId = ctx.actor.municipalityId;
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true });
    const current = await oneAgreement(trx, ctx, row, opts.agreementId);
    const link = await trx
      .selectFrom('collaboration_agreements')
      .select(['link_token_hash', 'party_answer', 'made_by_party_id'])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', row.id)
      .where('commitment_id', '=', opts.agreementId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (link.link_token_hash === null) throw new AppError(409, 'conflict', 'error.agreementNoPartyLink');
    if (link.party_answer !== null) throw new AppError(409, 'conflict', 'error.agreementLinkUsed');
    if (!linkResendable(link, current.status)) throw new AppError(409, 'conflict', 'error.commitmentNotAwaitingConfirmation');
    const party = link.made_by_party_id ? await partyOf(trx, mId, row.id, link.made_by_party_id) : undefined;
    if (!party?.contact_email) throw new AppError(409, 'conflict', 'error.agreementPartyNoContact');
    const token = newLinkToken(mId);
    const now = ctx.clock.now();
    await trx
      .updateTable('collaboration_agreements')
      .set({ link_token_hash: parseLinkToken(token)?.hash ?? null, link_expires_at: new Date(now.getTime() + AGREEMENT_LINK_DAYS * 86_400_000) })
      .where('municipality_id', '=', mId)
      .where('commitment_id', '=', opts.agreementId)
      .execute();
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', mId).executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      municipalityId: mId,
      to: party.contact_email,
      ...agreementMail({
        name: party.contact_name ?? party.name,
        party: party.name,
        collaboration: row.name,
        what: current.what,
        dueOn: current.dueOn,
        link: agreementLink(ctx.config.publicUrl, token),
        municipality: m.name,
        days: AGREEMENT_LINK_DAYS,
      }),
    });
    await recordCollaborationEvent(trx, ctx, row.id, { type: 'agreement.linkResent', payload: { commitmentId: opts.agreementId, party: party.name } });
    return { ...(await oneAgreement(trx, ctx, row, opts.agreementId)), linkSentTo: party.name };
  });
}

// ---- the outside party's one-time link ----------------------------------------------

/**
 * What the confirmation page shows. The token names its municipality and is looked up
 * inside that municipality's row-level security, by its hash: a wrong token, one of
 * another municipality or one edited by hand is not found (404); a used or expired
 * one is gone (410).
 */
async function withAgreementLink<T>(deps: Deps, token: string, fn: (trx: Tx, s: { mId: string; link: AgreementLinkRow; now: Date }) => Promise<T>): Promise<T> {
  const parsed = parseLinkToken(token);
  if (!parsed) throw notFound('link');
  const mId = parsed.municipalityId;
  return deps.db.tenant(mId, async (trx) => {
    const link = await trx
      .selectFrom('collaboration_agreements')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('link_token_hash', '=', parsed.hash)
      .forUpdate()
      .executeTakeFirst();
    if (!link) throw notFound('link');
    return fn(trx, { mId, link, now: deps.clock.now() });
  });
}
type AgreementLinkRow = {
  commitment_id: string;
  collaboration_id: string;
  made_by_party_id: string | null;
  link_expires_at: Date | null;
  party_answer: string | null;
  party_answered_at: Date | null;
  party_reason: string | null;
};

export interface AgreementLinkView {
  municipality: string;
  collaboration: string;
  party: string;
  what: string;
  dueOn: IsoDate;
  madeOn: IsoDate;
  madeTo: string;
  status: CommitmentView['status'];
  answer: { answer: 'confirmed' | 'disputed'; reason: string | null } | null;
}

async function linkView(trx: Tx, mId: string, link: AgreementLinkRow): Promise<AgreementLinkView> {
  const r = await trx
    .selectFrom('commitments as k')
    .innerJoin('collaborations as co', 'co.id', 'k.collaboration_id')
    .innerJoin('municipalities as m', 'm.id', 'k.municipality_id')
    .select(['k.what', 'k.due_on', 'k.made_on', 'k.made_to_name', 'k.made_by_name', 'k.status', 'co.name as collaboration', 'm.name as municipality'])
    .where('k.municipality_id', '=', mId)
    .where('k.id', '=', link.commitment_id)
    .executeTakeFirstOrThrow();
  return {
    municipality: r.municipality,
    collaboration: r.collaboration,
    party: r.made_by_name,
    what: r.what,
    dueOn: r.due_on as IsoDate,
    madeOn: r.made_on as IsoDate,
    madeTo: r.made_to_name,
    status: r.status,
    answer: link.party_answer ? { answer: link.party_answer as 'confirmed' | 'disputed', reason: link.party_reason } : null,
  };
}

const gone = (state: 'used' | 'expired') => new AppError(410, 'gone', state === 'used' ? 'error.agreementLinkUsed' : 'error.agreementLinkExpired');

export function readAgreementLink(deps: Deps, token: string): Promise<AgreementLinkView> {
  return withAgreementLink(deps, token, async (trx, { mId, link, now }) => {
    const state = agreementLinkState(link, now);
    if (state !== 'open') throw gone(state);
    return linkView(trx, mId, link);
  });
}

/**
 * The outside party confirms its agreement (it becomes binding) or disputes it with a
 * reason (it is declined, the reason on record). The link works once.
 */
export function answerAgreementLink(
  deps: Deps,
  token: string,
  answer: { decision: 'confirm' | 'dispute'; reason?: string | null },
): Promise<AgreementLinkView> {
  return withAgreementLink(deps, token, async (trx, { mId, link, now }) => {
    const state = agreementLinkState(link, now);
    if (state !== 'open') throw gone(state);
    const confirmed = answer.decision === 'confirm';
    const reason = answer.reason?.trim() || null;
    const by = { municipalityId: mId, actorId: null, now };
    await answerByMaker(
      trx,
      { municipalityId: mId, now },
      {
        collaborationId: link.collaboration_id,
        id: link.commitment_id,
        confirmed,
        reason,
        onEvent: (event) => recordCollaborationEventBy(trx, by, link.collaboration_id, event),
      },
    );
    await trx
      .updateTable('collaboration_agreements')
      .set({ party_answer: confirmed ? 'confirmed' : 'disputed', party_reason: reason, party_answered_at: now })
      .where('municipality_id', '=', mId)
      .where('commitment_id', '=', link.commitment_id)
      .execute();
    // a disputed agreement is no longer open, so no longer overdue (docs/product.md#the-health-check-of-a-collaboration)
    await refreshHealth(trx, mId, [link.collaboration_id], dutchDate(now));
    return linkView(trx, mId, { ...link, party_answer: confirmed ? 'confirmed' : 'disputed', party_reason: reason, party_answered_at: now });
  });
}

// ---- use-cases ------------------------------------------------------------------------

/** The agreements of a collaboration, and whether the actor may record one. */
export function listAgreements(ctx: Ctx, collaborationId: string): Promise<{ items: AgreementView[]; abilities: { record: boolean } }> {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const row = await loadFor(trx, ctx, collaborationId, 'view');
    return {
      items: await agreementsOf(trx, ctx, row),
      abilities: { record: collaborationPolicy.can(ctx.actor, { ownerUserId: row.owner_user_id }, 'edit') },
    };
  });
}

async function oneAgreement(trx: Tx, ctx: Ctx, row: CollaborationRow, id: string): Promise<AgreementView> {
  const a = (await agreementsOf(trx, ctx, row)).find((x) => x.id === id);
  if (!a) throw notFound('agreement');
  return a;
}

/** Record an agreement within a collaboration (whoever keeps the collaboration). */
export function addAgreement(
  ctx: Ctx,
  input: AgreementFields & { collaborationId: string },
): Promise<AgreementView & { linkSentTo: string | null; askedToConfirm: null }> {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const row = await loadFor(trx, ctx, input.collaborationId, 'edit', { lock: true });
    const r = await recordAgreement(trx, ctx, row, input);
    await refreshHealth(trx, ctx.actor.municipalityId, [row.id], dutchDate(ctx.clock.now()));
    return { ...(await oneAgreement(trx, ctx, row, r.id)), linkSentTo: r.linkSentTo, askedToConfirm: null };
  });
}

/** Amend, end or confirm an agreement (If-Match on the agreement's version). */
export function updateAgreement(
  ctx: Ctx,
  opts: { collaborationId: string; agreementId: string; ifMatch?: VersionCondition; change: AgreementChange },
): Promise<AgreementView> {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    // Confirming is the mandate holder's, whoever keeps the collaboration; the rest is the keeper's.
    const row = await loadFor(trx, ctx, opts.collaborationId, opts.change.kind === 'confirmation' ? 'view' : 'edit', { lock: true });
    await changeAgreement(trx, ctx, row, opts);
    // the stored health follows every change of an agreement (docs/product.md#the-health-check-of-a-collaboration)
    await refreshHealth(trx, ctx.actor.municipalityId, [row.id], dutchDate(ctx.clock.now()));
    return oneAgreement(trx, ctx, row, opts.agreementId);
  });
}
