// Case use-cases: intake, assignment, the lifecycle and the plan clock. One
// transaction each; the changed case row is locked; every change appends an event
// and any mail goes to the outbox in the same transaction.
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, forbidden, invalid, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, UserRow } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { areaForPoint, isProblem, placeOf } from '../geo/index.js';
import { hasNoMailAddress, hasVerifiedIdentity, issueLoginLink } from '../identity/index.js';
import { MAIL_LINK_DAYS, mails } from '../notifications/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { onCaseClosed } from '../satisfaction/index.js';
import { recordEvent } from '../timeline/index.js';
import { mailAboutCase, mailInitiator } from './mail.js';
import {
  type CaseStatus,
  checkTransition,
  planDueOn,
  proposeDirector,
  proposeDirectorWithReason,
  suspendedDays,
  type TransitionRefusal,
  unconfirmedRefusal,
} from './model.js';
import { authorizeCase, type CaseAbility, casePolicy } from './policy.js';
import {
  bumpVersion,
  caseThemeIds,
  confirmIntakeRecord,
  createResident,
  directorCandidates,
  findAccount,
  findCase,
  insertIntake,
  lockCase,
  lockIntake,
  nextCaseNumber,
  openSuspensions,
} from './repo.js';

export const forPolicy = (c: CaseRow) => ({
  municipalityId: c.municipality_id,
  initiatorId: c.initiator_id,
  directorId: c.director_id,
  status: c.status,
});

/**
 * The case a use-case works on, for one ability: looked up within the actor's
 * municipality (another municipality's case answers 404, like a missing one), locked
 * for update with `lock`, its version checked against `ifMatch` (412), then the
 * ability: 404 when the actor may not see the case at all, 403 when they may see it
 * but not do this. Every module loads a case through this one function.
 */
export async function loadCaseFor(
  trx: Tx,
  ctx: Ctx,
  caseId: string,
  ability: CaseAbility,
  opts: { lock?: boolean; ifMatch?: VersionCondition } = {},
): Promise<CaseRow> {
  const mId = ctx.actor.municipalityId;
  const c = opts.lock ? await lockCase(trx, mId, caseId) : await findCase(trx, mId, caseId);
  if (!c) throw notFound('case');
  if (!versionMatches(opts.ifMatch, c.version)) throw staleVersion();
  authorizeCase(ctx.actor, ability, forPolicy(c));
  return c;
}

// ---- intake ---------------------------------------------------------------------

export interface SubmitCase {
  municipalityId: string;
  initiator: { name: string; email: string; phone?: string | null; company?: string | null; kvkNumber?: string | null; locale?: 'nl' | 'en' };
  title: string;
  description: string;
  location: string;
  areaId?: string | null;
  themeIds?: string[];
  channel: 'web' | 'desk' | 'phone' | 'email';
  /** the point of the place, from an address suggestion (with its BAG id) or picked on the map (docs/product.md#address-and-point-of-a-case) */
  place?: { addressId?: string | null; lon: number; lat: number } | null;
}

/**
 * Register a question or initiative: from the public page or by staff at the desk or
 * on the phone. Staff register for someone: the initiator is found or created by
 * e-mail within the municipality and gets the reference and a login link by mail.
 * A resident who is logged in and gives their own address submits a confirmed case.
 * Anything else is a public intake: it touches no account, keeps what it said about
 * the person on the case's intake record, and waits unconfirmed until the owner of the
 * address uses the link mailed to it. Whoever the address belongs to (nobody, a
 * resident, staff here or elsewhere), the public intake does and answers the same
 * (docs/product.md#confirming-a-public-intake).
 */
