import type { Tx } from '../../platform/db/index.js';
import { CaseEvent } from './events.js';

export interface AppendEvent {
  municipalityId: string;
  caseId: string;
  actorId: string | null;
  /** when it happened, from the use-case's clock (so jobs and imports can say when) */
  at: Date;
  /** `shared` events are visible to the initiator; `internal` only to staff. */
  visibility: 'internal' | 'shared';
  event: CaseEvent;
}

/** Append one typed event; the payload is validated so the log never holds junk. */
export async function appendEvent(trx: Tx, e: AppendEvent): Promise<void> {
  const event = CaseEvent.parse(e.event);
  await trx
    .insertInto('events')
    .values({
      municipality_id: e.municipalityId,
      case_id: e.caseId,
      type: event.type,
      actor_id: e.actorId,
      visibility: e.visibility,
      payload: JSON.stringify(event.payload),
      created_at: e.at,
    })
    .execute();
}

export interface EventPage {
  municipalityId: string;
  caseId: string;
  sharedOnly: boolean;
  after?: number;
  limit: number;
}

export async function listEvents(trx: Tx, q: EventPage) {
  let query = trx
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.visibility', 'e.payload', 'e.created_at', 'e.actor_id', 'u.name as actor_name', 'u.role as actor_role'])
    .where('e.municipality_id', '=', q.municipalityId)
    .where('e.case_id', '=', q.caseId)
    .orderBy('e.id', 'asc')
    .limit(q.limit + 1);
  if (q.sharedOnly) query = query.where('e.visibility', '=', 'shared');
  if (q.after !== undefined) query = query.where('e.id', '>', q.after);
  const rows = await query.execute();
  const more = rows.length > q.limit;
  return { rows: rows.slice(0, q.limit), next: more ? (rows[q.limit - 1]?.id ?? null) : null };
}
