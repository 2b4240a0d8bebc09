// Commitment use-cases (toezeggingen, docs/product.md#commitments-on-record). One transaction each; the
// commitment row is locked before it changes; every change adds a row to
// commitment_versions and an event on the case timeline, and any mail goes to the
// outbox, all in the same transaction. A commitment is never deleted nor edited in
// place. `version` counts the commitment's content (what, due date): it rises with
// each amendment, is the If-Match version, and keys the once-per-version reminder.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { formatDate, isIsoDate } from '../../kernel/dates.js';
import { AppError, conflict, type FieldProblem, forbidden, invalid, notFound, staleVersion } from '../../kernel/errors.js';
import { label } from '../../kernel/format.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import { ROLE_LABEL } from '../../platform/auth/index.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { caseLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { forPolicy as caseForPolicy, initiatorOf, loadCaseFor, mailAboutCase } from '../cases/index.js';
import { loadMandates, type Mandate } from '../mandates/index.js';
import { mails } from '../notifications/index.js';
import { getMunicipality } from '../organisation/index.js';
import { isCitable } from '../rules/index.js';
import { type CaseEvent, recordEvent } from '../timeline/index.js';
import {
  amendmentProblems,
  confirmRight,
  holderExists,
  isOpen,
  isOverdue as isOverdueStatus,
  type Outcome,
  outcomeProblems,
  type RecordFields,
  recordProblems,
  STATUS_NL,
  type StatusOnRecord,
  statusOnRecord,
} from './model.js';
import { authorizeCommitment, commitmentPolicy } from './policy.js';
import {
  type CommitmentRow,
  commitmentHistory,
  commitmentsQuery,
  decisionOf,
  findCommitment,
  forPolicy,
  lockCommitment,
  recordVersion,
  referenceOf,
} from './repo.js';
import { type AskedToConfirm, askForConfirmation, type CommitmentView, present, staffSubjects, visibilityOf } from './view.js';

const todayOf = (deps: Deps): IsoDate => dutchDate(deps.clock.now());

/** The events of a commitment: the same types on a case's timeline and on a collaboration's. */
export type CommitmentEvent = Extract<CaseEvent, { type: `commitment.${string}` }>;
/**
 * Where a commitment's events go: the case's timeline, or — for an agreement within a
 * collaboration — the collaboration's own timeline, through the function the
 * collaborations module passes in (docs/architecture.md: the higher module passes a
 * function down). `shared` events are the initiator's to see on a case.
 */
export type EventSink = (event: CommitmentEvent, visibility: 'shared' | 'internal') => Promise<void>;
const caseSink =
  (trx: Tx, ctx: Ctx, caseId: string, at: Date): EventSink =>
  (event, visibility) =>
    recordEvent(trx, ctx, { caseId, at, visibility, event });
/** Who changes a commitment: a user of the municipality, or nobody (an outside party through its link). */
interface Who {
  municipalityId: string;
  actorId: string | null;
}
const whoOf = (ctx: Ctx): Who => ({ municipalityId: ctx.actor.municipalityId, actorId: ctx.actor.userId });

type InitiatorChange = Parameters<typeof mails.commitmentToInitiator>[1]['change'];

/**
 * Tell the initiator by mail when a commitment made to them is made, confirmed,
 * declined, amended or ended (docs/product.md#keeping-the-initiator-informed); a
 * commitment made to someone else is not their mail.
 */
async function tellInitiator(
  trx: Tx,
  ctx: Ctx,
  k: { caseId: string | null; reference: string; madeToUserId: string | null; initiatorId: string | null; what: string; dueOn: string; by: string },
  change: InitiatorChange,
  reason: string | null,
): Promise<void> {
  if (!k.caseId || !k.madeToUserId || !k.initiatorId || k.madeToUserId !== k.initiatorId) return;
  await mailAboutCase(trx, ctx, { id: k.caseId, municipality_id: ctx.actor.municipalityId, reference: k.reference }, k.initiatorId, (l, p) =>
    mails.commitmentToInitiator(l, { ...p, change, what: k.what, dueOn: k.dueOn, by: k.by, reason }),
  );
}

const aboutRow = (r: CommitmentRow, over: { what?: string; dueOn?: string } = {}) => ({
  caseId: r.case_id,
  reference: referenceOf(r),
  madeToUserId: r.made_to_user_id,
  initiatorId: r.case_initiator_id,
  what: over.what ?? r.what,
  dueOn: over.dueOn ?? r.due_on,
  by: r.made_by_name,
});

// ---- recording ------------------------------------------------------------------------

export interface RecordCommitment extends RecordFields {
  caseId: string;
}

interface Maker {
  userId: string | null;
  name: string;
  role: string;
  mandateRole: Role | null;
}
interface Recipient {
  userId: string | null;
  name: string;
  email: string | null;
}

/** The maker: a staff user of this municipality, or an outside person by name and role. */
async function resolveMaker(trx: Tx, mId: string, madeBy: RecordFields['madeBy'], problems: FieldProblem[]): Promise<Maker> {
  if (!('userId' in madeBy)) return { userId: null, name: madeBy.name.trim(), role: madeBy.role.trim(), mandateRole: null };
  const madeById = madeBy.userId;
  // A malformed id is already a problem (recordProblems); only a well-formed one is looked up.
  const wellFormed = !problems.some((p) => p.field === 'madeBy.userId');
  const u = wellFormed ? await trx.selectFrom('users').selectAll().where('municipality_id', '=', mId).where('id', '=', madeById).executeTakeFirst() : undefined;
  if (wellFormed && (!u || !u.active || u.role === 'initiator')) problems.push({ field: 'madeBy.userId', key: 'error.commitmentMakerNotStaff' });
  return { userId: madeById, name: u?.name ?? '', role: u?.role ?? '', mandateRole: u?.role ?? null };
}

/** To whom, when named: a user of this municipality, or an outside person by name (and address). */
async function resolveRecipient(trx: Tx, mId: string, madeTo: NonNullable<RecordFields['madeTo']>, problems: FieldProblem[]): Promise<Recipient> {
  if (!('userId' in madeTo)) return { userId: null, name: madeTo.name.trim(), email: madeTo.email?.trim() || null };
  const madeToId = madeTo.userId;
  const wellFormed = !problems.some((p) => p.field === 'madeTo.userId');
  const u = wellFormed
    ? await trx.selectFrom('users').select(['id', 'name']).where('municipality_id', '=', mId).where('id', '=', madeToId).executeTakeFirst()
    : undefined;
  if (wellFormed && !u) problems.push({ field: 'madeTo.userId', key: 'error.unknownUser' });
  return { userId: madeToId, name: u?.name ?? '', email: null };
}

/**
 * An exemption is from a rule of this municipality's register that is in force on the
 * day the commitment was made (docs/product.md#commitments-on-record).
 */
async function exemptionProblems(trx: Tx, mId: string, input: RecordFields, problems: FieldProblem[]): Promise<void> {
  const decision = input.decision;
  if (decision.kind !== 'grantExemption' || problems.some((p) => p.field === 'decision.ruleCode')) return;
  const versions = await trx
    .selectFrom('rules')
    .select(['valid_from', 'valid_until'])
    .where('municipality_id', '=', mId)
    .where('code', '=', decision.ruleCode)
    .execute();
  if (!versions.length) problems.push({ field: 'decision.ruleCode', key: 'error.exemptionRuleUnknown', params: { code: decision.ruleCode } });
  else if (isIsoDate(input.madeOn) && !versions.some((v) => isCitable({ validFrom: v.valid_from, validUntil: v.valid_until }, input.madeOn)))
    problems.push({
      field: 'decision.ruleCode',
      key: 'error.exemptionRuleNotInForce',
      params: { code: decision.ruleCode, date: formatDate(input.madeOn) },
    });
}

/** Insert the commitment and its first version; then its `commitment.recorded` event goes to `sink`. */
async function insertCommitment(
  trx: Tx,
  ctx: Ctx,
  o: { owner: { caseId: string } | { collaborationId: string }; maker: Maker; to: Recipient; input: RecordFields; onRecord: StatusOnRecord; now: Date },
  sink: EventSink,
  visibility: 'shared' | 'internal',
): Promise<string> {
  const { maker, to, input, onRecord, now } = o;
  const mId = ctx.actor.municipalityId;
  const decision = input.decision;
  const row = await trx
    .insertInto('commitments')
    .values({
      municipality_id: mId,
      case_id: 'caseId' in o.owner ? o.owner.caseId : null,
      collaboration_id: 'collaborationId' in o.owner ? o.owner.collaborationId : null,
      made_by_user_id: maker.userId,
      made_by_name: maker.name,
      made_by_role: maker.role,
      made_to_user_id: to.userId,
      made_to_name: to.name,
      made_to_email: to.email,
      what: input.what.trim(),
      due_on: input.dueOn,
      made_via: input.madeVia,
      made_on: input.madeOn,
      decision_kind: decision.kind,
      amount_cents: decision.kind === 'commitMoney' ? decision.amountCents : null,
      rule_code: decision.kind === 'grantExemption' ? decision.ruleCode : null,
      status: onRecord.status,
      mandate_ids: onRecord.mandateIds,
      recorded_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordVersion(trx, {
    municipalityId: mId,
    commitmentId: row.id,
    version: 1,
    actorId: ctx.actor.userId,
    at: now,
    change: { type: 'recorded', what: input.what.trim(), dueOn: input.dueOn, status: onRecord.status, mandateIds: onRecord.mandateIds },
  });
  await sink(
    {
      type: 'commitment.recorded',
      payload: {
        commitmentId: row.id,
        madeBy: maker.name,
        madeByRole: maker.role,
        madeTo: to.name,
        what: input.what.trim(),
        dueOn: input.dueOn,
        decisionKind: decision.kind,
        status: onRecord.status,
        mandateIds: onRecord.mandateIds,
      },
    },
    visibility,
  );
  return row.id;
}

/** Ask the mandate holders (or the coordinators, for the body) to decide on a commitment that needs it. */
async function askMandateHolders(
  trx: Tx,
  ctx: Ctx,
  o: { maker: Maker; decision: RecordFields['decision']; mandates: Mandate[]; today: IsoDate; reference: string; what: string; dueOn: IsoDate; link: string },
): Promise<AskedToConfirm> {
  const mId = ctx.actor.municipalityId;
  const m = await getMunicipality(trx, mId);
  // A staff maker's role in words ("bestuurder"), not its key; an outside person's role as typed.
  const makerRole = o.maker.userId ? label(ROLE_LABEL, o.maker.role) : o.maker.role;
  const text = { reference: o.reference, maker: o.maker.name, makerRole, what: o.what, dueOn: o.dueOn };
  return askForConfirmation(trx, mId, o.decision, o.mandates, o.today, { ...text, link: o.link, municipality: m.name });
}

export async function recordCommitment(ctx: Ctx, input: RecordCommitment): Promise<CommitmentView & { askedToConfirm: AskedToConfirm | null }> {
  const mId = ctx.actor.municipalityId;
  const today = todayOf(ctx);
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, input.caseId, 'view');
    commitmentPolicy.authorize(ctx.actor, caseForPolicy(c), 'record');
    const problems = recordProblems(input, today);
    const maker = await resolveMaker(trx, mId, input.madeBy, problems);
    // To whom: the initiator unless someone else is named.
    let to: Recipient;
    if (!input.madeTo) {
      const i = await initiatorOf(trx, c);
      to = { userId: i.id, name: i.name, email: null };
    } else to = await resolveRecipient(trx, mId, input.madeTo, problems);
    await exemptionProblems(trx, mId, input, problems);
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);

    const decision = input.decision;
    const mandates = await loadMandates(trx, mId);
    const onRecord = statusOnRecord({ userId: maker.userId, role: maker.mandateRole }, decision, input.madeOn, mandates);
    const now = ctx.clock.now();
    const visibility = c.initiator_id !== null && to.userId === c.initiator_id ? 'shared' : 'internal';
    const id = await insertCommitment(trx, ctx, { owner: { caseId: c.id }, maker, to, input, onRecord, now }, caseSink(trx, ctx, c.id, now), visibility);
    let asked: AskedToConfirm | null = null;
    await tellInitiator(
      trx,
      ctx,
      {
        caseId: c.id,
        reference: c.reference,
        madeToUserId: to.userId,
        initiatorId: c.initiator_id,
        what: input.what.trim(),
        dueOn: input.dueOn,
        by: maker.name,
      },
      onRecord.status === 'needsConfirmation' ? 'recordedNeedsConfirmation' : 'recorded',
      null,
    );
    if (onRecord.status === 'needsConfirmation') {
      asked = await askMandateHolders(trx, ctx, {
        maker,
        decision,
        mandates,
        today,
        reference: c.reference,
        what: input.what.trim(),
        dueOn: input.dueOn,
        link: caseLink(ctx.config.publicUrl, c.id),
      });
    }
    const saved = await findCommitment(trx, mId, id);
    if (!saved) throw notFound('commitment');
    return { ...present(ctx, saved, mandates, await staffSubjects(trx, mId)), askedToConfirm: asked };
  });
}

