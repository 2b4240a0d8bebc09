// Collaboration use-cases (docs/product.md#collaborations). One transaction each,
// scoped to the actor's municipality; every change is an event on the collaboration's
// own timeline (events.ts), written in the same transaction.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, type FieldProblem, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { mandateInForce, mandatesOfCollaboration } from '../mandates/index.js';
import { loadFor } from './access.js';
import { type AgreementView, agreementsOf, overdueOf } from './agreements.js';
import { recordCollaborationEvent } from './events.js';
import { refreshHealth } from './health.js';
import {
  type CollaborationFields,
  type Contribution,
  cleanLines,
  collaborationProblems,
  type EndKind,
  type HealthIssue,
  healthCheck,
  healthSentence,
  type PartyFields,
  type Phase,
  partyProblems,
  type ReadingFields,
  readingProblems,
  type TargetFields,
  targetProblems,
} from './model.js';
import { collaborationPolicy } from './policy.js';
import { type CollaborationRow, columnsOf, eventsOf, linksOf, type Party, partiesOf, phasesOf, replaceLinks, type Target, targetsOf } from './repo.js';
import { renderSheet } from './sheet.js';

const today = (ctx: Ctx): IsoDate => dutchDate(ctx.clock.now());
const invalidInput = (problems: FieldProblem[]) => new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);

export interface Links {
  areaIds: string[];
  themeIds: string[];
  caseIds: string[];
}

export interface StartCollaboration extends CollaborationFields, Links {
  phase: Phase;
}

export interface CollaborationSummary {
  id: string;
  name: string;
  description: string;
  goal: string;
  ownerUserId: string;
  ownerName: string;
  phase: Phase;
  phaseSince: IsoDate;
  startOn: IsoDate;
  endOn: IsoDate;
  endKind: EndKind;
  version: number;
}

export interface CollaborationMandate {
  id: string;
  holderName: string;
  upToCents: number;
  delegatedBy: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  inForceToday: boolean;
}

export interface HealthView {
  issues: (HealthIssue & { text: string })[];
}

export interface CollaborationView extends CollaborationSummary {
  areas: { id: string; name: string }[];
  themes: { id: string; name: string }[];
  cases: { id: string; reference: string; title: string }[];
  targets: Target[];
  parties: Party[];
  phases: { phase: Phase; since: IsoDate }[];
  health: HealthView;
  /** the mandates of the register scoped to this collaboration (docs/product.md#mandates-within-a-collaboration) */
  mandates: CollaborationMandate[];
  timeline: Awaited<ReturnType<typeof eventsOf>>;
  /** the agreements within the collaboration (docs/product.md#agreements-within-a-collaboration) */
  agreements: AgreementView[];
  abilities: { edit: boolean };
}

// ---- checks that need the database ----------------------------------------------------

async function ownerName(trx: Tx, mId: string, userId: string): Promise<string | null> {
  // The owner is an active director or coordinator of this municipality.
  const u = await trx.selectFrom('users').select(['name', 'role', 'active']).where('municipality_id', '=', mId).where('id', '=', userId).executeTakeFirst();
  return u?.active && (u.role === 'director' || u.role === 'coordinator') ? u.name : null;
}

async function linkProblems(trx: Tx, mId: string, l: Partial<Links>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const check = async (field: keyof Links, table: 'areas' | 'themes' | 'cases', key: string) => {
    const ids = [...new Set(l[field] ?? [])];
    if (!ids.length) return;
    const found = await trx.selectFrom(table).select('id').where('municipality_id', '=', mId).where('id', 'in', ids).execute();
    if (found.length !== ids.length) problems.push({ field, key });
  };
  await check('areaIds', 'areas', 'error.unknownArea');
  await check('themeIds', 'themes', 'error.unknownTheme');
  await check('caseIds', 'cases', 'error.notFound');
  return problems;
}