export async function submitCase(deps: Deps, opts: SubmitCase, actor?: Ctx['actor']): Promise<{ id: string; reference: string; confirmed: boolean }> {
  const staff = actor && actor.role !== 'initiator' ? actor : undefined;
  if (staff) casePolicy.authorize(staff, null, 'register');
  if (staff && staff.municipalityId !== opts.municipalityId) throw forbidden();
  const mId = opts.municipalityId;
  return deps.db.tenant(mId, async (trx) => {
    const m = await getMunicipality(trx, mId);
    await checkOrganisationRefs(trx, mId, opts.areaId ?? null, opts.themeIds ?? []);
    const place = opts.place ? placeOf(opts.place) : null;
    if (place && isProblem(place)) throw invalid(place.field, place.key);
    // An area chosen explicitly wins; otherwise the point decides (docs/product.md#area-from-the-point).
    const pointArea = place && !opts.areaId ? await areaForPoint(trx, mId, place) : null;
    const email = opts.initiator.email.trim().toLowerCase();
    const i = opts.initiator;
    // A resident or entrepreneur logged in through DigiD or eHerkenning files on the account of
    // their BSN or KvK number, whatever address they give (docs/product.md#logging-in-through-openid-connect).
    const verified = actor && !staff && actor.municipalityId === mId && (await hasVerifiedIdentity(trx, mId, actor.userId));
    const own = actor && !staff && actor.municipalityId === mId && (verified || actor.email.trim().toLowerCase() === email);
    const initiator = staff
      ? await initiatorForDesk(trx, mId, email, i)
      : verified
        ? await verifiedAccount(trx, mId, actor.userId, email)
        : own
          ? await ownAccount(trx, mId, actor.userId)
          : null;
    const now = deps.clock.now();
    const year = Number(dutchDate(now).slice(0, 4));
    const n = await nextCaseNumber(trx, mId, year);
    const reference = `${m.case_prefix}-${year}-${String(n).padStart(6, '0')}`;
    const c = await trx
      .insertInto('cases')
      .values({
        municipality_id: mId,
        reference,
        title: opts.title,
        description: opts.description,
        location: opts.location,
        area_id: opts.areaId ?? pointArea,
        area_from_point: pointArea !== null,
        address_id: place?.addressId ?? null,
        lon: place?.lon ?? null,
        lat: place?.lat ?? null,
        rd_x: place?.rdX ?? null,
        rd_y: place?.rdY ?? null,
        channel: opts.channel,
        initiator_id: initiator?.id ?? null,
        submitted_at: now,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await insertIntake(trx, {
      case_id: c.id,
      municipality_id: mId,
      email,
      name: i.name,
      phone: i.phone ?? null,
      company: i.company ?? null,
      kvk_number: i.kvkNumber ?? null,
      locale: i.locale ?? 'nl',
      confirmed_at: initiator ? now : null,
      // Filed through an eHerkenning login: the branch and the person acting for the
      // company go with the case (docs/product.md#eherkenning-branches-and-acting-persons).
      ...(verified && actor?.onBehalf
        ? { branch_number: actor.onBehalf.branchNumber, acting_name: actor.onBehalf.actingName, acting_pseudonym: actor.onBehalf.actingPseudonym }
        : {}),
    });
    if (opts.themeIds?.length) {
      await trx
        .insertInto('case_themes')
        .values([...new Set(opts.themeIds)].map((t) => ({ municipality_id: mId, case_id: c.id, theme_id: t })))
        .execute();
    }
    await recordEvent(
      trx,
      { municipalityId: mId, actorId: actor?.userId ?? initiator?.id ?? null, at: now },
      {
        caseId: c.id,
        visibility: 'shared',
        event: { type: 'case.submitted', payload: { reference, channel: opts.channel, registeredBy: staff?.name ?? null } },
      },
    );
    if (initiator) {
      const link = await issueLoginLink(trx, deps, { municipalityId: mId, userId: initiator.id, caseId: c.id, validHours: MAIL_LINK_DAYS * 24 });
      await enqueueMail(trx, {
        municipalityId: mId,
        to: initiator.email,
        ...mails.caseReceived(initiator.locale, { name: initiator.name, reference, title: opts.title, link, municipality: m.name }),
      });
    } else {
      // A link without a user: it confirms this one case, nothing else.
      const link = await issueLoginLink(trx, deps, { municipalityId: mId, userId: null, caseId: c.id, validHours: MAIL_LINK_DAYS * 24 });
      await enqueueMail(trx, {
        municipalityId: mId,
        to: email,
        ...mails.confirmIntake(i.locale ?? 'nl', { name: i.name, reference, title: opts.title, link, municipality: m.name }),
      });
    }
    return { id: c.id, reference, confirmed: initiator !== null };
  });
}

/** Staff at the desk register for the person in front of them: find or create their resident account. */
async function initiatorForDesk(trx: Tx, mId: string, email: string, i: SubmitCase['initiator']): Promise<UserRow> {
  const staffMember = await findAccount(trx, mId, email, 'staff');
  if (staffMember) throw invalid('initiator.email', 'error.emailBelongsToStaff');
  const existing = await findAccount(trx, mId, email, 'initiator');
  if (existing) {
    return trx
      .updateTable('users')
      .set({ name: i.name, phone: i.phone ?? existing.phone, company: i.company ?? existing.company, kvk_number: i.kvkNumber ?? existing.kvk_number })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return createResident(trx, mId, {
    email,
    name: i.name,
    phone: i.phone ?? null,
    company: i.company ?? null,
    kvk_number: i.kvkNumber ?? null,
    locale: i.locale ?? 'nl',
  });
}

async function ownAccount(trx: Tx, mId: string, userId: string): Promise<UserRow> {
  return trx.selectFrom('users').selectAll().where('municipality_id', '=', mId).where('id', '=', userId).executeTakeFirstOrThrow();
}

/** An account made by a DigiD or eHerkenning login takes the first address given that no other account here has. */
async function verifiedAccount(trx: Tx, mId: string, userId: string, email: string): Promise<UserRow> {
  const account = await ownAccount(trx, mId, userId);
  if (!hasNoMailAddress(account.email) || (await findAccount(trx, mId, email, 'initiator'))) return account;
  return trx.updateTable('users').set({ email }).where('municipality_id', '=', mId).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}

/**
 * The owner of the address used the link mailed after a public intake: the case is
 * attached to their resident account — made from the intake's details when the
 * address has none; an existing account keeps its own details. Runs in the
 * transaction that uses up the link, which says which case; returns the account, or
 * null when the case has nothing to confirm (docs/product.md#confirming-a-public-intake).
 */
export async function unsafeConfirmIntake(trx: Tx, deps: Pick<Deps, 'clock'>, link: { municipalityId: string; caseId: string }): Promise<string | null> {
  const mId = link.municipalityId;
  const intake = await lockIntake(trx, mId, link.caseId);
  const c = await lockCase(trx, mId, link.caseId);
  if (!intake || intake.confirmed_at || !c || c.initiator_id) return null;
  const now = deps.clock.now();
  const account =
    (await findAccount(trx, mId, intake.email, 'initiator')) ??
    (await createResident(trx, mId, {
      email: intake.email,
      name: intake.name,
      phone: intake.phone,
      company: intake.company,
      kvk_number: intake.kvk_number,
      locale: intake.locale,
    }));
  await bumpVersion(trx, c, { initiator_id: account.id });
  await confirmIntakeRecord(trx, mId, c.id, now);
  await recordEvent(
    trx,
    { municipalityId: mId, actorId: account.id, at: now },
    { caseId: c.id, visibility: 'shared', event: { type: 'case.confirmed', payload: {} } },
  );
  return account.id;
}

async function checkOrganisationRefs(trx: Tx, mId: string, areaId: string | null, themeIds: string[]) {
  if (areaId) {
    const a = await trx.selectFrom('areas').select('id').where('municipality_id', '=', mId).where('id', '=', areaId).executeTakeFirst();
    if (!a) throw invalid('areaId', 'error.unknownArea');
  }
  if (themeIds.length) {
    const found = await trx.selectFrom('themes').select('id').where('municipality_id', '=', mId).where('id', 'in', themeIds).execute();
    if (found.length !== new Set(themeIds).size) throw invalid('themeIds', 'error.unknownTheme');
  }
}

// ---- assignment -----------------------------------------------------------------

export async function proposeDirectorFor(ctx: Ctx, caseId: string) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'assign', { lock: true });
    const candidates = await directorCandidates(trx, ctx.actor.municipalityId);
    const themeIds = await caseThemeIds(trx, ctx.actor.municipalityId, caseId);
    const proposal = proposeDirectorWithReason(candidates, { areaId: c.area_id, themeIds });
    return { proposal, candidates };
  });
}