/**
 * An agreement within a collaboration (docs/product.md#agreements-within-a-collaboration),
 * recorded in the caller's transaction: the collaborations module has loaded, locked and
 * authorized the collaboration and resolved its parties into names. The mandate check
 * for a staff maker is the same as on a case; an outside party's own word waits for the
 * party's confirmation (`confirmedByMaker`), so no mandate holder is asked.
 */
export interface RecordHostedCommitment extends Omit<RecordFields, 'madeTo'> {
  collaborationId: string;
  madeTo: NonNullable<RecordFields['madeTo']>;
  confirmedByMaker: boolean;
  /** the collaboration in words and its page, for the mails */
  about: { reference: string; link: string };
  onEvent: EventSink;
}

export async function recordHostedCommitment(
  trx: Tx,
  ctx: Ctx,
  input: RecordHostedCommitment,
): Promise<{ id: string; status: 'binding' | 'needsConfirmation'; askedToConfirm: AskedToConfirm | null }> {
  const mId = ctx.actor.municipalityId;
  const today = todayOf(ctx);
  const problems = recordProblems(input, today);
  const maker = await resolveMaker(trx, mId, input.madeBy, problems);
  const to = await resolveRecipient(trx, mId, input.madeTo, problems);
  await exemptionProblems(trx, mId, input, problems);
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
  const mandates = await loadMandates(trx, mId);
  // the collaboration's own mandates count within it (docs/product.md#mandates-within-a-collaboration)
  const onRecord = statusOnRecord({ userId: maker.userId, role: maker.mandateRole }, input.decision, input.madeOn, mandates, input.collaborationId);
  const now = ctx.clock.now();
  const id = await insertCommitment(
    trx,
    ctx,
    { owner: { collaborationId: input.collaborationId }, maker, to, input, onRecord, now },
    input.onEvent,
    'internal',
  );
  const asked =
    onRecord.status === 'needsConfirmation' && !input.confirmedByMaker
      ? await askMandateHolders(trx, ctx, {
          maker,
          decision: input.decision,
          mandates,
          today,
          reference: input.about.reference,
          what: input.what.trim(),
          dueOn: input.dueOn,
          link: input.about.link,
        })
      : null;
  return { id, status: onRecord.status, askedToConfirm: asked };
}