async function checkedCollaboration(trx: Tx, mId: string, f: CollaborationFields, links: Partial<Links>): Promise<string> {
  const problems = collaborationProblems(f);
  const owner = await ownerName(trx, mId, f.ownerUserId);
  if (!owner) problems.push({ field: 'ownerUserId', key: 'error.collaborationOwner' });
  problems.push(...(await linkProblems(trx, mId, links)));
  if (problems.length) throw invalidInput(problems);
  return owner as string;
}

async function bump(trx: Tx, ctx: Ctx, row: CollaborationRow, set: Record<string, unknown> = {}): Promise<void> {
  await trx
    .updateTable('collaborations')
    .set({ ...set, version: row.version + 1, updated_at: ctx.clock.now() })
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('id', '=', row.id)
    .execute();
}

// ---- reading --------------------------------------------------------------------------

async function view(trx: Tx, ctx: Ctx, id: string, opts: { locale?: 'nl' | 'en' } = {}) {
  const mId = ctx.actor.municipalityId;
  const row = await loadFor(trx, ctx, id, 'view');
  const [owner, links, targets, parties, phases, timeline, mandates] = await Promise.all([
    trx.selectFrom('users').select('name').where('municipality_id', '=', mId).where('id', '=', row.owner_user_id).executeTakeFirst(),
    linksOf(trx, mId, id),
    targetsOf(trx, mId, id),
    partiesOf(trx, mId, id),
    phasesOf(trx, mId, id),
    eventsOf(trx, mId, id),
    mandatesOfCollaboration(trx, mId, id),
  ]);
  const agreements = await agreementsOf(trx, ctx, row);
  const ownerName = owner?.name ?? '';
  const readings = targets.flatMap((t) => t.readings.map((r) => r.readOn)).sort();
  const issues = healthCheck({
    today: today(ctx),
    ownerName,
    endOn: row.end_on as IsoDate,
    endKind: row.end_kind,
    phase: row.phase,
    phaseSince: row.phase_since as IsoDate,
    startOn: row.start_on as IsoDate,
    targets,
    lastReadingOn: readings.at(-1) ?? null,
    parties: parties.map((p) => ({ name: p.name, contributions: p.contributions.length, yield: p.yield, finalSay: p.finalSay })),
    overdueAgreements: overdueOf(agreements),
  });
  const locale = opts.locale ?? (ctx.actor.locale === 'en' ? 'en' : 'nl');
  const v: CollaborationView = {
    ...summary(row, ownerName),
    ...links,
    targets,
    parties,
    phases: phases.map((p) => ({ phase: p.phase, since: p.since })),
    health: { issues: issues.map((i) => ({ ...i, text: healthSentence(i, locale) })) },
    // A collaboration's mandate allows committing money (mandates/model.ts).
    mandates: mandates.flatMap((m) =>
      m.scope.kind === 'commitMoney'
        ? [
            {
              id: m.id,
              holderName: m.holderName ?? '',
              upToCents: m.scope.upToCents,
              delegatedBy: m.delegatedBy,
              validFrom: m.validFrom,
              validUntil: m.validUntil,
              inForceToday: mandateInForce(m, today(ctx)),
            },
          ]
        : [],
    ),
    timeline,
    agreements,
    abilities: collaborationPolicy.abilities(ctx.actor, { ownerUserId: row.owner_user_id }),
  };
  return v;
}

const summary = (row: CollaborationRow, ownerName: string): CollaborationSummary => ({
  id: row.id,
  name: row.name,
  description: row.description,
  goal: row.goal,
  ownerUserId: row.owner_user_id,
  ownerName,
  phase: row.phase,
  phaseSince: row.phase_since as IsoDate,
  startOn: row.start_on as IsoDate,
  endOn: row.end_on as IsoDate,
  endKind: row.end_kind,
  version: row.version,
});

/**
 * The page after a change, with the health check stored as of today in the change's
 * transaction (docs/product.md#the-health-check-of-a-collaboration), so the overview's
 * health filter sees it at once.
 */
async function changed(trx: Tx, ctx: Ctx, id: string): Promise<CollaborationView> {
  await refreshHealth(trx, ctx.actor.municipalityId, [id], today(ctx));
  return view(trx, ctx, id);
}

