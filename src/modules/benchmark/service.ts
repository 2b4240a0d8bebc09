// Comparing municipalities (docs/product.md#comparing-municipalities): the comparison
// for a participating municipality's staff, and the published figures as open data.
// Both read what the benchmark job stored; neither computes figures per request, and the
// participants' aggregates are kept until that changes.

import { dutchDate } from '../../kernel/clock.js';
import { invalid, notFound } from '../../kernel/errors.js';
import { versionedCachePer } from '../../kernel/versioned-cache.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Db, readUnlessUnwritten } from '../../platform/db/index.js';
import {
  type Aggregate,
  aggregate,
  defaultPeriod,
  FIGURES,
  type FigureKey,
  figuresOf,
  LICENCE_URLS,
  type Licence,
  type Month,
  type MonthCounts,
  monthsBetween,
  type OwnFigure,
  ownFigure,
  periodProblem,
  SIZE_CLASSES,
  type SizeClass,
  shownFigure,
  sizeClass,
} from './model.js';
import { benchmarkPolicy } from './policy.js';
import {
  type BenchmarkSettings,
  monthsOf,
  type ParticipantMonths,
  settingsOf,
  unsafeBenchmarkVersion,
  unsafeParticipantMonths,
  unsafePublisher,
  unsafePublishers,
} from './repo.js';

export interface Period {
  from: Month;
  to: Month;
}

/** The period asked for, or the default one; a backward or too long period is bad input. */
function periodFor(deps: Deps, p: Partial<Period>): Period {
  const d = defaultPeriod(dutchDate(deps.clock.now()));
  const period = { from: p.from ?? (p.to && p.to < d.from ? p.to : d.from), to: p.to ?? (p.from && p.from > d.to ? p.from : d.to) };
  const problem = periodProblem(period);
  if (problem === 'order') throw invalid('to', 'error.periodOrder');
  if (problem === 'tooLong') throw invalid('from', 'error.periodTooLong');
  return period;
}

/** Which figures a municipality shows: the average mark only when the marks are known. */
const keysOf = (months: readonly MonthCounts[]): FigureKey[] => FIGURES.filter((k) => k !== 'averageMark' || months.some((m) => m.markAnswers !== null));

export interface ComparedFigure {
  key: FigureKey;
  own: OwnFigure;
  /** all participants */
  all: Aggregate;
  /** the participants of the own size class; null while the number of inhabitants is not set */
  sizeClass: Aggregate | null;
}

/** Per figure, the aggregate of all participants and of each size class. */
type FigureAggregates = Map<FigureKey, { all: Aggregate; bySize: Map<SizeClass, Aggregate> }>;

/**
 * The participants' side of one set of months: per figure the median and quartiles of
 * all participants and of each size class, each value taken in only when it may be
 * shown and each aggregate suppressed under five municipalities
 * (docs/product.md#small-numbers-are-not-shown).
 */
function aggregatesOf(keys: readonly FigureKey[], participants: readonly { sizeClass: SizeClass | null; months: readonly MonthCounts[] }[]): FigureAggregates {
  const theirs = participants.map((o) => ({ sizeClass: o.sizeClass, figures: figuresOf(o.months) }));
  return new Map(
    keys.map((key) => {
      const values = (pick: (o: (typeof theirs)[number]) => boolean) =>
        theirs.flatMap((o) => {
          const f = o.figures[key];
          return pick(o) && f && shownFigure(key, f) ? [f.value as number] : [];
        });
      const bySize = new Map(SIZE_CLASSES.map((c) => [c, aggregate(values((o) => o.sizeClass === c))] as const));
      return [key, { all: aggregate(values(() => true)), bySize }] as const;
    }),
  );
}

/** The own figures of one set of months next to the participants' aggregates (all, and of the own size class). */
function compare(keys: readonly FigureKey[], own: readonly MonthCounts[], aggregates: FigureAggregates, mine: SizeClass | null): ComparedFigure[] {
  const ownFigures = figuresOf(own);
  return keys.map((key) => {
    const a = aggregates.get(key);
    const suppressed: Aggregate = { suppressed: true, municipalities: 0 };
    return {
      key,
      own: ownFigure(key, ownFigures[key] ?? { value: null, basis: 0 }),
      all: a?.all ?? suppressed,
      sizeClass: mine === null ? null : (a?.bySize.get(mine) ?? suppressed),
    };
  });
}

