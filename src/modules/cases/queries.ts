// The read side of cases: one case with what the actor may do, the filtered list
// with cursor pagination, and the coordinator's team board.
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { addWorkingDays } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { type CsvSeparator, writeCsv } from '../../kernel/csv.js';
import { spreadsheetDateTime } from '../../kernel/dates.js';
import { invalid, notFound } from '../../kernel/errors.js';
import { spreadsheetDate } from '../../kernel/format.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { type Locale, translate } from '../../platform/i18n.js';
import { listPages } from '../../platform/secret.js';
import { recordAccess } from '../audit/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { type CaseStatus, clockState, proposeDirectorWithReason } from './model.js';
import { type CaseAbility, caseAbilities, casePolicy } from './policy.js';
import { directorCandidates } from './repo.js';
import { forPolicy } from './service.js';

/**
 * Whether the case read sends the initiator's e-mail and phone: to the people working
 * on the case and the initiator themself.
 */
export const contactShown = (abilities: Record<CaseAbility, boolean>): boolean => abilities.viewInternal || abilities.agreeAsInitiator || abilities.message;

/** Whether that is someone else's personal data, to be logged: any reader but the initiator. */
const contactDetailsShown = (actor: Actor, abilities: Record<CaseAbility, boolean>): boolean => contactShown(abilities) && actor.role !== 'initiator';

/**
 * One case with everything its page shows, in one statement: the people, themes,
 * area and suspensions come along as JSON sub-selects, so reading a case costs one
 * query besides the transaction's own round trips (it is the most frequent read).
 */
export async function getCase(ctx: Ctx, id: string) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const mId = ctx.actor.municipalityId;
    const m = await getMunicipality(trx, mId); // cached per process; no round trip when warm
    const row = await trx
      .selectFrom('cases as c')
      .selectAll('c')
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom('users as u')
            .select(['u.id', 'u.name', 'u.email', 'u.phone', 'u.company', 'u.kvk_number', 'u.role'])
            .where('u.municipality_id', '=', mId)
            .where((w) => w.or([w('u.id', '=', w.ref('c.initiator_id')), w('u.id', '=', w.ref('c.director_id'))])),
        ).as('people'),
        jsonArrayFrom(
          eb
            .selectFrom('case_themes as ct')
            .innerJoin('themes as t', 't.id', 'ct.theme_id')
            .select(['t.id', 't.name'])
            .where('ct.municipality_id', '=', mId)
            .whereRef('ct.case_id', '=', 'c.id')
            .orderBy('t.name'),
        ).as('themeList'),
        jsonObjectFrom(
          eb
            .selectFrom('case_intakes as ci')
            .select(['ci.name', 'ci.email', 'ci.phone', 'ci.company', 'ci.kvk_number', 'ci.confirmed_at', 'ci.branch_number', 'ci.acting_name'])
            .where('ci.municipality_id', '=', mId)
            .whereRef('ci.case_id', '=', 'c.id'),
        ).as('intakeRecord'),
        jsonObjectFrom(eb.selectFrom('areas as a').select(['a.id', 'a.name']).where('a.municipality_id', '=', mId).whereRef('a.id', '=', 'c.area_id')).as(
          'areaObject',
        ),
        jsonArrayFrom(
          eb
            .selectFrom('suspensions as s')
            .select(['s.started_on', 's.ended_on', 's.reason'])
            .where('s.municipality_id', '=', mId)
            .whereRef('s.case_id', '=', 'c.id')
            .orderBy('s.started_on'),
        ).as('suspensionList'),
      ])
      .where('c.municipality_id', '=', mId)
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('case');
    const { people, themeList, areaObject, suspensionList, intakeRecord, ...c } = row;
    if (!casePolicy.view(ctx.actor, forPolicy(c))) throw notFound('case');
    const initiator = people.find((p) => p.id === c.initiator_id);
    const director = people.find((p) => p.id === c.director_id);
    const today = dutchDate(ctx.clock.now());
    const abilities = caseAbilities(ctx.actor, forPolicy(c));
    // Staff who read the case get the initiator's contact details with it (routes.ts,
    // presentCase): logged in this transaction (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    // The initiator reading their own case is not.
    if (contactDetailsShown(ctx.actor, abilities)) await recordAccess(trx, ctx, { kind: 'contactDetails', caseId: c.id, initiatorId: c.initiator_id });
    return {
      case: c,
      initiator,
      /** what the intake said about the person; the only details an unconfirmed case has */
      intake: intakeRecord ?? null,
      director: director ? { id: director.id, name: director.name, email: director.email } : null,
      themes: themeList,
      area: areaObject ?? null,
      suspensions: suspensionList,
      clock: clockState(calendarOf(m), { status: c.status, planDueOn: c.plan_due_on, suspendedSince: c.suspended_since }, today),
      abilities,
    };
  });
}

