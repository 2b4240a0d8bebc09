// The council overview (docs/product.md#the-council-overview): one read, one
// transaction, all figures of the actor's municipality and one page of public case
// summaries.
import { dutchDate } from '../../kernel/clock.js';
import type { Ctx } from '../../platform/context.js';
import { listPages } from '../../platform/secret.js';
import { planTerm, shareOnTime } from './model.js';
import { councilPolicy } from './policy.js';
import {
  caseSummaries,
  casesByArea,
  casesByStatus,
  casesByTheme,
  commitmentsByMaker,
  commitmentTotals,
  objectionsByRule,
  objectionTotals,
  overduePlans,
  planCounts,
} from './queries.js';

/** How many overdue plans the overview names; the count covers them all. */
export const OVERDUE_LISTED = 50;

export async function councilOverview(ctx: Ctx, page: { cursor?: string; limit: number }) {
  councilPolicy.authorize(ctx.actor, null, 'read');
  const mId = ctx.actor.municipalityId;
  const today = dutchDate(ctx.clock.now());
  const pages = listPages(ctx.config, 'council-cases');
  const after = page.cursor ? pages.decode(page.cursor) : null;
  return ctx.db.tenant(mId, async (trx) => {
    const municipality = await trx.selectFrom('municipalities').select('name').where('id', '=', mId).executeTakeFirstOrThrow();
    const plans = await planCounts(trx, mId, today);
    const rows = await caseSummaries(trx, mId, { after: after ? { at: new Date(after.s), id: after.i } : null, limit: page.limit + 1 });
    const { page: items, nextCursor } = pages.page(rows, page.limit, (r) => ({ s: r.submittedAt.toISOString(), i: r.id }));
    return {
      municipality: municipality.name,
      today,
      cases: { byStatus: await casesByStatus(trx, mId), byArea: await casesByArea(trx, mId), byTheme: await casesByTheme(trx, mId) },
      plans: { ...plans, shareOnTime: shareOnTime(plans), overdueList: await overduePlans(trx, mId, today, OVERDUE_LISTED) },
      objections: { totals: await objectionTotals(trx, mId), byRule: await objectionsByRule(trx, mId) },
      commitments: { totals: await commitmentTotals(trx, mId, today), byMaker: await commitmentsByMaker(trx, mId, today) },
      summaries: {
        items: items.map(({ submittedAt: _at, suspendedSince, ...r }) => ({
          ...r,
          planAgreed: r.planAgreedOn !== null,
          planTerm: planTerm({ ...r, suspendedSince }, today),
        })),
        nextCursor,
      },
    };
  });
}

export type CouncilOverview = Awaited<ReturnType<typeof councilOverview>>;