/** The participants' side of a comparison for a period: the figures shown, and the aggregates over the period and per month. */
interface ParticipantsSide {
  keys: FigureKey[];
  period: FigureAggregates;
  months: Array<{ month: Month; aggregates: FigureAggregates }>;
}

function participantsSide(period: Period, participants: readonly ParticipantMonths[]): ParticipantsSide {
  const all = participants.map((p) => ({ sizeClass: sizeClass(p.inhabitants), months: p.months }));
  const keys = keysOf(all.flatMap((o) => o.months));
  return {
    keys,
    period: aggregatesOf(keys, all),
    months: monthsBetween(period.from, period.to).map((month) => ({
      month,
      aggregates: aggregatesOf(
        keys,
        all.map((o) => ({ ...o, months: o.months.filter((m) => m.month === month) })),
      ),
    })),
  };
}

/** Values kept per database at the most (each some kilobytes). */
const KEPT_LIMITS = { maxEntries: 512, maxBytes: Number.POSITIVE_INFINITY };

/**
 * What was computed from the benchmark's data, per database, in a VersionedCache with
 * the version of that data it was computed from (repo.ts, `unsafeBenchmarkVersion`):
 * the participants' side of a comparison per period (the same for every participant),
 * a municipality's comparison, and a municipality's published figures. The data changes
 * only when the job has run or someone's participation or number of inhabitants
 * changed; computing a comparison for every page view cost some 30 ms with 342
 * participants, and a large municipality's published figures some 6 ms.
 */
const keptValue = versionedCachePer<Db>(KEPT_LIMITS);

/**
 * The comparison for the actor's own municipality. A municipality that does not take
 * part sees no figures, only that it does not (docs/product.md#comparing-municipalities).
 * No other municipality's figure, name or id leaves this function: only aggregates.
 */
export async function compareMunicipality(ctx: Ctx, q: Partial<Period>) {
  benchmarkPolicy.authorize(ctx.actor, null, 'compare');
  const period = periodFor(ctx, q);
  const mId = ctx.actor.municipalityId;
  const db = ctx.db;
  // One privileged transaction: the own settings, the version of the benchmark's data
  // (read before anything made of it, so nothing kept is older than its version), and
  // then only what is not kept for that version.
  // On PGlite, while nothing was written, not even that (platform/db, readUnlessUnwritten).
  const read = await readUnlessUnwritten(db, `comparison|${mId}|${period.from}|${period.to}`, () =>
    db.unsafeTransaction(async (trx) => {
      const settings = await settingsOf(trx, mId);
      if (!settings.benchmarkOptIn) return { settings, compared: null };
      const version = await unsafeBenchmarkVersion(trx);
      const mine = sizeClass(settings.inhabitants);
      const compared = await keptValue(db, `comparison|${mId}|${mine}|${period.from}|${period.to}`, version, async () => {
        let own: readonly MonthCounts[] | undefined;
        const side = await keptValue(db, `participants|${period.from}|${period.to}`, version, async () => {
          const participants = await unsafeParticipantMonths(trx, period);
          own = participants.find((p) => p.municipalityId === mId)?.months ?? [];
          return participantsSide(period, participants);
        });
        const mineMonths = own ?? (await monthsOf(trx, mId, period));
        return {
          figures: compare(side.keys, mineMonths, side.period, mine),
          months: side.months.map(({ month, aggregates }) => ({
            month,
            figures: compare(
              side.keys,
              mineMonths.filter((m) => m.month === month),
              aggregates,
              mine,
            ),
          })),
        };
      });
      return { settings, compared };
    }),
  );
  const { settings, compared } = read;
  const head = {
    municipality: settings.name,
    participating: settings.benchmarkOptIn,
    sizeClass: sizeClass(settings.inhabitants),
    inhabitants: settings.inhabitants,
    period,
  };
  if (!compared) return { ...head, figures: [], months: [] };
  return { ...head, ...compared };
}

export type Comparison = Awaited<ReturnType<typeof compareMunicipality>>;

/** A published figure: the value and the number it is based on; a mark over too few answers is suppressed. */
function published(keys: readonly FigureKey[], months: readonly MonthCounts[]) {
  const f = figuresOf(months);
  return keys.map((key) => {
    const own = ownFigure(key, f[key] ?? { value: null, basis: 0 });
    return own.suppressed ? { key, value: null, basis: own.basis, suppressed: true } : { key, value: own.value, basis: own.basis, suppressed: false };
  });
}