/** The collaboration sheet as a PDF, for a council or board meeting. */
export function collaborationSheet(ctx: Ctx, id: string): Promise<{ name: string; pdf: Buffer }> {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const v = await view(trx, ctx, id, { locale: 'nl' });
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', ctx.actor.municipalityId).executeTakeFirstOrThrow();
    return { name: v.name, pdf: await renderSheet(v, { municipality: m.name, generatedAt: ctx.clock.now() }) };
  });
}

/** The collaboration with everything on its page: targets, parties, phases, health check, timeline. */
export function getCollaboration(ctx: Ctx, id: string): Promise<CollaborationView> {
  return ctx.db.tenant(ctx.actor.municipalityId, (trx) => view(trx, ctx, id));
}

// ---- changing -------------------------------------------------------------------------

/** Start a collaboration (a director, a coordinator or an admin), with its first phase. */
export async function startCollaboration(ctx: Ctx, input: StartCollaboration): Promise<CollaborationView> {
  collaborationPolicy.authorize(ctx.actor, null, 'create');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const owner = await checkedCollaboration(trx, mId, input, input);
    const since = today(ctx);
    const row = await trx
      .insertInto('collaborations')
      .values({
        municipality_id: mId,
        ...columnsOf(input),
        phase: input.phase,
        phase_since: since,
        created_by: ctx.actor.userId,
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('collaboration_phases')
      .values({ municipality_id: mId, collaboration_id: row.id, phase: input.phase, since, actor_id: ctx.actor.userId })
      .execute();
    await replaceLinks(trx, mId, row.id, 'collaboration_areas', [...new Set(input.areaIds)]);
    await replaceLinks(trx, mId, row.id, 'collaboration_themes', [...new Set(input.themeIds)]);
    await replaceLinks(trx, mId, row.id, 'collaboration_cases', [...new Set(input.caseIds)]);
    await recordCollaborationEvent(trx, ctx, row.id, {
      type: 'collaboration.started',
      payload: { name: row.name, ownerName: owner, phase: input.phase },
    });
    return changed(trx, ctx, row.id);
  });
}

export interface UpdateCollaboration {
  id: string;
  ifMatch?: VersionCondition;
  changes: Partial<CollaborationFields & Links>;
}

/**
 * Change a collaboration's own fields and links. Moving the end date later is the
 * decision to extend and is recorded as such (docs/product.md#collaborations).
 */
export async function updateCollaboration(ctx: Ctx, opts: UpdateCollaboration): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.id, 'edit', { lock: true, ifMatch: opts.ifMatch });
    const before: CollaborationFields = {
      name: row.name,
      description: row.description,
      goal: row.goal,
      ownerUserId: row.owner_user_id,
      startOn: row.start_on as IsoDate,
      endOn: row.end_on as IsoDate,
      endKind: row.end_kind,
    };
    const c = Object.fromEntries(Object.entries(opts.changes).filter(([, v]) => v !== undefined)) as UpdateCollaboration['changes'];
    const after: CollaborationFields = { ...before, ...c };
    await checkedCollaboration(trx, mId, after, c);
    const fields = columnsOf(after);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['name', 'description', 'goal', 'ownerUserId', 'startOn', 'endKind'] as const) {
      const to = typeof after[k] === 'string' ? (after[k] as string).trim() : after[k];
      if (to !== before[k]) diff[k] = { from: before[k], to };
    }
    const links = await linksOf(trx, mId, row.id);
    const linkDiff = (k: keyof Links, current: { id: string }[], table: 'collaboration_areas' | 'collaboration_themes' | 'collaboration_cases') => {
      const wanted = c[k];
      if (!wanted) return null;
      const from = current.map((x) => x.id).sort();
      const to = [...new Set(wanted)].sort();
      if (from.join() === to.join()) return null;
      diff[k] = { from, to };
      return () => replaceLinks(trx, mId, row.id, table, to);
    };
    const writes = [
      linkDiff('areaIds', links.areas, 'collaboration_areas'),
      linkDiff('themeIds', links.themes, 'collaboration_themes'),
      linkDiff('caseIds', links.cases, 'collaboration_cases'),
    ];
    const extended = after.endOn !== before.endOn;
    if (!Object.keys(diff).length && !extended) throw new AppError(409, 'conflict', 'error.noChange');
    for (const w of writes) if (w) await w();
    await bump(trx, ctx, row, fields);
    if (Object.keys(diff).length) await recordCollaborationEvent(trx, ctx, row.id, { type: 'collaboration.updated', payload: { changes: diff } });
    if (extended) {
      // A later date is the decision to extend; an earlier one is an ordinary change.
      if (after.endOn > before.endOn)
        await recordCollaborationEvent(trx, ctx, row.id, { type: 'collaboration.extended', payload: { from: before.endOn, to: after.endOn } });
      else
        await recordCollaborationEvent(trx, ctx, row.id, {
          type: 'collaboration.updated',
          payload: { changes: { endOn: { from: before.endOn, to: after.endOn } } },
        });
    }
    return changed(trx, ctx, row.id);
  });
}