// ---- reading --------------------------------------------------------------------------

/** The commitments of one case; the initiator sees only those made to them. */
export async function listCaseCommitments(ctx: Ctx, caseId: string): Promise<CommitmentView[]> {
  return (await caseCommitments(ctx, caseId)).items;
}

/** The commitments of one case with what the actor may do there (record a new one). */
export async function caseCommitments(ctx: Ctx, caseId: string): Promise<{ items: CommitmentView[]; abilities: { record: boolean } }> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'view');
    const rows = await commitmentsQuery(trx, mId).where('k.case_id', '=', caseId).orderBy('k.created_at').orderBy('k.id').execute();
    const [mandates, staff] = await Promise.all([loadMandates(trx, mId), staffSubjects(trx, mId)]);
    return {
      items: rows.filter((r) => commitmentPolicy.view(ctx.actor, forPolicy(r))).map((r) => present(ctx, r, mandates, staff)),
      abilities: { record: commitmentPolicy.record(ctx.actor, caseForPolicy(c)) },
    };
  });
}

export async function getCommitment(ctx: Ctx, id: string) {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await findCommitment(trx, mId, id);
    if (!r) throw notFound('commitment');
    authorizeCommitment(ctx.actor, 'view', forPolicy(r));
    const [mandates, history, staff] = await Promise.all([loadMandates(trx, mId), commitmentHistory(trx, mId, id), staffSubjects(trx, mId)]);
    return { commitment: present(ctx, r, mandates, staff), history };
  });
}

