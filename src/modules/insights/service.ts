// Management information (docs/product.md#management-information): one read, one
// transaction, every figure of the actor's municipality for the filter given, from
// the rollup and the current-state indexes.
import { createHash } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import { addWorkingDays, type IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { invalid } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import { readUnlessUnwritten, type Tx } from '../../platform/db/index.js';
import { shareOnTime } from '../council/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import type { FigureCache } from './cache.js';
import {
  COMMITMENT_STATES,
  type CommitmentCounts,
  commitmentCounts,
  type Domain,
  DUE_SOON_WORKING_DAYS,
  defaultPeriod,
  type InsightsFilter,
  type LeadTime,
  periodProblem,
  splitStatusKey,
  trendMonths,
  workloadByMonth,
} from './model.js';
import { insightsPolicy } from './policy.js';
import { type CountRow, figureRows, figuresVersion, type LeadTimeRow, type TRENDED_METRICS } from './queries.js';

export interface SatisfactionFigures {
  sent: number;
  answers: number;
  responseRate: number | null;
  averageMark: number | null;
  distribution: { mark: number; count: number }[];
  byMonth: { month: string; answers: number; averageMark: number | null }[];
  perDirector: { directorId: string; directorName: string; answers: number; averageMark: number | null }[];
}

export interface ParticipationFigures {
  periods: number;
  respondents: number;
  interests: number;
  answeredInterests: number;
  answeredShare: number | null;
  byMonth: { month: string; periods: number; respondents: number }[];
}

export interface CollaborationFigures {
  total: number;
  byPhase: { phase: 'agenda' | 'policy' | 'implementation' | 'evaluation'; count: number }[];
  withHealthIssues: number;
  byIssue: { code: string; count: number }[];
  agreementsByParty: { party: string; kept: number; broken: number; withdrawn: number; open: number }[];
  contributionsByParty: { party: string; euros: number; hours: number }[];
}

export interface SharedRequestCounts {
  requests: number;
  onTime: number;
  late: number;
  silent: number;
  open: number;
}
export interface SharedRequestFigures {
  received: (SharedRequestCounts & { municipality: string; departmentId: string; department: string })[];
  provided: (SharedRequestCounts & { municipality: string; departmentId: string; department: string })[];
  totals: { received: SharedRequestCounts; provided: SharedRequestCounts };
}

/**
 * Figures of another module for a filter: `select` is a scalar subquery yielding one
 * json value, read inside the one statement of a request (queries.ts, figureRows);
 * `read` turns that value into the figures.
 *
 * `version` is the source's piece of the version the figures are cached under
 * (docs/product.md#management-information): a scalar SQL expression, one or two index
 * steps, whose value changes in the transaction of every change of the source's figures
 * of the municipality, whatever the filter (the newest id of its event rows, say). All
 * pieces are read in one statement per request (queries.ts, figuresVersion), every
 * given provider's by itself: a new source is one more optional field of
 * InsightsProviders, and its version piece comes with it.
 */
export interface FigureSource<T> {
  version: (municipalityId: string) => RawBuilder<unknown>;
  select: (f: InsightsFilter) => RawBuilder<unknown>;
  read: (value: unknown, f: InsightsFilter) => T;
  /**
   * The parts of the filter the figures depend on (besides the municipality): `select`
   * and `read` use no other. The figures are cached per these parts and the source's
   * version piece, so figures that do not depend on the period (the collaborations
   * now) are computed once for every period asked. Checked for every source's SQL by
   * src/figure-sources.test.ts; `read` may use only these parts as well.
   */
  dependsOn: readonly FilterPart[];
}

/** The parts of a filter a figure source may depend on. */
export const FILTER_PARTS = ['from', 'to', 'areaId', 'themeId', 'domain', 'directorId'] as const;
export type FilterPart = (typeof FILTER_PARTS)[number];

/** The optional figures of other modules, passed in by the composition root. */
export interface InsightsProviders {
  satisfaction?: FigureSource<SatisfactionFigures>;
  participation?: FigureSource<ParticipationFigures>;
  collaborations?: FigureSource<CollaborationFigures>;
  /** requests to other municipalities' departments (docs/product.md#requests-to-other-municipalities-in-figures) */
  sharedRequests?: FigureSource<SharedRequestFigures>;
}

export interface InsightsQuery {
  from?: string;
  to?: string;
  areaId?: string;
  themeId?: string;
  domain?: Domain;
  directorId?: string;
}

const METRICS = [
  'submitted',
  'closed',
  'withdrawn',
  'leadToPlan',
  'leadToClose',
  'planTerm',
  'suspended',
  'suspendedDays',
  'round',
  'answer',
  'silenceDept',
  'objectionDept',
  'objectionRule',
  'lateObjection',
  'overrule',
  'commitment',
  'commitmentMaker',
  'commitmentMandate',
] as const;
type Metric = (typeof METRICS)[number];

/** The filter of a request: the default period when none is given; a bad period is a 400. */
export function filterOf(ctx: Ctx, q: InsightsQuery): InsightsFilter {
  const today = dutchDate(ctx.clock.now());
  const d = defaultPeriod(today);
  const f: InsightsFilter = { municipalityId: ctx.actor.municipalityId, from: q.from ?? d.from, to: q.to ?? d.to };
  if (q.from && !q.to && q.from > today) f.to = q.from;
  const problem = periodProblem(f);
  if (problem) throw invalid('from', `insights.period.${problem}`);
  if (q.areaId) f.areaId = q.areaId;
  if (q.themeId) f.themeId = q.themeId;
  if (q.domain) f.domain = q.domain;
  if (q.directorId) f.directorId = q.directorId;
  return f;
}

/** Every figure for the filter (docs/product.md#management-information), computed now. */
export async function insightsFigures(ctx: Ctx, q: InsightsQuery, providers: InsightsProviders = {}) {
  insightsPolicy.authorize(ctx.actor, null, 'read');
  const f = filterOf(ctx, q);
  return ctx.db.tenant(f.municipalityId, async (trx) => (await computeFigures(ctx, trx, f, providers, dutchDate(ctx.clock.now()))).insights);
}

/**
 * The figures as cached (docs/product.md#management-information): per municipality ×
 * filter × day × whether the actor may see satisfaction per director × `part` (the
 * format: JSON, or a CSV section in a language with a separator). One short statement
 * reads the version of everything the figures are made of; while it is the one an
 * entry was computed from, the entry is served and nothing is computed. Otherwise the
 * figures are computed in a transaction begun after the version was read (so an
 * entry is never older than its version), and `produce` makes the entry. The ETag
 * names the key and the version: the same ETag, the same body. Where the database has
 * a write mark (PGlite), the version is read again only after the mark moved.
 */
export async function cachedFigures<T>(
  ctx: Ctx,
  q: InsightsQuery,
  providers: InsightsProviders,
  caches: FigureCaches<T>,
  part: string,
  produce: (figures: Insights) => { value: T; bytes: number },
): Promise<{ etag: string; value: T }> {
  insightsPolicy.authorize(ctx.actor, null, 'read');
  const f = filterOf(ctx, q);
  const mId = f.municipalityId;
  const today = dutchDate(ctx.clock.now());
  const mayPerDirector = insightsPolicy.can(ctx.actor, null, 'readPerDirector');
  const key = JSON.stringify([part, mId, today, f.from, f.to, f.areaId ?? null, f.themeId ?? null, f.domain ?? null, f.directorId ?? null, mayPerDirector]);
  const etagOf = (version: string) => `"${createHash('sha256').update(key).update('\0').update(version).digest('base64url').slice(0, 32)}"`;
  // Every given provider's piece, in the order of their names.
  const sources = givenSources(providers);
  // The version, read in a short transaction of its own; on PGlite, while nothing was
  // written since it was read last, not even that (platform/db, readUnlessUnwritten).
  const version = await readUnlessUnwritten(ctx.db, JSON.stringify(['insights-version', mId, ...sources.map(([name]) => name)]), () =>
    ctx.db.tenant(mId, (trx) =>
      figuresVersion(
        trx,
        mId,
        sources.map(([, source]) => source.version(mId)),
      ),
    ),
  );
  const etag = etagOf(version.all);
  // Computed after the version was read: an entry is never older than its version.
  // Asked for by several people at once (the first view after a change), it is
  // computed once for them all (kernel, VersionedCache.getOrCompute).
  const value = await caches.figures.getOrCompute(key, version.all, () =>
    ctx.db.tenant(mId, async (trx) => {
      // A source's figures as cached for the parts of the filter it depends on and its own piece of the version.
      const sourceKey = (name: string, source: FigureSource<unknown>) => JSON.stringify([name, mId, today, ...source.dependsOn.map((p) => f[p] ?? null)]);
      const known: Partial<Record<SourceName, unknown>> = {};
      sources.forEach(([name, source], i) => {
        const value = caches.sources.get(sourceKey(name, source), version.pieces[i] ?? '');
        if (value !== undefined) known[name] = value;
      });
      // The day of the key: a request across midnight caches what it computed for it.
      const figures = await computeFigures(ctx, trx, f, providers, today, known);
      sources.forEach(([name, source], i) => {
        if (name in known) return;
        const value = figures.sources[name];
        caches.sources.set(sourceKey(name, source), version.pieces[i] ?? '', value, 2 * JSON.stringify(value ?? null).length);
      });
      return produce(figures.insights);
    }),
  );
  return { etag, value };
}

type SourceName = keyof InsightsProviders;

/** What a server keeps of the figures (docs/product.md#management-information): the entries per key, and each source's figures. */
export interface FigureCaches<T> {
  figures: FigureCache<T>;
  sources: FigureCache<unknown>;
}

/** The providers given, in the order of their names. */
function givenSources(providers: InsightsProviders): [SourceName, FigureSource<unknown>][] {
  return (Object.entries(providers) as [SourceName, FigureSource<unknown> | undefined][])
    .filter((e): e is [SourceName, FigureSource<unknown>] => e[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Every figure for the filter, and the figures of each source apart (to be cached per
 * source). `known`: figures of sources already at hand, which are not read again.
 */
async function computeFigures(
  ctx: Ctx,
  trx: Tx,
  f: InsightsFilter,
  providers: InsightsProviders,
  today: IsoDate,
  known: Partial<Record<SourceName, unknown>> = {},
) {
  const mId = f.municipalityId;
  const months = trendMonths(f);
  const m = await getMunicipality(trx, mId);
  const soon = addWorkingDays(calendarOf(m), today, DUE_SOON_WORKING_DAYS);
  const extra: Record<string, RawBuilder<unknown>> = {};
  for (const [name, source] of givenSources(providers)) if (!(name in known)) extra[name] = source.select(f);
  const read = await figureRows(trx, f, months, METRICS, today, soon, extra);
  const sources: Partial<Record<SourceName, unknown>> = { ...known };
  for (const [name, source] of givenSources(providers)) if (!(name in known)) sources[name] = source.read(read.extra[name], f);
  const rows = read.counts;
  // The rows per metric, grouped once: every figure below reads one metric.
  const byMetric = new Map<string, CountRow[]>();
  for (const r of rows) {
    const xs = byMetric.get(r.metric);
    if (xs) xs.push(r);
    else byMetric.set(r.metric, [r]);
  }
  const rowsOf = (metric: string) => byMetric.get(metric) ?? [];
  const of = (metric: Metric, inPeriod = true) => (inPeriod ? rowsOf(metric).filter((r) => r.inPeriod) : rowsOf(metric));
  const sum = (xs: readonly CountRow[]) => xs.reduce((s, r) => s + r.value, 0);
  const sumBy = (metric: Metric, dim?: string) => sum(of(metric).filter((r) => dim === undefined || r.dim === dim));
  const monthIndex = new Map(months.map((mm, i) => [mm, i]));
  // Only the trended metrics have rows before the period (queries.ts, TRENDED_METRICS).
  const perMonth = (metric: (typeof TRENDED_METRICS)[number], dim?: string) => {
    const out = months.map(() => 0);
    for (const r of rowsOf(metric)) {
      const i = monthIndex.get(r.month);
      if (i !== undefined && (dim === undefined || r.dim === dim)) out[i] = (out[i] ?? 0) + r.value;
    }
    return out;
  };
  const byKey = (metric: Metric) => {
    const out = new Map<string, number>();
    for (const r of of(metric)) out.set(r.dim, (out.get(r.dim) ?? 0) + r.value);
    return [...out].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  // Lead times as counted in SQL: per month of the trend, and over the period.
  const leadTimes = new Map(read.leadTimes.map((r) => [`${r.metric}|${r.month}`, { count: r.count, median: r.median, p90: r.p90 }]));
  const leadTimeOf = (metric: LeadTimeRow['metric'], month: string): LeadTime => leadTimes.get(`${metric}|${month}`) ?? { count: 0, median: null, p90: null };

  const clocks = read.clocks;
  const overdueK = read.overdue;
  // openDelta is keyed by the case's director ('' for none): the workload per director.
  const deltaSums = new Map<string, { month: string; directorId: string | null; delta: number }>();
  for (const r of rowsOf('openDelta')) {
    const d = deltaSums.get(`${r.month}|${r.dim}`) ?? { month: r.month, directorId: r.dim || null, delta: 0 };
    d.delta += r.value;
    deltaSums.set(`${r.month}|${r.dim}`, d);
  }
  const deltas = [...deltaSums.values()].filter((d) => d.delta !== 0);

  // Names of the keys that are ids.
  const makers = byKey('commitmentMaker').map((x) => ({ ...splitStatusKey(x.key), count: x.count }));
  const mandateRows = byKey('commitmentMandate').map((x) => ({ ...splitStatusKey(x.key), count: x.count }));
  const overrules = byKey('overrule');
  const names = { users: read.users, departments: read.departments };
  const mandateName = (id: string) => read.mandates.get(id) ?? id;
  const makerName = (key: string) => (key.startsWith('n:') ? key.slice(2) : (names.users.get(key) ?? key));
  const deptName = (key: string) => (key === 'outside' ? null : (names.departments.get(key) ?? key));

  // Per key: its rows by status and its overdue commitments, each grouped in one pass
  // (a large municipality has hundreds of makers and hundreds of overdue commitments).
  const grouped = (xs: { status: string; key: string; count: number }[], overdue: Map<string, number>, name: (key: string) => string) => {
    const byKey = new Map<string, { status: string; count: number }[]>();
    for (const x of xs) {
      const rows = byKey.get(x.key);
      if (rows) rows.push(x);
      else byKey.set(x.key, [x]);
    }
    return [...byKey]
      .map(([key, rows]) => ({ key, name: name(key), ...commitmentCounts(rows, overdue.get(key) ?? 0) }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  };
  const overdueBy = (keysOf: (o: (typeof overdueK)[number]) => readonly string[]) => {
    const out = new Map<string, number>();
    for (const o of overdueK) for (const key of keysOf(o)) out.set(key, (out.get(key) ?? 0) + 1);
    return out;
  };

  // Each trend once, not once per month.
  const toPlanByMonth = months.map((mm) => leadTimeOf('leadToPlan', mm));
  const toCloseByMonth = months.map((mm) => leadTimeOf('leadToClose', mm));
  const trend = {
    onTime: perMonth('planTerm', 'onTime'),
    late: perMonth('planTerm', 'late'),
    rounds: perMonth('round'),
    yes: perMonth('answer', 'yes'),
    yesWithConditions: perMonth('answer', 'yesWithConditions'),
    objection: perMonth('answer', 'objection'),
    silence: perMonth('answer', 'silence'),
  };
  const toPlan = leadTimeOf('leadToPlan', 'period');
  const toClose = leadTimeOf('leadToClose', 'period');
  const onTime = sumBy('planTerm', 'onTime');
  const late = sumBy('planTerm', 'late');
  const answers = {
    yes: sumBy('answer', 'yes'),
    yesWithConditions: sumBy('answer', 'yesWithConditions'),
    objection: sumBy('answer', 'objection'),
    silence: sumBy('answer', 'silence'),
  };
  const commitmentTotals: CommitmentCounts = commitmentCounts(
    COMMITMENT_STATES.map((s) => ({ status: s, count: sumBy('commitment', s) })),
    overdueK.length,
  );
  const workload = workloadByMonth(deltas, months);
  const directorIds = [...new Set(workload.flatMap((w) => w.perDirector.map((d) => d.directorId)))];

  const mayPerDirector = insightsPolicy.can(ctx.actor, null, 'readPerDirector');
  const satisfaction = providers.satisfaction ? (sources.satisfaction as SatisfactionFigures) : null;
  const participation = providers.participation ? (sources.participation as ParticipationFigures) : null;
  // docs/product.md#collaborations-in-figures
  const collaborations = providers.collaborations ? (sources.collaborations as CollaborationFigures) : null;
  // docs/product.md#requests-to-other-municipalities-in-figures
  const sharedRequests = providers.sharedRequests ? (sources.sharedRequests as SharedRequestFigures) : null;
  const choices = read.choices;

  const insights = {
    municipality: m.name,
    today,
    filter: { from: f.from, to: f.to, areaId: f.areaId ?? null, themeId: f.themeId ?? null, domain: f.domain ?? null, directorId: f.directorId ?? null },
    months,
    choices,
    leadTimes: {
      cases: { submitted: sumBy('submitted'), closed: sumBy('closed'), withdrawn: sumBy('withdrawn') },
      toPlan,
      toClose,
      byMonth: months.map((mm, i) => {
        const p = toPlanByMonth[i];
        const c = toCloseByMonth[i];
        return {
          month: mm,
          toPlanCount: p?.count ?? 0,
          toPlanMedian: p?.median ?? null,
          toPlanP90: p?.p90 ?? null,
          toCloseCount: c?.count ?? 0,
          toCloseMedian: c?.median ?? null,
          toCloseP90: c?.p90 ?? null,
          onTime: trend.onTime[i] ?? 0,
          late: trend.late[i] ?? 0,
        };
      }),
      // The same share as the council overview (docs/product.md#the-council-overview):
      // plans agreed on time out of every settled term, the clocks overdue now included.
      planTerm: { onTime, late, overdue: clocks.overdue, shareOnTime: shareOnTime({ onTime, late, overdue: clocks.overdue }) },
      clocks,
      suspensions: { count: sumBy('suspended'), days: sumBy('suspendedDays') },
    },
    assessment: {
      rounds: sumBy('round'),
      answers,
      byMonth: months.map((mm, i) => ({
        month: mm,
        rounds: trend.rounds[i] ?? 0,
        yes: trend.yes[i] ?? 0,
        yesWithConditions: trend.yesWithConditions[i] ?? 0,
        objection: trend.objection[i] ?? 0,
        silence: trend.silence[i] ?? 0,
      })),
      silenceByDepartment: byKey('silenceDept').map((x) => ({ departmentId: x.key === 'outside' ? null : x.key, name: deptName(x.key), count: x.count })),
      objectionsByDepartment: byKey('objectionDept').map((x) => ({
        departmentId: x.key === 'outside' ? null : x.key,
        name: deptName(x.key),
        count: x.count,
      })),
      objectionsByRule: byKey('objectionRule').map((x) => ({ code: x.key, count: x.count })),
      lateObjections: { afterClose: sumBy('lateObjection', 'afterClose'), serial: sumBy('lateObjection', 'serial') },
      overrules: overrules.map((x) => ({ userId: x.key, name: names.users.get(x.key) ?? x.key, count: x.count })),
    },
    commitments: {
      totals: commitmentTotals,
      byMaker: grouped(
        makers,
        overdueBy((o) => [o.makerKey]),
        makerName,
      ),
      // A commitment made under a mandate twice counts once for it.
      byMandate: grouped(
        mandateRows,
        overdueBy((o) => [...new Set(o.mandateIds)]),
        mandateName,
      ),
      byMonth: perMonth('commitment').map((recorded, i) => ({ month: months[i] as string, recorded })),
    },
    workload: {
      directors: directorIds.map((id) => ({ directorId: id, name: id ? (names.users.get(id) ?? id) : null })),
      byMonth: workload,
    },
    satisfaction: satisfaction && (mayPerDirector ? satisfaction : { ...satisfaction, perDirector: null }),
    participation,
    collaborations,
    sharedRequests,
  };
  return { insights, sources };
}

export type Insights = Awaited<ReturnType<typeof computeFigures>>['insights'];