/** Move to another policy phase; the history keeps every phase with the day it began. */
export async function changePhase(ctx: Ctx, opts: { id: string; ifMatch?: VersionCondition; phase: Phase }): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.id, 'edit', { lock: true, ifMatch: opts.ifMatch });
    if (row.phase === opts.phase) throw new AppError(409, 'conflict', 'error.noChange');
    const since = today(ctx);
    await bump(trx, ctx, row, { phase: opts.phase, phase_since: since });
    await trx
      .insertInto('collaboration_phases')
      .values({ municipality_id: mId, collaboration_id: row.id, phase: opts.phase, since, actor_id: ctx.actor.userId })
      .execute();
    await recordCollaborationEvent(trx, ctx, row.id, { type: 'collaboration.phaseChanged', payload: { from: row.phase, to: opts.phase, since } });
    return changed(trx, ctx, row.id);
  });
}

/** Add a measurable target to the goal. */
export async function addTarget(ctx: Ctx, opts: { collaborationId: string; ifMatch?: VersionCondition } & TargetFields): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true, ifMatch: opts.ifMatch });
    const problems = targetProblems(opts);
    if (problems.length) throw invalidInput(problems);
    const t = await trx
      .insertInto('collaboration_targets')
      .values({
        municipality_id: mId,
        collaboration_id: row.id,
        indicator: opts.indicator.trim(),
        baseline: opts.baseline,
        target_value: opts.targetValue,
        unit: opts.unit.trim(),
        target_on: opts.targetOn,
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bump(trx, ctx, row);
    await recordCollaborationEvent(trx, ctx, row.id, {
      type: 'collaboration.targetAdded',
      payload: {
        targetId: t.id,
        indicator: opts.indicator.trim(),
        baseline: opts.baseline,
        targetValue: opts.targetValue,
        unit: opts.unit.trim(),
        targetOn: opts.targetOn,
      },
    });
    return changed(trx, ctx, row.id);
  });
}

/**
 * Change a target of the goal (indicator, baseline, target value, unit, target date); its
 * readings stay. If-Match carries the collaboration's version, as for adding one.
 */
export async function updateTarget(
  ctx: Ctx,
  opts: { collaborationId: string; targetId: string; ifMatch?: VersionCondition; changes: Partial<TargetFields> },
): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true, ifMatch: opts.ifMatch });
    const current = (await targetsOf(trx, mId, row.id)).find((t) => t.id === opts.targetId);
    if (!current) throw notFound('target');
    const before: TargetFields = {
      indicator: current.indicator,
      baseline: current.baseline,
      targetValue: current.targetValue,
      unit: current.unit,
      targetOn: current.targetOn,
    };
    const defined = Object.fromEntries(Object.entries(opts.changes).filter(([, v]) => v !== undefined)) as Partial<TargetFields>;
    const merged = { ...before, ...defined };
    const problems = targetProblems(merged);
    if (problems.length) throw invalidInput(problems);
    const after: TargetFields = { ...merged, indicator: merged.indicator.trim(), unit: merged.unit.trim() };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(after) as (keyof TargetFields)[]) if (after[k] !== before[k]) diff[k] = { from: before[k], to: after[k] };
    if (!Object.keys(diff).length) throw new AppError(409, 'conflict', 'error.noChange');
    await trx
      .updateTable('collaboration_targets')
      .set({ indicator: after.indicator, baseline: after.baseline, target_value: after.targetValue, unit: after.unit, target_on: after.targetOn })
      .where('municipality_id', '=', mId)
      .where('id', '=', current.id)
      .execute();
    await bump(trx, ctx, row);
    await recordCollaborationEvent(trx, ctx, row.id, {
      type: 'collaboration.targetUpdated',
      payload: { targetId: current.id, indicator: after.indicator, changes: diff },
    });
    return changed(trx, ctx, row.id);
  });
}