// ---- changing -------------------------------------------------------------------------

/** Load and lock a case's commitment; 404 when the actor may not see it (or it is a collaboration's), 412 on a stale version. */
async function loadForChange(trx: Tx, ctx: Ctx, id: string, ifMatch?: VersionCondition): Promise<CommitmentRow> {
  const r = await lockCommitment(trx, ctx.actor.municipalityId, id);
  if (!r || !commitmentPolicy.view(ctx.actor, forPolicy(r))) throw notFound('commitment');
  if (!versionMatches(ifMatch, r.version)) throw staleVersion();
  return r;
}

const notOpen = (r: CommitmentRow) => conflict('error.commitmentNotOpen', { status: r.status, statusNl: STATUS_NL[r.status] });

/** The events of a case's commitment go to the case's timeline, shared with the initiator when made to them. */
const sinkOf = (trx: Tx, ctx: Ctx, r: CommitmentRow, at: Date): EventSink => caseSink(trx, ctx, r.case_id as string, at);

/** An amendment: a new version of what and/or the due date, with a reason; the old one stays in the history. */
export async function amendCommitment(
  ctx: Ctx,
  opts: { id: string; ifMatch?: VersionCondition; what?: string; dueOn?: IsoDate; reason: string },
): Promise<CommitmentView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await loadForChange(trx, ctx, opts.id, opts.ifMatch);
    authorizeCommitment(ctx.actor, 'answersFor', forPolicy(r));
    await amendRow(trx, ctx, r, opts, sinkOf(trx, ctx, r, ctx.clock.now()));
    return reread(trx, ctx, r.id);
  });
}

