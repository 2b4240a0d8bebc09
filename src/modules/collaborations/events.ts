// A collaboration's own timeline (docs/product.md#collaborations): the case timeline's
// events belong to a case, so a collaboration keeps its events in collaboration_events
// with the same discipline — typed and validated here, append-only, written in the
// transaction of the change. A stored event never changes meaning: add a type instead.
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { COMMITMENT_EVENTS } from '../timeline/index.js';

const phase = z.enum(['agenda', 'policy', 'implementation', 'evaluation']);
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export const CollaborationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collaboration.started'), payload: z.object({ name: z.string(), ownerName: z.string(), phase }) }),
  z.object({ type: z.literal('collaboration.updated'), payload: z.object({ changes }) }),
  // Moving the end (or review) date later is the decision to extend.
  z.object({ type: z.literal('collaboration.extended'), payload: z.object({ from: z.string(), to: z.string() }) }),
  z.object({ type: z.literal('collaboration.phaseChanged'), payload: z.object({ from: phase, to: phase, since: z.string() }) }),
  z.object({
    type: z.literal('collaboration.targetAdded'),
    payload: z.object({ targetId: z.string(), indicator: z.string(), baseline: z.number(), targetValue: z.number(), unit: z.string(), targetOn: z.string() }),
  }),
  z.object({
    type: z.literal('collaboration.targetUpdated'),
    payload: z.object({ targetId: z.string(), indicator: z.string(), changes }),
  }),
  z.object({
    type: z.literal('collaboration.progressRead'),
    payload: z.object({ targetId: z.string(), indicator: z.string(), readOn: z.string(), value: z.number() }),
  }),
  z.object({ type: z.literal('collaboration.partyAdded'), payload: z.object({ partyId: z.string(), name: z.string(), kind: z.string() }) }),
  z.object({ type: z.literal('collaboration.partyUpdated'), payload: z.object({ partyId: z.string(), name: z.string(), changes }) }),
  // Agreements within the collaboration are commitments on record: the commitments
  // module's events, on this timeline (docs/product.md#agreements-within-a-collaboration).
  ...COMMITMENT_EVENTS,
  // The outside party's answer through its one-time link, and the link mailed to it.
  z.object({ type: z.literal('agreement.linkSent'), payload: z.object({ commitmentId: z.string(), party: z.string() }) }),
  // sent again: a new link replaces the old one (docs/product.md#sending-an-outside-partys-link-again)
  z.object({ type: z.literal('agreement.linkResent'), payload: z.object({ commitmentId: z.string(), party: z.string() }) }),
]);
export type CollaborationEvent = z.infer<typeof CollaborationEvent>;
export type CollaborationEventType = CollaborationEvent['type'];

/** Append one event to the collaboration's timeline, by the use-case's actor, now. */
export function recordCollaborationEvent(trx: Tx, ctx: Ctx, collaborationId: string, e: CollaborationEvent): Promise<void> {
  return recordCollaborationEventBy(trx, { municipalityId: ctx.actor.municipalityId, actorId: ctx.actor.userId, now: ctx.clock.now() }, collaborationId, e);
}

/** The same, by someone without an account (null: an outside party through its link, or a job). */
export async function recordCollaborationEventBy(
  trx: Tx,
  by: { municipalityId: string; actorId: string | null; now: Date },
  collaborationId: string,
  e: CollaborationEvent,
): Promise<void> {
  const event = CollaborationEvent.parse(e);
  await trx
    .insertInto('collaboration_events')
    .values({
      municipality_id: by.municipalityId,
      collaboration_id: collaborationId,
      type: event.type,
      actor_id: by.actorId,
      payload: JSON.stringify(event.payload),
      occurred_at: by.now,
    })
    .execute();
}