/** Record a progress reading against a target. */
export async function recordReading(
  ctx: Ctx,
  opts: { collaborationId: string; targetId: string; ifMatch?: VersionCondition } & ReadingFields,
): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true, ifMatch: opts.ifMatch });
    const target = await trx
      .selectFrom('collaboration_targets')
      .select(['id', 'indicator'])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', '=', row.id)
      .where('id', '=', opts.targetId)
      .executeTakeFirst();
    if (!target) throw notFound('target');
    const problems = readingProblems(opts, today(ctx));
    if (problems.length) throw invalidInput(problems);
    await trx
      .insertInto('collaboration_readings')
      .values({
        municipality_id: mId,
        collaboration_id: row.id,
        target_id: target.id,
        read_on: opts.readOn,
        value: opts.value,
        note: opts.note.trim(),
        actor_id: ctx.actor.userId,
        created_at: ctx.clock.now(),
      })
      .execute();
    await bump(trx, ctx, row);
    await recordCollaborationEvent(trx, ctx, row.id, {
      type: 'collaboration.progressRead',
      payload: { targetId: target.id, indicator: target.indicator, readOn: opts.readOn, value: opts.value },
    });
    return changed(trx, ctx, row.id);
  });
}

// ---- parties --------------------------------------------------------------------------

const tidyParty = (f: PartyFields): PartyFields => ({
  ...f,
  name: f.name.trim(),
  kvkNumber: f.kvkNumber?.trim() || null,
  contactName: f.contactName?.trim() || null,
  contactEmail: f.contactEmail?.trim() || null,
  decidesAlone: cleanLines(f.decidesAlone),
  decidesTogether: cleanLines(f.decidesTogether),
  finalSay: cleanLines(f.finalSay),
  yield: f.yield.trim(),
  contributions: f.contributions.map((c) => ({ ...c, description: c.description.trim() })),
  departmentId: f.kind === 'department' ? f.departmentId : null,
  municipalityId: f.kind === 'municipality' ? f.municipalityId : null,
});

/**
 * Whether `id` is another municipality of the installation. Its row is hidden by
 * row-level security, so this is asked outside the tenant's view — and before the
 * use-case's transaction opens (an embedded database has one connection).
 */
async function unsafeIsOtherMunicipality(ctx: Ctx, id: string | null | undefined): Promise<boolean | undefined> {
  if (!id) return undefined;
  if (id === ctx.actor.municipalityId) return false;
  const m = await ctx.db.unsafeAdmin.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst();
  return !!m;
}

async function checkedParty(trx: Tx, ctx: Ctx, input: PartyFields, otherMunicipality: boolean | undefined): Promise<PartyFields> {
  const mId = ctx.actor.municipalityId;
  const f = tidyParty(input);
  const problems = partyProblems(f);
  if (f.kind === 'department' && f.departmentId) {
    const d = await trx.selectFrom('departments').select('id').where('municipality_id', '=', mId).where('id', '=', f.departmentId).executeTakeFirst();
    if (!d) problems.push({ field: 'departmentId', key: 'error.unknownDepartment' });
  }
  // Another municipality of the installation, stored by its id (undefined: unchanged, checked when it was set).
  if (f.kind === 'municipality' && f.municipalityId && otherMunicipality === false)
    problems.push({ field: 'municipalityId', key: 'error.collaborationPartyMunicipality' });
  if (problems.length) throw invalidInput(problems);
  return f;
}