async function amendRow(trx: Tx, ctx: Ctx, r: CommitmentRow, opts: { what?: string; dueOn?: IsoDate; reason: string }, sink: EventSink): Promise<void> {
  if (!isOpen(r.status)) throw notOpen(r);
  const problems = amendmentProblems({ what: r.what, dueOn: r.due_on, madeOn: r.made_on }, opts);
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
  const what = opts.what?.trim() ?? r.what;
  const dueOn = opts.dueOn ?? r.due_on;
  const changes: Record<string, { from: string; to: string }> = {};
  if (what !== r.what) changes.what = { from: r.what, to: what };
  if (dueOn !== r.due_on) changes.dueOn = { from: r.due_on, to: dueOn };
  const version = r.version + 1;
  const now = ctx.clock.now();
  const reason = opts.reason.trim();
  await changeCommitment(trx, whoOf(ctx), r, now, { what, due_on: dueOn, version }, { type: 'amended', changes, reason });
  await sink({ type: 'commitment.amended', payload: { commitmentId: r.id, version, changes, reason } }, visibilityOf(r));
  await tellInitiator(trx, ctx, aboutRow(r, { what, dueOn }), 'amended', reason);
}

/** Change the commitment's row and add the change to its history, never one without the other. */
async function changeCommitment(
  trx: Tx,
  who: Who,
  r: CommitmentRow,
  at: Date,
  set: Partial<Pick<CommitmentRow, 'what' | 'due_on' | 'version' | 'status' | 'status_reason' | 'confirmed_by' | 'confirmed_by_body' | 'mandate_ids'>>,
  change: Record<string, unknown>,
): Promise<void> {
  const mId = who.municipalityId;
  await trx
    .updateTable('commitments')
    .set({ ...set, updated_at: at })
    .where('municipality_id', '=', mId)
    .where('id', '=', r.id)
    .execute();
  const version = set.version ?? r.version;
  await recordVersion(trx, { municipalityId: mId, commitmentId: r.id, version, actorId: who.actorId, at, change });
}

