// The typed event log. Each mutation appends one of these in its own transaction.
// A stored event never changes meaning: add a new type instead of changing one.
import { z } from 'zod';

const status = z.enum(['submitted', 'intake', 'planning', 'executing', 'closed', 'withdrawn']);

export const CaseEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('case.submitted'),
    payload: z.object({ reference: z.string(), channel: z.string(), registeredBy: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('case.assigned'),
    payload: z.object({
      directorId: z.string(),
      directorName: z.string(),
      previousDirectorId: z.string().nullable(),
      reason: z.string().nullable(),
      proposedDirectorId: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('case.statusChanged'),
    payload: z.object({ from: status, to: status, reason: z.string().nullable(), planDueOn: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('clock.suspended'),
    payload: z.object({ since: z.string(), reason: z.string() }),
  }),
  z.object({
    type: z.literal('clock.resumed'),
    payload: z.object({ since: z.string(), until: z.string(), days: z.number(), planDueOn: z.string() }),
  }),
  z.object({
    type: z.literal('plan.versionSaved'),
    payload: z.object({ planId: z.string(), version: z.number(), goal: z.string(), actionCount: z.number() }),
  }),
  z.object({
    type: z.literal('plan.agreed'),
    payload: z.object({ planId: z.string(), version: z.number(), by: z.enum(['initiator', 'director']), complete: z.boolean() }),
  }),
  z.object({
    type: z.literal('plan.actionStatusChanged'),
    payload: z.object({ actionId: z.string(), description: z.string(), from: z.string(), to: z.string() }),
  }),
  z.object({
    type: z.literal('note.added'),
    payload: z.object({ text: z.string() }),
  }),
  z.object({
    type: z.literal('message.sent'),
    payload: z.object({ text: z.string(), from: z.enum(['initiator', 'staff']) }),
  }),
]);
export type CaseEvent = z.infer<typeof CaseEvent>;
export type CaseEventType = CaseEvent['type'];