export async function assignDirector(ctx: Ctx, opts: { caseId: string; directorId: string; reason?: string | null; ifMatch?: VersionCondition }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'assign', { lock: true, ifMatch: opts.ifMatch });
    const candidates = await directorCandidates(trx, ctx.actor.municipalityId);
    const director = candidates.find((d) => d.id === opts.directorId);
    if (!director) throw invalid('directorId', 'error.notADirector');
    if (c.director_id === director.id) throw conflict('error.alreadyAssigned');
    // Reassigning a case that already has a director needs a reason on record.
    if (c.director_id && !opts.reason?.trim()) throw invalid('reason', 'error.reasonRequired');
    const proposal = proposeDirector(candidates, { areaId: c.area_id, themeIds: await caseThemeIds(trx, c.municipality_id, c.id) });
    const updated = await bumpVersion(trx, c, { director_id: director.id });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: {
        type: 'case.assigned',
        payload: {
          directorId: director.id,
          directorName: director.name,
          previousDirectorId: c.director_id,
          reason: opts.reason?.trim() || null,
          proposedDirectorId: proposal?.id ?? null,
        },
      },
    });
    await mailAboutCase(trx, ctx, c, director.id, (l, p) => mails.caseAssignedToDirector(l, { ...p, title: c.title }));
    // The initiator learns who their director is and how to reach them (docs/product.md#keeping-the-initiator-informed).
    const contact = await trx
      .selectFrom('users')
      .select(['email', 'phone'])
      .where('municipality_id', '=', c.municipality_id)
      .where('id', '=', director.id)
      .executeTakeFirstOrThrow();
    await mailInitiator(trx, ctx, c, (l, p) =>
      mails.directorAssignedToInitiator(l, { ...p, director: director.name, directorEmail: contact.email, directorPhone: contact.phone }),
    );
    return updated;
  });
}