async function reread(trx: Tx, ctx: Ctx, id: string): Promise<CommitmentView> {
  const mId = ctx.actor.municipalityId;
  const r = await findCommitment(trx, mId, id);
  if (!r) throw notFound('commitment');
  return present(ctx, r, await loadMandates(trx, mId), await staffSubjects(trx, mId));
}

/**
 * The mandate holder confirms (→ binding, their mandate recorded) or declines (reason
 * required) a commitment that needs confirmation. Anyone else is refused, whatever
 * their role: the mandate register decides (model.confirmRight).
 */
export async function decideConfirmation(
  ctx: Ctx,
  opts: { id: string; ifMatch?: VersionCondition; decision: 'confirm' | 'decline'; reason?: string | null },
): Promise<CommitmentView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await loadForChange(trx, ctx, opts.id, opts.ifMatch);
    await decideRow(trx, ctx, r, opts, sinkOf(trx, ctx, r, ctx.clock.now()));
    return reread(trx, ctx, r.id);
  });
}

async function decideRow(trx: Tx, ctx: Ctx, r: CommitmentRow, opts: { decision: 'confirm' | 'decline'; reason?: string | null }, sink: EventSink) {
  const mId = ctx.actor.municipalityId;
  const today = todayOf(ctx);
  commitmentPolicy.authorize(ctx.actor, null, 'decide');
  if (r.status !== 'needsConfirmation') throw conflict('error.commitmentNotAwaitingConfirmation');
  const mandates = await loadMandates(trx, mId);
  const decision = decisionOf(r);
  const noHolder = !holderExists(decision, mandates, today, await staffSubjects(trx, mId));
  const right = confirmRight({ userId: ctx.actor.userId, role: ctx.actor.role }, decision, mandates, today, noHolder);
  if (!right.allowed) throw forbidden('error.notAMandateHolder');
  const reason = opts.reason?.trim() || null;
  // The body's decision is recorded with the reason naming it, either way.
  if (right.byBody && !reason) throw invalid('reason', 'error.bodyDecisionReason');
  if (opts.decision === 'decline' && !reason) throw invalid('reason', 'error.reasonRequired');
  const now = ctx.clock.now();
  const confirmed = opts.decision === 'confirm';
  await changeCommitment(
    trx,
    whoOf(ctx),
    r,
    now,
    {
      status: confirmed ? 'binding' : 'declined',
      status_reason: reason,
      confirmed_by: ctx.actor.userId,
      confirmed_by_body: right.byBody,
      ...(confirmed ? { mandate_ids: right.mandateIds } : {}),
    },
    // By the body: the history says so, and that the coordinator (the actor) recorded it.
    {
      ...(confirmed ? { type: 'confirmed', mandateIds: right.mandateIds, reason } : { type: 'declined', reason }),
      ...(right.byBody ? { by: 'body', via: 'coordinator' } : {}),
    },
  );
  await sink(
    confirmed
      ? { type: 'commitment.confirmed', payload: { commitmentId: r.id, what: r.what, mandateIds: right.mandateIds } }
      : { type: 'commitment.declined', payload: { commitmentId: r.id, what: r.what, reason: reason ?? '' } },
    visibilityOf(r),
  );
  await tellInitiator(trx, ctx, aboutRow(r), confirmed ? 'confirmed' : 'declined', reason);
}