/** The orders the case list offers (docs/product.md#the-case-list). */
export const CASE_SORTS = ['received', 'due', 'status', 'reference'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseFilter {
  status?: CaseStatus[];
  directorId?: string | 'none';
  areaId?: string;
  themeId?: string;
  dueBefore?: string;
  q?: string;
  /** received: newest first (default); due: plan due date, soonest first, none last; status: by status, newest first; reference: ascending */
  sort?: CaseSort;
  cursor?: string;
  limit: number;
}

/** At most this many rows in one export of the case list. */
export const CASE_EXPORT_MAX = 10_000;

/**
 * The cases the actor may list that match the filter, before order and paging. With
 * `counted`, the case text is matched through the words indexed per municipality
 * (Search.inMunicipality): the same cases, found through the index a count needs.
 */
function filteredCases(trx: Tx, ctx: Ctx, f: Omit<CaseFilter, 'cursor' | 'limit' | 'sort' | 'q'>, search?: Search, opts: { counted?: boolean } = {}) {
  const mId = ctx.actor.municipalityId;
  let q = trx
    .selectFrom('cases as c')
    .leftJoin('users as d', 'd.id', 'c.director_id')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .where('c.municipality_id', '=', mId);
  if (ctx.actor.role === 'initiator') q = q.where('c.initiator_id', '=', ctx.actor.userId);
  if (f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.directorId === 'none') q = q.where('c.director_id', 'is', null);
  else if (f.directorId) q = q.where('c.director_id', '=', f.directorId);
  if (f.areaId) q = q.where('c.area_id', '=', f.areaId);
  if (f.themeId) {
    const themeId = f.themeId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('case_themes as ct').select('ct.case_id').whereRef('ct.case_id', '=', 'c.id').where('ct.theme_id', '=', themeId)),
    );
  }
  if (f.dueBefore) q = q.where('c.plan_due_on', '<', f.dueBefore).where('c.status', 'in', ['intake', 'planning']);
  if (search) {
    const tsq = search.tsq;
    const inText = opts.counted
      ? sql<boolean>`regie_search_in(c.municipality_id, c.search) @@ cast(${search.inMunicipality} as tsquery)`
      : sql<boolean>`c.search @@ cast(${tsq} as tsquery)`;
    // docs/product.md#finding-a-case: singular and plural find each other; staff also
    // find a case by its initiator's name, company or KvK number. An initiator's
    // list is theirs alone (the filter above), and searches only the case text.
    q = q.where((eb) =>
      ctx.actor.role === 'initiator'
        ? inText
        : eb.or([
            inText,
            // An array from an uncorrelated sub-select is an index condition on
            // cases_initiator, so the two arms combine as a bitmap OR.
            sql<boolean>`c.initiator_id = any(array(${eb
              .selectFrom('users as u')
              .select('u.id')
              .where('u.municipality_id', '=', mId)
              .where('u.role', '=', 'initiator')
              .where(sql<boolean>`u.search @@ cast(${tsq} as tsquery)`)}))`,
          ]),
    );
  }
  return q;
}

const LIST_COLUMNS = [
  'c.id',
  'c.reference',
  'c.title',
  'c.status',
  'c.location',
  'c.submitted_at',
  'c.plan_due_on',
  'c.suspended_since',
  'c.director_id',
  'd.name as director_name',
  'c.area_id',
  'a.name as area_name',
  'c.version',
  'c.initiator_id',
  // the point, for the map beside the list (docs/geo.md)
  'c.lon',
  'c.lat',
] as const;

type ListQuery = ReturnType<typeof listQuery>;
const listQuery = (trx: Tx, ctx: Ctx, f: Omit<CaseFilter, 'cursor' | 'limit' | 'sort' | 'q'>, search?: Search) =>
  filteredCases(trx, ctx, f, search).select([...LIST_COLUMNS]);

/** The last row of a page, as a cursor finds it again: the columns every order sorts on. */
interface Anchor {
  id: string;
  submitted_at: Date;
  plan_due_on: string | null;
  status: CaseStatus;
  reference: string;
}

