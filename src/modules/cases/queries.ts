// The read side of cases: one case with what the actor may do, the filtered list
// with cursor pagination, and the coordinator's team board.
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { addWorkingDays } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { notFound } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { listPages } from '../../platform/secret.js';
import { recordAccess } from '../audit/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { type CaseStatus, clockState, OPEN_STATUSES } from './model.js';
import { type CaseAbility, caseAbilities, casePolicy } from './policy.js';
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
            .select(['ci.name', 'ci.email', 'ci.phone', 'ci.company', 'ci.kvk_number', 'ci.confirmed_at'])
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

export interface CaseFilter {
  status?: CaseStatus[];
  directorId?: string | 'none';
  areaId?: string;
  themeId?: string;
  dueBefore?: string;
  q?: string;
  cursor?: string;
  limit: number;
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
async function searchQuery(trx: Tx, text: string): Promise<string | null> {
  const { rows } = await sql<{ word: string; stem: string; stem2: string | null }>`
    select lower(t.token) as word, t.lexemes[1] as stem, (tsvector_to_array(to_tsvector('dutch', t.lexemes[1])))[1] as stem2
      from ts_debug('dutch', ${text}) as t
     where cardinality(t.lexemes) > 0`.execute(trx);
  if (rows.length === 0) return null;
  const lexeme = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const term = (r: (typeof rows)[number]) => {
    const prefixes = [...new Set([r.word, r.stem])].map((l) => `${lexeme(l)}:*`);
    const exact = r.stem2 && r.stem2 !== r.stem ? [lexeme(r.stem2)] : [];
    return `(${[...prefixes, ...exact].join(' | ')})`;
  };
  return rows.map(term).join(' & ');
}

/**
 * Newest first, keyset-paginated on (submitted_at, id) so page 1,000 costs what page
 * 1 costs. Initiators see only their own cases.
 */
export async function listCases(ctx: Ctx, f: CaseFilter) {
  casePolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    let q = trx
      .selectFrom('cases as c')
      .leftJoin('users as d', 'd.id', 'c.director_id')
      .leftJoin('areas as a', 'a.id', 'c.area_id')
      .select([
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
      ])
      .where('c.municipality_id', '=', mId)
      .orderBy('c.submitted_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit + 1);
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
    if (f.q?.trim()) {
      // docs/product.md#finding-a-case: singular and plural find each other; staff also
      // find a case by its initiator's name, company or KvK number. An initiator's
      // list is theirs alone (the filter above), and searches only the case text.
      const tsq = await searchQuery(trx, f.q.trim());
      if (tsq === null) return { items: [], nextCursor: null };
      q = q.where((eb) =>
        ctx.actor.role === 'initiator'
          ? sql<boolean>`c.search @@ cast(${tsq} as tsquery)`
          : eb.or([
              sql<boolean>`c.search @@ cast(${tsq} as tsquery)`,
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
    if (f.cursor) {
      const cur = listPages(ctx.config, 'cases').decode(f.cursor);
      // A row comparison is an index condition on (…, submitted_at desc, id desc): page
      // 1,000 starts where it should instead of skipping 999 pages.
      q = q.where((eb) => eb(eb.refTuple('c.submitted_at', 'c.id'), '<', eb.tuple(new Date(cur.s), cur.i)));
    }
    const { page, nextCursor } = listPages(ctx.config, 'cases').page(await q.execute(), f.limit, (r) => ({ s: r.submitted_at.toISOString(), i: r.id }));
    const m = await getMunicipality(trx, mId);
    const cal = calendarOf(m);
    const today = dutchDate(ctx.clock.now());
    return {
      items: page.map((r) => ({ ...r, clock: clockState(cal, { status: r.status, planDueOn: r.plan_due_on, suspendedSince: r.suspended_since }, today) })),
      nextCursor,
    };
  });
}

/**
 * The coordinator's board: unassigned cases, plans due within five working days,
 * overdue plans, and open cases per director.
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
        .select(['c.id', 'c.reference', 'c.title', 'c.status', 'c.plan_due_on', 'c.submitted_at', 'c.director_id', 'd.name as director_name', 'c.version'])
        .where('c.municipality_id', '=', mId);
    const onlyMine = ctx.actor.role === 'director';
    const mine = <T extends ReturnType<typeof base>>(q: T) => (onlyMine ? (q.where('c.director_id', '=', ctx.actor.userId) as T) : q);
    const [unassigned, dueSoon, overdue, perDirector] = await Promise.all([
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
      trx
        .selectFrom('users as u')
        .leftJoin('cases as c', (j) => j.onRef('c.director_id', '=', 'u.id').on('c.status', 'in', [...OPEN_STATUSES]))
        .select(['u.id', 'u.name', (eb) => eb.fn.count<number>('c.id').as('open_cases')])
        .where('u.municipality_id', '=', mId)
        .where('u.role', '=', 'director')
        .where('u.active', '=', true)
        .groupBy(['u.id', 'u.name'])
        .orderBy('u.name')
        .execute(),
    ]);
    return { today, dueSoonUntil: soonLimit, unassigned, dueSoon, overdue, perDirector: perDirector.map((d) => ({ ...d, open_cases: Number(d.open_cases) })) };
  });
}