const licenceOf = (s: BenchmarkSettings) => ({ id: s.openDataLicence, url: LICENCE_URLS[s.openDataLicence] });

/**
 * The published figures of a municipality, as open data (docs/product.md#open-data):
 * nothing personal, only counts and values. A municipality that does not publish does
 * not exist here (404).
 */
export async function publishedFigures(deps: Deps, slug: string, q: Partial<Period>) {
  const period = periodFor(deps, q);
  const db = deps.db;
  const found = await readUnlessUnwritten(db, `published|${slug}|${period.from}|${period.to}`, () =>
    db.unsafeTransaction(async (trx) => {
      const m = await unsafePublisher(trx, slug);
      if (!m) return null;
      const version = await unsafeBenchmarkVersion(trx);
      // Kept with the version read before the months (the same for every reader).
      const figures = await keptValue(db, `published|${m.id}|${period.from}|${period.to}`, version, async () => {
        const months = await monthsOf(trx, m.id, period);
        const keys = keysOf(months);
        return {
          figures: published(keys, months),
          months: monthsBetween(period.from, period.to).map((month) => ({
            month,
            figures: published(
              keys,
              months.filter((x) => x.month === month),
            ),
          })),
        };
      });
      return { m, figures };
    }),
  );
  if (!found) throw notFound('municipality');
  const { m, figures } = found;
  return {
    municipality: { slug: m.slug, name: m.name },
    licence: licenceOf(m),
    period,
    ...figures,
  };
}

export type PublishedFigures = Awaited<ReturnType<typeof publishedFigures>>;

/** The municipalities that publish their figures (docs/product.md#open-data). */
export async function listPublishers(deps: Deps) {
  const ms = await readUnlessUnwritten(deps.db, 'publishers', () => deps.db.unsafeTransaction((trx) => unsafePublishers(trx)));
  return ms.map((m) => ({ slug: m.slug, name: m.name, licence: licenceOf(m) }));
}

// ---- settings ---------------------------------------------------------------------

const presentSettings = (s: BenchmarkSettings) => ({
  inhabitants: s.inhabitants,
  sizeClass: sizeClass(s.inhabitants),
  benchmarkOptIn: s.benchmarkOptIn,
  publishFigures: s.publishFigures,
  openDataLicence: s.openDataLicence,
  licenceUrl: LICENCE_URLS[s.openDataLicence],
  /** where the published figures are, once published */
  publicPage: `/cijfers/${s.slug}`,
});

/** The municipality's settings for comparing (docs/product.md#comparing-municipalities). */
export async function getBenchmarkSettings(ctx: Ctx) {
  benchmarkPolicy.authorize(ctx.actor, null, 'manage');
  const mId = ctx.actor.municipalityId;
  return presentSettings(await ctx.db.tenant(mId, (trx) => settingsOf(trx, mId)));
}

export type BenchmarkSettingsChange = {
  inhabitants?: number | null;
  benchmarkOptIn?: boolean;
  publishFigures?: boolean;
  openDataLicence?: Licence;
};

/**
 * The admin changes the settings. They live on the municipalities row, which the
 * tenant role may only read (as the other settings do): the change goes through the
 * privileged handle, keyed on the admin's own municipality, in one transaction.
 */
export async function updateBenchmarkSettings(ctx: Ctx, change: BenchmarkSettingsChange) {
  benchmarkPolicy.authorize(ctx.actor, null, 'manage');
  const mId = ctx.actor.municipalityId;
  const s = await ctx.db.unsafeTransaction(async (trx) => {
    await trx
      .updateTable('municipalities')
      .set({
        ...(change.inhabitants !== undefined ? { inhabitants: change.inhabitants } : {}),
        ...(change.benchmarkOptIn !== undefined ? { benchmark_opt_in: change.benchmarkOptIn } : {}),
        ...(change.publishFigures !== undefined ? { publish_figures: change.publishFigures } : {}),
        ...(change.openDataLicence !== undefined ? { open_data_licence: change.openDataLicence } : {}),
      })
      .where('id', '=', mId)
      .execute();
    return settingsOf(trx, mId);
  });
  return presentSettings(s);
}