// ---- lifecycle ------------------------------------------------------------------

const refusalKey: Record<TransitionRefusal, string> = {
  'not-allowed': 'error.transitionNotAllowed',
  'needs-director': 'error.needsDirector',
  'needs-reason': 'error.reasonRequired',
  'needs-agreed-plan': 'error.needsAgreedPlan',
};

/**
 * Apply a status change that the lifecycle table allows; the plan agreement
 * use-case is the only caller that passes `byPlanAgreement`.
 */
export async function applyTransition(trx: Tx, ctx: Ctx, c: CaseRow, to: CaseStatus, reason: string | null, byPlanAgreement = false): Promise<CaseRow> {
  // docs/product.md#confirming-a-public-intake: no intake, no clock, before confirmation
  if (unconfirmedRefusal(c.initiator_id !== null, to)) throw new AppError(409, 'unconfirmed', 'error.caseUnconfirmed', { from: c.status, to });
  const refusal = checkTransition({ from: c.status, to, hasDirector: c.director_id !== null, reason, byPlanAgreement });
  if (refusal) {
    throw refusal === 'needs-reason'
      ? invalid('reason', refusalKey[refusal])
      : new AppError(409, 'invalid-transition', refusalKey[refusal], { from: c.status, to });
  }
  const now = ctx.clock.now();
  const today = dutchDate(now);
  const set: Partial<CaseRow> = { status: to };
  if (to === 'intake') set.intake_at = now;
  if (to === 'planning') {
    const m = await getMunicipality(trx, c.municipality_id);
    // The clock keeps the term it started with (docs/product.md#the-plan-clock).
    set.clock_started_on = today;
    set.plan_term_days = m.plan_term_days;
    set.plan_due_on = planDueOn(calendarOf(m), today, m.plan_term_days, [], today);
  }
  if (to === 'closed' || to === 'withdrawn') {
    set.closed_at = now;
    if (c.suspended_since) await endSuspension(trx, ctx, c, today);
    set.suspended_since = null;
  }
  if (to === 'withdrawn') set.withdrawn_reason = reason;
  const updated = await bumpVersion(trx, c, set);
  await recordEvent(trx, ctx, {
    caseId: c.id,
    visibility: 'shared',
    event: { type: 'case.statusChanged', payload: { from: c.status, to, reason, planDueOn: updated.plan_due_on } },
  });
  // A withdrawn case is told as withdrawn, not as closed (docs/product.md#keeping-the-initiator-informed).
  if (to === 'closed') await mailInitiator(trx, ctx, c, (l, p) => mails.caseClosed(l, { ...p, reason }));
  if (to === 'withdrawn') await mailInitiator(trx, ctx, c, (l, p) => mails.caseWithdrawn(l, { ...p, reason }));
  // Closed, not withdrawn: the initiator is asked for a report mark (docs/product.md#the-report-mark).
  if (to === 'closed') await onCaseClosed(trx, ctx, updated);
  return updated;
}

