// Comparing municipalities (docs/product.md#comparing-municipalities): the comparison
// for a participating municipality's staff, and the published figures as open data.
// Both read what the benchmark job stored; neither computes figures per request.

import { dutchDate } from '../../kernel/clock.js';
import { invalid, notFound } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
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
  type SizeClass,
  shownFigure,
  sizeClass,
} from './model.js';
import { benchmarkPolicy } from './policy.js';
import { type BenchmarkSettings, monthsOf, settingsOf, unsafeParticipantMonths, unsafePublisher, unsafePublishers } from './repo.js';

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

/**
 * The figures of one set of months: the own figure next to the median and quartiles of
 * the participants (all, and of the own size class), each value taken in only when it
 * may be shown and each aggregate suppressed under five municipalities
 * (docs/product.md#small-numbers-are-not-shown).
 */
function compare(
  keys: readonly FigureKey[],
  own: readonly MonthCounts[],
  others: readonly { sizeClass: SizeClass | null; months: readonly MonthCounts[] }[],
  mine: SizeClass | null,
): ComparedFigure[] {
  const ownFigures = figuresOf(own);
  const theirs = others.map((o) => ({ sizeClass: o.sizeClass, figures: figuresOf(o.months) }));
  return keys.map((key) => {
    const values = (pick: (o: (typeof theirs)[number]) => boolean) =>
      theirs.flatMap((o) => {
        const f = o.figures[key];
        return pick(o) && f && shownFigure(key, f) ? [f.value as number] : [];
      });
    return {
      key,
      own: ownFigure(key, ownFigures[key] ?? { value: null, basis: 0 }),
      all: aggregate(values(() => true)),
      sizeClass: mine === null ? null : aggregate(values((o) => o.sizeClass === mine)),
    };
  });
}

/**
 * The comparison for the actor's own municipality. A municipality that does not take
 * part sees no figures, only that it does not (docs/product.md#comparing-municipalities).
 * No other municipality's figure, name or id leaves this function: only aggregates.
 */
export async function compareMunicipality(ctx: Ctx, q: Partial<Period>) {
  benchmarkPolicy.authorize(ctx.actor, null, 'compare');
  const period = periodFor(ctx, q);
  const mId = ctx.actor.municipalityId;
  // One read of the benchmark's own table across the participants, in a privileged
  // transaction; reduced to the own figures and aggregates here.
  const read = await ctx.db.unsafeTransaction(async (trx) => {
    const settings = await settingsOf(trx, mId);
    return { settings, participants: settings.benchmarkOptIn ? await unsafeParticipantMonths(trx, period) : [] };
  });
  const { settings, participants } = read;
  const mine = sizeClass(settings.inhabitants);
  const head = { municipality: settings.name, participating: settings.benchmarkOptIn, sizeClass: mine, inhabitants: settings.inhabitants, period };
  if (!settings.benchmarkOptIn) return { ...head, figures: [], months: [] };
  const own = participants.find((p) => p.municipalityId === mId)?.months ?? [];
  const others = participants.map((p) => ({ sizeClass: sizeClass(p.inhabitants), months: p.months }));
  const keys = keysOf([...own, ...others.flatMap((o) => o.months)]);
  return {
    ...head,
    figures: compare(keys, own, others, mine),
    months: monthsBetween(period.from, period.to).map((month) => {
      const at = (ms: readonly MonthCounts[]) => ms.filter((m) => m.month === month);
      return {
        month,
        figures: compare(
          keys,
          at(own),
          others.map((o) => ({ ...o, months: at(o.months) })),
          mine,
        ),
      };
    }),
  };
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
  const found = await deps.db.unsafeTransaction(async (trx) => {
    const m = await unsafePublisher(trx, slug);
    return m ? { m, months: await monthsOf(trx, m.id, period) } : null;
  });
  if (!found) throw notFound('municipality');
  const { m, months } = found;
  const keys = keysOf(months);
  return {
    municipality: { slug: m.slug, name: m.name },
    licence: licenceOf(m),
    period,
    figures: published(keys, months),
    months: monthsBetween(period.from, period.to).map((month) => ({
      month,
      figures: published(
        keys,
        months.filter((x) => x.month === month),
      ),
    })),
  };
}

export type PublishedFigures = Awaited<ReturnType<typeof publishedFigures>>;

/** The municipalities that publish their figures (docs/product.md#open-data). */
export async function listPublishers(deps: Deps) {
  const ms = await deps.db.unsafeTransaction((trx) => unsafePublishers(trx));
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
