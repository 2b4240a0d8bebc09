// The overview of a municipality's collaborations (docs/product.md#collaborations):
// newest first, keyset-paginated, filtered by phase, area, theme, party name and
// health — one query on an index. The health check's findings are stored on the
// collaboration (health.ts: kept by every change and by the daily job for the findings
// that come with time), so the health filter is a column, not a check per row.
import type { IsoDate } from '../../kernel/calendar.js';
import type { Ctx } from '../../platform/context.js';
import { listPages } from '../../platform/secret.js';
import { type HealthIssue, healthSentence, type Phase } from './model.js';
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

/** The overview of the actor's municipality. */
export async function listCollaborations(ctx: Ctx, f: OverviewFilter): Promise<{ items: OverviewItem[]; nextCursor: string | null }> {
  collaborationPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const pages = listPages(ctx.config, 'collaborations');
  const locale = ctx.actor.locale === 'en' ? 'en' : 'nl';
  return ctx.db.tenant(mId, async (trx) => {
    let q = trx
      .selectFrom('collaborations as c')
      .leftJoin('users as u', 'u.id', 'c.owner_user_id')
      .select([
        'c.id',
        'c.name',
        'c.phase',
        'c.start_on',
        'c.end_on',
        'c.created_at',
        'c.health',
        'u.name as owner_name',
        (eb) =>
          eb
            .selectFrom('collaboration_parties as p')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('p.collaboration_id', '=', 'c.id')
            .where('p.municipality_id', '=', mId)
            .as('parties'),
      ])
      .where('c.municipality_id', '=', mId)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit + 1);
    if (f.phase) q = q.where('c.phase', '=', f.phase);
    // On the index collaborations_health / collaborations_phase_health (migration 025).
    if (f.health) q = q.where('c.has_health_issues', '=', f.health === 'with');
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
    if (f.cursor) {
      const cur = pages.decode(f.cursor);
      q = q.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(new Date(cur.s), cur.i)));
    }
    const rows = await q.execute();
    const found: OverviewItem[] = rows.map((r) => {
      const issues = (r.health ?? []) as unknown as HealthIssue[];
      return {
        id: r.id,
        name: r.name,
        ownerName: r.owner_name ?? '',
        phase: r.phase,
        startOn: r.start_on as IsoDate,
        endOn: r.end_on as IsoDate,
        parties: Number(r.parties ?? 0),
        health: issues.map((i) => ({ ...i, text: healthSentence(i, locale) })),
        createdAt: r.created_at,
      };
    });
    const { page, nextCursor } = pages.page(found, f.limit, (r) => ({ s: r.createdAt.toISOString(), i: r.id }));
    return { items: page, nextCursor };
  });
}