/**
 * One order of the case list: its ORDER BY and where the page after a row starts. The
 * cursor names the last row (the kernel's signed keyset cursor: its instant and id);
 * the other orders read that row's sort columns back. Each order is served by an index
 * of 001_foundation.sql: received by cases_list (… submitted_at desc, id desc), status
 * by cases_status (… status, submitted_at desc, id desc), reference by the unique
 * (municipality_id, reference); due by cases_due for the open cases it is mostly used with.
 */
const ORDERS: Record<CaseSort, { order(q: ListQuery): ListQuery; after(q: ListQuery, a: Anchor): ListQuery }> = {
  received: {
    order: (q) => q.orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc'),
    // A row comparison is an index condition on (…, submitted_at desc, id desc): page
    // 1,000 starts where it should instead of skipping 999 pages.
    after: (q, a) => q.where((eb) => eb(eb.refTuple('c.submitted_at', 'c.id'), '<', eb.tuple(a.submitted_at, a.id))),
  },
  due: {
    order: (q) => q.orderBy(sql`c.plan_due_on asc nulls last`).orderBy('c.id', 'asc'),
    after: (q, a) => {
      const due = a.plan_due_on;
      if (due === null) return q.where('c.plan_due_on', 'is', null).where('c.id', '>', a.id);
      return q.where((eb) =>
        eb.or([eb('c.plan_due_on', '>', due), eb.and([eb('c.plan_due_on', '=', due), eb('c.id', '>', a.id)]), eb('c.plan_due_on', 'is', null)]),
      );
    },
  },
  status: {
    order: (q) => q.orderBy('c.status', 'asc').orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc'),
    after: (q, a) =>
      q.where((eb) =>
        eb.or([
          eb('c.status', '>', a.status),
          eb.and([eb('c.status', '=', a.status), eb(eb.refTuple('c.submitted_at', 'c.id'), '<', eb.tuple(a.submitted_at, a.id))]),
        ]),
      ),
  },
  reference: {
    order: (q) => q.orderBy('c.reference', 'asc').orderBy('c.id', 'asc'),
    after: (q, a) => q.where((eb) => eb(eb.refTuple('c.reference', 'c.id'), '>', eb.tuple(a.reference, a.id))),
  },
};

/** A search as tsquery text: for the case's and the initiator's words, and for the case's words as indexed per municipality. */
interface Search {
  tsq: string;
  /**
   * The same query with every word prefixed with the municipality's key, for the
   * case's words as `regie_search_in` indexes them (db/migrations/041_search_per_municipality.sql),
   * the key as that function writes it.
   */
  inMunicipality: string;
}

/**
 * The text query for a search (docs/product.md#finding-a-case), as tsquery text, or
 * null when nothing searchable is left (only stop words or punctuation). Every word
 * must match. A word matches what starts with the word itself or with its Dutch stem,
 * and its stem's own stem: the Snowball stemmer turns `fietsen` into `fiets` and
 * `fiets` into `fiet`, so the stem of a plural is the singular and the two find each
 * other both ways. The word as written is for names ("Kees", "Jansen"), which the
 * initiator's details keep unstemmed.
 */
async function searchQuery(trx: Tx, text: string, municipalityId: string): Promise<Search | null> {
  // The municipality's key as regie_search_in writes it: what it puts before a word.
  const { rows } = await sql<{ word: string; stem: string; stem2: string | null; key: string }>`
    select lower(t.token) as word, t.lexemes[1] as stem, (tsvector_to_array(to_tsvector('dutch', t.lexemes[1])))[1] as stem2,
        (select left(k, -1) from unnest(tsvector_to_array(regie_search_in(${municipalityId}::uuid, 'x'::tsvector))) as k) as key
      from ts_debug('dutch', ${text}) as t
     where cardinality(t.lexemes) > 0`.execute(trx);
  if (rows.length === 0) return null;
  const query = (key: string) => {
    const lexeme = (l: string) => `'${`${key}${l}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
    const term = (r: (typeof rows)[number]) => {
      const prefixes = [...new Set([r.word, r.stem])].map((l) => `${lexeme(l)}:*`);
      const exact = r.stem2 && r.stem2 !== r.stem ? [lexeme(r.stem2)] : [];
      return `(${[...prefixes, ...exact].join(' | ')})`;
    };
    return rows.map(term).join(' & ');
  };
  return { tsq: query(''), inMunicipality: query(rows[0]?.key ?? '') };
}

