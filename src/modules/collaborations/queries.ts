// The overview of a municipality's collaborations (docs/product.md#collaborations):
// newest first, keyset-paginated, filtered by phase, area, theme, party name and
// health. The health check depends on today, so it is computed for each page rather
// than stored; a health filter reads on in batches until the page is full.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { listPages } from '../../platform/secret.js';
import { type HealthIssue, healthCheck, healthSentence, type Phase } from './model.js';
import { collaborationPolicy } from './policy.js';

export interface OverviewFilter {
  phase?: Phase;
  areaId?: string;
  themeId?: string;
  /** part of a party's name, any case */
  party?: string;
  /** with: only those with health issues; without: only those without */
  health?: 'with' | 'without';
  cursor?: string;
  limit: number;
}

export interface OverviewItem {
  id: string;
  name: string;
  ownerName: string;
  phase: Phase;
  startOn: IsoDate;
  endOn: IsoDate;
  parties: number;
  health: (HealthIssue & { text: string })[];
  createdAt: Date;
}

const BATCH = 100;

/** What the health check needs of a batch of collaborations, in three queries. */
async function healthInputsOf(trx: Tx, mId: string, ids: string[]) {
  if (!ids.length) return { targets: [], readings: [], parties: [] };
  const [targets, readings, parties] = await Promise.all([
    trx
      .selectFrom('collaboration_targets')
      .select(['collaboration_id', 'indicator'])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', 'in', ids)
      .execute(),
    trx
      .selectFrom('collaboration_readings')
      .select(['collaboration_id', (eb) => eb.fn.max('read_on').as('last')])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', 'in', ids)
      .groupBy('collaboration_id')
      .execute(),
    trx
      .selectFrom('collaboration_parties as p')
      .select([
        'p.collaboration_id',
        'p.name',
        'p.yield',
        'p.final_say',
        (eb) =>
          eb
            .selectFrom('collaboration_contributions as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.party_id', '=', 'p.id')
            .where('c.municipality_id', '=', mId)
            .as('contributions'),
      ])
      .where('p.municipality_id', '=', mId)
      .where('p.collaboration_id', 'in', ids)
      .orderBy('p.seq')
      .execute(),
  ]);
  return { targets, readings, parties };
}

/** The overview of the actor's municipality. */
export async function listCollaborations(ctx: Ctx, f: OverviewFilter): Promise<{ items: OverviewItem[]; nextCursor: string | null }> {
  collaborationPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const pages = listPages(ctx.config, 'collaborations');
  const today = dutchDate(ctx.clock.now());
  const locale = ctx.actor.locale === 'en' ? 'en' : 'nl';
  return ctx.db.tenant(mId, async (trx) => {
    let after = f.cursor ? pages.decode(f.cursor) : null;
    const found: OverviewItem[] = [];
    for (;;) {
      let q = trx
        .selectFrom('collaborations as c')
        .leftJoin('users as u', 'u.id', 'c.owner_user_id')
        .select(['c.id', 'c.name', 'c.phase', 'c.phase_since', 'c.start_on', 'c.end_on', 'c.end_kind', 'c.created_at', 'u.name as owner_name'])
        .where('c.municipality_id', '=', mId)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(BATCH);
      if (f.phase) q = q.where('c.phase', '=', f.phase);
      if (f.areaId) {
        const areaId = f.areaId;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('collaboration_areas as a')
              .select('a.area_id')
              .whereRef('a.collaboration_id', '=', 'c.id')
              .where('a.municipality_id', '=', mId)
              .where('a.area_id', '=', areaId),
          ),
        );
      }
      if (f.themeId) {
        const themeId = f.themeId;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('collaboration_themes as t')
              .select('t.theme_id')
              .whereRef('t.collaboration_id', '=', 'c.id')
              .where('t.municipality_id', '=', mId)
              .where('t.theme_id', '=', themeId),
          ),
        );
      }
      const party = f.party?.trim();
      if (party) {
        const like = `%${party.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('collaboration_parties as p')
              .select('p.id')
              .whereRef('p.collaboration_id', '=', 'c.id')
              .where('p.municipality_id', '=', mId)
              .where('p.name', 'ilike', like),
          ),
        );
      }
      if (after) {
        const cur = after;
        q = q.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(new Date(cur.s), cur.i)));
      }
      const rows = await q.execute();
      const h = await healthInputsOf(
        trx,
        mId,
        rows.map((r) => r.id),
      );
      for (const r of rows) {
        const ownerName = r.owner_name ?? '';
        const targets = h.targets.filter((t) => t.collaboration_id === r.id);
        const lastReading = h.readings.find((x) => x.collaboration_id === r.id)?.last ?? null;
        const parties = h.parties.filter((p) => p.collaboration_id === r.id);
        const issues = healthCheck({
          today,
          ownerName,
          endOn: r.end_on as IsoDate,
          endKind: r.end_kind,
          phase: r.phase,
          phaseSince: r.phase_since as IsoDate,
          startOn: r.start_on as IsoDate,
          targets,
          lastReadingOn: (lastReading as IsoDate | null) ?? null,
          parties: parties.map((p) => ({ name: p.name, contributions: Number(p.contributions ?? 0), yield: p.yield, finalSay: p.final_say })),
          // Commitments still belong to a case; agreements within a collaboration are not
          // recorded yet, so none can be overdue here (the health check takes them as input).
          overdueAgreements: [],
        });
        if (f.health === 'with' && !issues.length) continue;
        if (f.health === 'without' && issues.length) continue;
        found.push({
          id: r.id,
          name: r.name,
          ownerName,
          phase: r.phase,
          startOn: r.start_on as IsoDate,
          endOn: r.end_on as IsoDate,
          parties: parties.length,
          health: issues.map((i) => ({ ...i, text: healthSentence(i, locale) })),
          createdAt: r.created_at,
        });
      }
      const last = rows.at(-1);
      if (found.length > f.limit || rows.length < BATCH || !last) break;
      after = { s: last.created_at.toISOString(), i: last.id };
    }
    const { page, nextCursor } = pages.page(found, f.limit, (r) => ({ s: r.createdAt.toISOString(), i: r.id }));
    return { items: page, nextCursor };
  });
}