export async function changeStatus(ctx: Ctx, opts: { caseId: string; to: CaseStatus; reason?: string | null; ifMatch?: VersionCondition }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, opts.to === 'withdrawn' ? 'withdraw' : 'manage', { lock: true, ifMatch: opts.ifMatch });
    return applyTransition(trx, ctx, c, opts.to, opts.reason?.trim() || null);
  });
}

// ---- the plan clock -------------------------------------------------------------

/** Stop the clock while waiting on the initiator; the reason is on the timeline. */
export async function suspendClock(ctx: Ctx, opts: { caseId: string; reason: string; ifMatch?: VersionCondition }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'manage', { lock: true, ifMatch: opts.ifMatch });
    if (c.status !== 'planning') throw conflict('error.clockNotRunning');
    if (c.suspended_since) throw conflict('error.alreadySuspended');
    if (!opts.reason.trim()) throw invalid('reason', 'error.reasonRequired');
    const today = dutchDate(ctx.clock.now());
    await trx
      .insertInto('suspensions')
      .values({ municipality_id: c.municipality_id, case_id: c.id, started_on: today, reason: opts.reason.trim(), started_by: ctx.actor.userId })
      .execute();
    const updated = await bumpVersion(trx, c, { suspended_since: today });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'clock.suspended', payload: { since: today, reason: opts.reason.trim() } },
    });
    await mailInitiator(trx, ctx, c, (l, p) => mails.clockSuspended(l, { ...p, reason: opts.reason.trim() }));
    return updated;
  });
}

async function endSuspension(trx: Tx, ctx: Ctx, c: CaseRow, today: string) {
  const ended = await trx
    .selectFrom('suspensions')
    .select('reason')
    .where('municipality_id', '=', c.municipality_id)
    .where('case_id', '=', c.id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  await trx
    .updateTable('suspensions')
    .set({ ended_on: today, ended_by: ctx.actor.userId })
    .where('municipality_id', '=', c.municipality_id)
    .where('case_id', '=', c.id)
    .where('ended_on', 'is', null)
    .execute();
  const all = await openSuspensions(trx, c.municipality_id, c.id);
  const m = await getMunicipality(trx, c.municipality_id);
  const suspensions = all.map((s) => ({ startedOn: s.started_on, endedOn: s.ended_on }));
  // The term stored when the clock started, not today's setting (docs/product.md#the-plan-clock).
  const due = planDueOn(calendarOf(m), c.clock_started_on ?? today, c.plan_term_days ?? m.plan_term_days, suspensions, today);
  const days = suspensions.reduce((n, s) => n + suspendedDays(s, today), 0);
  return { due, days, since: c.suspended_since ?? today, reason: ended?.reason ?? '' };
}

export async function resumeClock(ctx: Ctx, opts: { caseId: string; ifMatch?: VersionCondition }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'manage', { lock: true, ifMatch: opts.ifMatch });
    if (!c.suspended_since) throw conflict('error.notSuspended');
    const today = dutchDate(ctx.clock.now());
    const { due, days, since, reason } = await endSuspension(trx, ctx, c, today);
    const updated = await bumpVersion(trx, c, { suspended_since: null, plan_due_on: due, suspended_days: days });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'clock.resumed', payload: { since, until: today, days: days - c.suspended_days, planDueOn: due } },
    });
    await mailInitiator(trx, ctx, c, (l, p) => mails.clockResumed(l, { ...p, reason, planDueOn: due }));
    return updated;
  });
}