/**
 * The case list counts the matching cases up to this many; beyond it, it says "more
 * than" (docs/product.md#the-case-list). A count of every match would grow with the
 * municipality: the largest's 50,000 cases cost more than the page itself.
 */
export const CASE_COUNT_CAP = 1_000;

/**
 * The case list, keyset-paginated in the chosen order (newest first by default) so
 * page 1,000 costs what page 1 costs, with the number of matching cases up to
 * CASE_COUNT_CAP (`moreThanTotal` when there are more). A cursor is signed for its
 * order: one from another order is refused. Initiators see only their own cases.
 */
export async function listCases(ctx: Ctx, f: CaseFilter, opts: { countCap?: number } = {}) {
  const cap = opts.countCap ?? CASE_COUNT_CAP;
  casePolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const sort = f.sort ?? 'received';
  const pages = listPages(ctx.config, sort === 'received' ? 'cases' : `cases:${sort}`);
  return ctx.db.tenant(mId, async (trx) => {
    const o = ORDERS[sort];
    // docs/product.md#finding-a-case: the search as tsquery text; nothing searchable left finds nothing.
    const search = f.q?.trim() ? await searchQuery(trx, f.q.trim(), mId) : undefined;
    if (search === null) return { items: [], nextCursor: null, total: 0, moreThanTotal: false };
    let q = o.order(listQuery(trx, ctx, f, search)).limit(f.limit + 1);
    if (f.cursor) {
      const cur = pages.decode(f.cursor);
      const anchor = await trx
        .selectFrom('cases')
        .select(['id', 'submitted_at', 'plan_due_on', 'status', 'reference'])
        .where('municipality_id', '=', mId)
        .where('id', '=', cur.i)
        .executeTakeFirst();
      if (!anchor) throw invalid('cursor', 'error.badCursor');
      q = o.after(q, anchor);
    }
    const [rows, count] = await Promise.all([
      q.execute(),
      // counted up to one past the cap: an index range of at most that many entries (a
      // search through the words indexed per municipality)
      trx
        .selectFrom(
          filteredCases(trx, ctx, f, search, { counted: true })
            .select(sql`1`.as('one'))
            .limit(cap + 1)
            .as('m'),
        )
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    const { page, nextCursor } = pages.page(rows, f.limit, (r) => ({ s: r.submitted_at.toISOString(), i: r.id }));
    const m = await getMunicipality(trx, mId);
    const cal = calendarOf(m);
    const today = dutchDate(ctx.clock.now());
    return {
      items: page.map((r) => ({ ...r, clock: clockState(cal, { status: r.status, planDueOn: r.plan_due_on, suspendedSince: r.suspended_since }, today) })),
      nextCursor,
      total: Math.min(Number(count.n), cap),
      moreThanTotal: Number(count.n) > cap,
    };
  });
}

/** The file name of the case list's CSV export. */
export const CASES_EXPORT_NAME = 'zaken.csv';

/** The case list's columns in an export: catalogue keys whose `csv.X` text is the web app's `X`. */
export const CASE_EXPORT_COLUMNS = [
  'csv.case.reference',
  'csv.case.title',
  'csv.case.status',
  'csv.case.clock',
  'csv.case.director',
  'csv.case.area',
  'csv.case.location',
  'csv.case.submittedAt',
  'csv.case.planDueOn',
] as const;

/**
 * The filtered case list as CSV for a spreadsheet (docs/product.md#the-case-list):
 * every matching case in the chosen order (at most CASE_EXPORT_MAX), with the words,
 * dates and names the list shows. Staff only.
 */
export async function exportCases(ctx: Ctx, f: Omit<CaseFilter, 'cursor' | 'limit'>, opts: { locale?: Locale; separator?: CsvSeparator } = {}) {
  casePolicy.authorize(ctx.actor, null, 'export');
  const mId = ctx.actor.municipalityId;
  const t = (key: string) => translate(opts.locale ?? ctx.actor.locale, key);
  return ctx.db.tenant(mId, async (trx) => {
    // The list names directors and where people build: the export is logged
    // (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    await recordAccess(trx, ctx, { kind: 'export', exportName: CASES_EXPORT_NAME });
    const search = f.q?.trim() ? await searchQuery(trx, f.q.trim(), mId) : undefined;
    const rows =
      search === null
        ? []
        : await ORDERS[f.sort ?? 'received']
            .order(listQuery(trx, ctx, f, search))
            .limit(CASE_EXPORT_MAX)
            .execute();
    const cal = calendarOf(await getMunicipality(trx, mId));
    const today = dutchDate(ctx.clock.now());
    return writeCsv(
      [
        CASE_EXPORT_COLUMNS.map(t),
        ...rows.map((r) => {
          const clock = clockState(cal, { status: r.status, planDueOn: r.plan_due_on, suspendedSince: r.suspended_since }, today);
          const cells: Record<(typeof CASE_EXPORT_COLUMNS)[number], string> = {
            'csv.case.reference': r.reference,
            'csv.case.title': r.title,
            'csv.case.status': t(`csv.status.${r.status}`),
            'csv.case.clock': t(`csv.clock.${clock}`),
            'csv.case.director': r.director_name ?? '',
            'csv.case.area': r.area_name ?? '',
            'csv.case.location': r.location,
            'csv.case.submittedAt': spreadsheetDateTime(r.submitted_at),
            'csv.case.planDueOn': r.plan_due_on ? spreadsheetDate(r.plan_due_on) : '',
          };
          return CASE_EXPORT_COLUMNS.map((k) => cells[k]);
        }),
      ],
      { separator: opts.separator ?? ';', bom: true },
    );
  });
}

/**
 * The coordinator's board: unassigned cases (each with its director proposal, so the
 * board is one request), plans due within five working days, overdue plans, and open
 * cases per director. The per-director counts and the proposals' reasons come from the
 * same candidates, so a reason never quotes a workload the board contradicts.
 */
export async function teamBoard(ctx: Ctx) {
  casePolicy.authorize(ctx.actor, null, 'board');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const m = await getMunicipality(trx, mId);
    const today = dutchDate(ctx.clock.now());
    const soonLimit = addWorkingDays(calendarOf(m), today, 5);
    const base = () =>
      trx
        .selectFrom('cases as c')
        .leftJoin('users as d', 'd.id', 'c.director_id')
        .select([
          'c.id',
          'c.reference',
          'c.title',
          'c.status',
          'c.plan_due_on',
          'c.submitted_at',
          'c.director_id',
          'd.name as director_name',
          'c.version',
          'c.area_id',
          'c.initiator_id',
          'c.municipality_id',
        ])
        .where('c.municipality_id', '=', mId);
    const onlyMine = ctx.actor.role === 'director';
    const mine = <T extends ReturnType<typeof base>>(q: T) => (onlyMine ? (q.where('c.director_id', '=', ctx.actor.userId) as T) : q);
    const [unassigned, dueSoon, overdue, candidates] = await Promise.all([
      base().where('c.director_id', 'is', null).where('c.status', 'in', ['submitted', 'intake']).orderBy('c.submitted_at').limit(100).execute(),
      mine(base())
        .where('c.status', '=', 'planning')
        .where('c.suspended_since', 'is', null)
        .where('c.plan_due_on', '>=', today)
        .where('c.plan_due_on', '<=', soonLimit)
        .orderBy('c.plan_due_on')
        .limit(100)
        .execute(),
      mine(base())
        .where('c.status', '=', 'planning')
        .where('c.suspended_since', 'is', null)
        .where('c.plan_due_on', '<', today)
        .orderBy('c.plan_due_on')
        .limit(100)
        .execute(),
      directorCandidates(trx, mId),
    ]);
    const themes = unassigned.length
      ? await trx
          .selectFrom('case_themes')
          .select(['case_id', 'theme_id'])
          .where('municipality_id', '=', mId)
          .where(
            'case_id',
            'in',
            unassigned.map((c) => c.id),
          )
          .execute()
      : [];
    return {
      today,
      dueSoonUntil: soonLimit,
      unassigned: unassigned.map((c) => {
        const canAssign = casePolicy.assign(ctx.actor, {
          municipalityId: c.municipality_id,
          initiatorId: c.initiator_id,
          directorId: c.director_id,
          status: c.status,
        });
        const themeIds = themes.filter((t) => t.case_id === c.id).map((t) => t.theme_id);
        return { ...c, canAssign, proposal: canAssign ? proposeDirectorWithReason(candidates, { areaId: c.area_id, themeIds }) : null };
      }),
      dueSoon,
      overdue,
      /** the directors with their open cases: the board's per-director table and the choice in each assign form */
      perDirector: candidates.map((d) => ({ id: d.id, name: d.name, open_cases: d.openCases })),
    };
  });
}