const partyColumns = (f: PartyFields) => ({
  kind: f.kind,
  department_id: f.departmentId,
  party_municipality_id: f.municipalityId,
  name: f.name,
  org_type: f.orgType,
  kvk_number: f.kvkNumber,
  contact_name: f.contactName,
  contact_email: f.contactEmail,
  decides_alone: f.decidesAlone,
  decides_together: f.decidesTogether,
  final_say: f.finalSay,
  yield: f.yield,
});

async function writeContributions(trx: Tx, ctx: Ctx, collaborationId: string, partyId: string, cs: Contribution[]) {
  const mId = ctx.actor.municipalityId;
  await trx.deleteFrom('collaboration_contributions').where('municipality_id', '=', mId).where('party_id', '=', partyId).execute();
  if (!cs.length) return;
  await trx
    .insertInto('collaboration_contributions')
    .values(
      cs.map((c) => ({
        municipality_id: mId,
        collaboration_id: collaborationId,
        party_id: partyId,
        kind: c.kind,
        amount: c.amount,
        description: c.description,
        created_at: ctx.clock.now(),
      })),
    )
    .execute();
}

/** Add a party with its contributions, power and yield. */
export async function addParty(ctx: Ctx, opts: { collaborationId: string; ifMatch?: VersionCondition } & PartyFields): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  const other = await unsafeIsOtherMunicipality(ctx, opts.kind === 'municipality' ? opts.municipalityId : null);
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true, ifMatch: opts.ifMatch });
    const f = await checkedParty(trx, ctx, opts, other);
    const p = await trx
      .insertInto('collaboration_parties')
      .values({ municipality_id: mId, collaboration_id: row.id, ...partyColumns(f), created_at: ctx.clock.now(), updated_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeContributions(trx, ctx, row.id, p.id, f.contributions);
    await bump(trx, ctx, row);
    await recordCollaborationEvent(trx, ctx, row.id, { type: 'collaboration.partyAdded', payload: { partyId: p.id, name: f.name, kind: f.kind } });
    return changed(trx, ctx, row.id);
  });
}

/** Change a party: any of its fields; `contributions`, when given, replaces the list. */
export async function updateParty(
  ctx: Ctx,
  opts: { collaborationId: string; partyId: string; ifMatch?: VersionCondition; changes: Partial<PartyFields> },
): Promise<CollaborationView> {
  const mId = ctx.actor.municipalityId;
  const other = await unsafeIsOtherMunicipality(ctx, opts.changes.municipalityId);
  return ctx.db.tenant(mId, async (trx) => {
    const row = await loadFor(trx, ctx, opts.collaborationId, 'edit', { lock: true });
    const current = (await partiesOf(trx, mId, row.id)).find((p) => p.id === opts.partyId);
    if (!current) throw notFound('party');
    if (!versionMatches(opts.ifMatch, current.version)) throw staleVersion();
    const { id: _id, version: _v, ...before } = current;
    const defined = Object.fromEntries(Object.entries(opts.changes).filter(([, v]) => v !== undefined)) as Partial<PartyFields>;
    const after = await checkedParty(trx, ctx, { ...before, ...defined }, other);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(after) as (keyof PartyFields)[])
      if (JSON.stringify(after[k]) !== JSON.stringify(before[k])) diff[k] = { from: before[k], to: after[k] };
    if (!Object.keys(diff).length) throw new AppError(409, 'conflict', 'error.noChange');
    await trx
      .updateTable('collaboration_parties')
      .set({ ...partyColumns(after), version: current.version + 1, updated_at: ctx.clock.now() })
      .where('municipality_id', '=', mId)
      .where('id', '=', current.id)
      .execute();
    if (diff.contributions) await writeContributions(trx, ctx, row.id, current.id, after.contributions);
    await bump(trx, ctx, row);
    await recordCollaborationEvent(trx, ctx, row.id, {
      type: 'collaboration.partyUpdated',
      payload: { partyId: current.id, name: after.name, changes: diff },
    });
    return changed(trx, ctx, row.id);
  });
}