/**
 * End an open commitment as kept, broken (reason required) or withdrawn (reason
 * required; the person it was made to is told by mail; docs/product.md#commitments-on-record).
 */
export async function recordOutcome(
  ctx: Ctx,
  opts: { id: string; ifMatch?: VersionCondition; status: Outcome; reason?: string | null },
): Promise<CommitmentView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const r = await loadForChange(trx, ctx, opts.id, opts.ifMatch);
    authorizeCommitment(ctx.actor, 'answersFor', forPolicy(r));
    await outcomeRow(trx, ctx, r, opts, sinkOf(trx, ctx, r, ctx.clock.now()));
    return reread(trx, ctx, r.id);
  });
}

async function outcomeRow(trx: Tx, ctx: Ctx, r: CommitmentRow, opts: { status: Outcome; reason?: string | null }, sink: EventSink): Promise<void> {
  const mId = ctx.actor.municipalityId;
  const check = outcomeProblems(r.status, opts.status, opts.reason);
  if (check === 'notOpen') throw notOpen(r);
  if (check.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, check);
  const reason = opts.reason?.trim() || null;
  const now = ctx.clock.now();
  await changeCommitment(trx, whoOf(ctx), r, now, { status: opts.status, status_reason: reason }, { type: opts.status, reason });
  await sink({ type: 'commitment.ended', payload: { commitmentId: r.id, what: r.what, status: opts.status, reason } }, visibilityOf(r));
  await tellInitiator(trx, ctx, aboutRow(r), opts.status, reason);
  // Someone else it was made to hears of a withdrawal (the initiator has just been told).
  if (opts.status === 'withdrawn' && !(r.made_to_user_id !== null && r.made_to_user_id === r.case_initiator_id)) {
    const person = r.made_to_user_id
      ? await trx
          .selectFrom('users')
          .select(['name', 'email', 'locale'])
          .where('municipality_id', '=', mId)
          .where('id', '=', r.made_to_user_id)
          .executeTakeFirst()
      : r.made_to_email
        ? { name: r.made_to_name, email: r.made_to_email, locale: 'nl' as const }
        : undefined;
    if (person) {
      const m = await getMunicipality(trx, mId);
      await enqueueMail(trx, {
        municipalityId: mId,
        to: person.email,
        ...mails.commitmentWithdrawn(person.locale, {
          name: person.name,
          reference: referenceOf(r),
          what: r.what,
          reason: reason ?? '',
          municipality: m.name,
        }),
      });
    }
  }
}

// ---- agreements within a collaboration ------------------------------------------------
// The collaborations module has loaded, locked and authorized the collaboration in the
// transaction it passes; these change one of its agreements there and send the events
// to the collaboration's timeline (docs/product.md#agreements-within-a-collaboration).

export interface HostedChange {
  collaborationId: string;
  id: string;
  ifMatch?: VersionCondition;
  onEvent: EventSink;
}

/** Lock an agreement of this collaboration: another's (or a case's) is not found here. */
async function loadHosted(trx: Tx, mId: string, h: Pick<HostedChange, 'collaborationId' | 'id' | 'ifMatch'>): Promise<CommitmentRow> {
  const r = await lockCommitment(trx, mId, h.id);
  if (!r || r.collaboration_id !== h.collaborationId) throw notFound('commitment');
  if (!versionMatches(h.ifMatch, r.version)) throw staleVersion();
  return r;
}

export async function amendHostedCommitment(trx: Tx, ctx: Ctx, h: HostedChange & { what?: string; dueOn?: IsoDate; reason: string }): Promise<void> {
  await amendRow(trx, ctx, await loadHosted(trx, ctx.actor.municipalityId, h), h, h.onEvent);
}

