// The stored health of collaborations (docs/product.md#the-health-check-of-a-collaboration):
// the health check's findings kept on the collaboration, so the overview filters on them
// through an index. Kept by every use-case that changes a collaboration, in its
// transaction, and by a daily job (jobs.ts) for the findings that come with time (end date
// passed, no reading in 90 days, phase unchanged for a year). Both go through refreshHealth.
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import { overdueCommitmentsOf } from '../commitments/index.js';
import { type HealthIssue, healthCheck } from './model.js';

/** The health check of each collaboration with these ids, from what is recorded now, in five queries. */
export async function healthOf(trx: Tx, mId: string, ids: readonly string[], today: IsoDate): Promise<Map<string, HealthIssue[]>> {
  const found = new Map<string, HealthIssue[]>();
  if (!ids.length) return found;
  const list = [...ids];
  const [rows, targets, readings, parties, overdue] = await Promise.all([
    trx
      .selectFrom('collaborations as c')
      .leftJoin('users as u', 'u.id', 'c.owner_user_id')
      .select(['c.id', 'c.phase', 'c.phase_since', 'c.start_on', 'c.end_on', 'c.end_kind', 'u.name as owner_name'])
      .where('c.municipality_id', '=', mId)
      .where('c.id', 'in', list)
      .execute(),
    trx
      .selectFrom('collaboration_targets')
      .select(['collaboration_id', 'indicator'])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', 'in', list)
      .orderBy('seq')
      .execute(),
    trx
      .selectFrom('collaboration_readings')
      .select(['collaboration_id', (eb) => eb.fn.max('read_on').as('last')])
      .where('municipality_id', '=', mId)
      .where('collaboration_id', 'in', list)
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
      .where('p.collaboration_id', 'in', list)
      .orderBy('p.seq')
      .execute(),
    // agreements within a collaboration are commitments on record (docs/product.md#agreements-within-a-collaboration)
    overdueCommitmentsOf(trx, mId, list, today),
  ]);
  for (const r of rows) {
    const last = readings.find((x) => x.collaboration_id === r.id)?.last ?? null;
    found.set(
      r.id,
      healthCheck({
        today,
        ownerName: r.owner_name ?? '',
        endOn: r.end_on as IsoDate,
        endKind: r.end_kind,
        phase: r.phase,
        phaseSince: r.phase_since as IsoDate,
        startOn: r.start_on as IsoDate,
        targets: targets.filter((t) => t.collaboration_id === r.id),
        lastReadingOn: (last as IsoDate | null) ?? null,
        parties: parties
          .filter((p) => p.collaboration_id === r.id)
          .map((p) => ({ name: p.name, contributions: Number(p.contributions ?? 0), yield: p.yield, finalSay: p.final_say })),
        overdueAgreements: overdue.filter((a) => a.collaborationId === r.id).map((a) => ({ madeBy: a.madeBy, what: a.what, dueOn: a.dueOn as IsoDate })),
      }),
    );
  }
  return found;
}

/** Check these collaborations as of `today` and store the findings on them; returns how many. */
export async function refreshHealth(trx: Tx, mId: string, ids: readonly string[], today: IsoDate): Promise<number> {
  const health = await healthOf(trx, mId, ids, today);
  for (const [id, issues] of health) {
    await trx
      .updateTable('collaborations')
      .set({ health: JSON.stringify(issues), health_issue_count: issues.length, health_checked_on: today })
      .where('municipality_id', '=', mId)
      .where('id', '=', id)
      .execute();
  }
  return health.size;
}
