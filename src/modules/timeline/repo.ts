// The event log: every change to a case is recorded here, in the transaction of the
// change, as one of the typed events of events.ts. This is the only code that writes
// the log; the case timeline, the dossier and the overviews read it.
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { CaseEvent } from './events.js';

/** Who recorded an event and when, when there is no use-case context (jobs, the public intake, outside parties). */
export interface EventOrigin {
  municipalityId: string;
  /** null: Regie itself (a job) */
  actorId: string | null;
  at: Date;
}

export interface NewEvent {
  caseId: string;
  /** `shared` events are visible to the initiator; `internal` only to staff. */
  visibility: 'internal' | 'shared';
  event: CaseEvent;
  /** when it happened, if not now by the origin: the time the use-case stamps its rows with */
  at?: Date;
}

function eventRow(by: Ctx | EventOrigin, e: NewEvent) {
  // The payload is validated, so the log never holds junk.
  const event = CaseEvent.parse(e.event);
  const origin: EventOrigin = 'actor' in by ? { municipalityId: by.actor.municipalityId, actorId: by.actor.userId, at: by.clock.now() } : by;
  return {
    municipality_id: origin.municipalityId,
    case_id: e.caseId,
    type: event.type,
    actor_id: origin.actorId,
    visibility: e.visibility,
    payload: JSON.stringify(event.payload),
    created_at: e.at ?? origin.at,
  };
}

/** Record one event: by the use-case's actor in its municipality (a Ctx), or by the origin given. */
export async function recordEvent(trx: Tx, by: Ctx | EventOrigin, e: NewEvent): Promise<void> {
  await trx.insertInto('events').values(eventRow(by, e)).execute();
}

/** An event with its own origin, for recording many at once. */
export type EventRecord = NewEvent & { by: Ctx | EventOrigin };

/** Record many events in one statement (a job closing rounds in batches). */
export async function recordEvents(trx: Tx, events: readonly EventRecord[]): Promise<void> {
  if (!events.length) return;
  await trx
    .insertInto('events')
    .values(events.map((e) => eventRow(e.by, e)))
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

/**
 * The newest event of a municipality's log as a scalar SQL expression, one step down
 * the events_municipality index: it changes with every change recorded in the log,
 * in that change's transaction. A cheap version of whatever is derived from changes
 * that are all recorded here (docs/product.md#management-information).
 */
export function eventLogHead(municipalityId: string): RawBuilder<unknown> {
  // Written so that only events_municipality (municipality_id, id) gives its order: a
  // plain max(id) may be planned as a walk back along the primary key past every other
  // municipality's newer events (without a vacuumed visibility map both cost the
  // planner the same; PGlite never vacuums by itself). `= any` keeps the column in
  // the order, where `=` would drop it. Proven by timeline/log-head.int.test.ts.
  return sql`(select e.id from events e where e.municipality_id = any(array[${municipalityId}::uuid])
    order by e.municipality_id desc, e.id desc limit 1)`;
}