export async function recordHostedOutcome(trx: Tx, ctx: Ctx, h: HostedChange & { status: Outcome; reason?: string | null }): Promise<void> {
  await outcomeRow(trx, ctx, await loadHosted(trx, ctx.actor.municipalityId, h), h, h.onEvent);
}

export async function decideHostedConfirmation(
  trx: Tx,
  ctx: Ctx,
  h: HostedChange & { decision: 'confirm' | 'decline'; reason?: string | null },
): Promise<void> {
  await decideRow(trx, ctx, await loadHosted(trx, ctx.actor.municipalityId, h), h, h.onEvent);
}

/**
 * The maker — an outside party, through its one-time link, without an account — confirms
 * its own agreement (→ binding) or disputes it (→ declined, with its reason). Only one
 * that waits for confirmation; the collaborations module checks the link.
 */
export async function answerByMaker(
  trx: Tx,
  at: { municipalityId: string; now: Date },
  h: Omit<HostedChange, 'ifMatch'> & { confirmed: boolean; reason: string | null },
): Promise<void> {
  const r = await loadHosted(trx, at.municipalityId, h);
  if (r.status !== 'needsConfirmation') throw conflict('error.commitmentNotAwaitingConfirmation');
  const reason = h.reason?.trim() || null;
  if (!h.confirmed && !reason) throw invalid('reason', 'error.reasonRequired');
  const who = { municipalityId: at.municipalityId, actorId: null };
  await changeCommitment(
    trx,
    who,
    r,
    at.now,
    { status: h.confirmed ? 'binding' : 'declined', status_reason: reason },
    { type: h.confirmed ? 'confirmed' : 'declined', by: 'maker', reason },
  );
  await h.onEvent(
    h.confirmed
      ? { type: 'commitment.confirmed', payload: { commitmentId: r.id, what: r.what, mandateIds: [] } }
      : { type: 'commitment.declined', payload: { commitmentId: r.id, what: r.what, reason: reason ?? '' } },
    'internal',
  );
}

/** The agreements of a collaboration, in the order recorded, as the actor sees them. */
export async function hostedCommitments(
  trx: Tx,
  ctx: Ctx,
  collaborationId: string,
  hosted: { manage: boolean; confirmByMandate: (id: string) => boolean },
): Promise<CommitmentView[]> {
  const mId = ctx.actor.municipalityId;
  const rows = await commitmentsQuery(trx, mId).where('k.collaboration_id', '=', collaborationId).orderBy('k.created_at').orderBy('k.id').execute();
  if (!rows.length) return [];
  const [mandates, staff] = await Promise.all([loadMandates(trx, mId), staffSubjects(trx, mId)]);
  return rows.map((r) => present(ctx, r, mandates, staff, { manage: hosted.manage, confirmByMandate: hosted.confirmByMandate(r.id) }));
}

/** An agreement as a reader without an account sees it: staff are not named (docs/product.md#an-outside-partys-read-access). */
export interface CommitmentRecord {
  id: string;
  madeBy: { name: string; staff: boolean };
  madeTo: { name: string; staff: boolean };
  what: string;
  dueOn: IsoDate;
  madeOn: IsoDate;
  status: CommitmentRow['status'];
  statusReason: string | null;
  overdue: boolean;
}

/** Some agreements of a collaboration, by id, in the order recorded. */
export async function hostedCommitmentRecords(
  trx: Tx,
  at: { municipalityId: string; today: IsoDate },
  collaborationId: string,
  ids: readonly string[],
): Promise<CommitmentRecord[]> {
  if (!ids.length) return [];
  const rows = await commitmentsQuery(trx, at.municipalityId)
    .where('k.collaboration_id', '=', collaborationId)
    .where('k.id', 'in', ids)
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    madeBy: { name: r.made_by_name, staff: r.made_by_user_id !== null },
    madeTo: { name: r.made_to_name, staff: r.made_to_user_id !== null },
    what: r.what,
    dueOn: r.due_on,
    madeOn: r.made_on,
    status: r.status,
    statusReason: r.status_reason,
    overdue: isOverdueStatus(r.status, r.due_on, at.today),
  }));
}
