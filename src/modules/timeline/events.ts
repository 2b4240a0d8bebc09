// The typed event log. Each mutation appends one of these in its own transaction.
// A stored event never changes meaning: add a new type instead of changing one.
import { z } from 'zod';

const status = z.enum(['submitted', 'intake', 'planning', 'executing', 'closed', 'withdrawn']);

/**
 * The events of a commitment on record (docs/product.md#commitments-on-record): on a case's
 * timeline, and on a collaboration's for an agreement within it
 * (docs/product.md#agreements-within-a-collaboration). One definition for both.
 */
export const COMMITMENT_EVENTS = [
  z.object({
    type: z.literal('commitment.recorded'),
    payload: z.object({
      commitmentId: z.string(),
      madeBy: z.string(),
      madeByRole: z.string(),
      madeTo: z.string(),
      what: z.string(),
      dueOn: z.string(),
      decisionKind: z.enum(['commitMoney', 'grantExemption', 'agreePlan', 'other']),
      status: z.enum(['binding', 'needsConfirmation']),
      mandateIds: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('commitment.amended'),
    payload: z.object({
      commitmentId: z.string(),
      version: z.number(),
      changes: z.record(z.string(), z.object({ from: z.string(), to: z.string() })),
      reason: z.string(),
    }),
  }),
  z.object({
    type: z.literal('commitment.confirmed'),
    payload: z.object({ commitmentId: z.string(), what: z.string(), mandateIds: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('commitment.declined'),
    payload: z.object({ commitmentId: z.string(), what: z.string(), reason: z.string() }),
  }),
  z.object({
    type: z.literal('commitment.ended'),
    payload: z.object({ commitmentId: z.string(), what: z.string(), status: z.enum(['kept', 'broken', 'withdrawn']), reason: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('commitment.reminded'),
    payload: z.object({ commitmentId: z.string(), version: z.number(), dueOn: z.string(), to: z.array(z.string()) }),
  }),
] as const;

export const CaseEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('case.submitted'),
    payload: z.object({ reference: z.string(), channel: z.string(), registeredBy: z.string().nullable() }),
  }),
  // docs/product.md#confirming-a-public-intake: the owner of the address confirmed a public intake
  z.object({ type: z.literal('case.confirmed'), payload: z.object({}) }),
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
  // docs/product.md#address-and-point-of-a-case: staff set or cleared the point after intake
  z.object({
    type: z.literal('case.placeChanged'),
    payload: z.object({
      place: z.object({ addressId: z.string().nullable(), lon: z.number(), lat: z.number() }).nullable(),
      previousPlace: z.object({ addressId: z.string().nullable(), lon: z.number(), lat: z.number() }).nullable(),
      areaId: z.string().nullable(),
      previousAreaId: z.string().nullable(),
      areaFromPoint: z.boolean(),
    }),
  }),
  z.object({
    type: z.literal('case.statusChanged'),
    payload: z.object({ from: status, to: status, reason: z.string().nullable(), planDueOn: z.string().nullable() }),
  }),
  // The initiator's personal data replaced by a pseudonym after the retention term
  // (docs/product.md#bewaartermijn); the event itself holds none.
  z.object({
    type: z.literal('case.personalDataRemoved'),
    payload: z.object({ retentionMonths: z.number() }),
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
    payload: z.object({
      planId: z.string(),
      version: z.number(),
      by: z.enum(['initiator', 'director']),
      complete: z.boolean(),
      /** the mandates the municipality's agreement was given under (docs/product.md#agreeing-a-plan-within-mandate) */
      mandateIds: z.array(z.string()).optional(),
    }),
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
  // ---- the integrated assessment (docs/product.md#the-assessment-round) ----
  z.object({
    type: z.literal('assessment.roundOpened'),
    payload: z.object({
      roundId: z.string(),
      number: z.number(),
      proposal: z.string(),
      termEndsOn: z.string(),
      sameProposalAs: z.string().nullable(),
      parties: z.array(z.object({ id: z.string(), kind: z.enum(['department', 'outside']), name: z.string() })),
    }),
  }),
  z.object({
    type: z.literal('assessment.answered'),
    payload: z.object({
      roundId: z.string(),
      partyId: z.string(),
      partyName: z.string(),
      kind: z.enum(['yes', 'yesWithConditions', 'objection']),
      amendment: z.boolean(),
      ruleCodes: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('assessment.silence'),
    payload: z.object({ roundId: z.string(), number: z.number(), asOf: z.string(), parties: z.array(z.object({ id: z.string(), name: z.string() })) }),
  }),
  z.object({
    type: z.literal('assessment.roundClosed'),
    payload: z.object({ roundId: z.string(), number: z.number(), reason: z.enum(['allAnswered', 'termEnded']) }),
  }),
  z.object({
    type: z.literal('assessment.lateObjection'),
    payload: z.object({
      lateObjectionId: z.string(),
      roundId: z.string(),
      partyId: z.string(),
      partyName: z.string(),
      cause: z.enum(['afterClose', 'serial']),
      ruleCodes: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('assessment.lateObjectionDecided'),
    payload: z.object({
      lateObjectionId: z.string(),
      partyName: z.string(),
      decision: z.enum(['admit', 'setAside']),
      reason: z.string(),
      reopenedUntil: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('assessment.overruled'),
    payload: z.object({
      roundId: z.string(),
      partyId: z.string(),
      partyName: z.string(),
      reason: z.string(),
      ruleCodes: z.array(z.string()),
      mandateIds: z.array(z.string()),
    }),
  }),
  // ---- a standing objection and who could not be asked (docs/product.md#a-standing-objection) ----
  z.object({
    type: z.literal('assessment.notReached'),
    payload: z.object({ roundId: z.string(), number: z.number(), asOf: z.string(), parties: z.array(z.object({ id: z.string(), name: z.string() })) }),
  }),
  z.object({
    type: z.literal('assessment.objectionWithdrawn'),
    payload: z.object({ roundId: z.string(), partyId: z.string(), partyName: z.string(), reason: z.string(), ruleCodes: z.array(z.string()) }),
  }),
  // ---- a shared party returned when its sharing agreement ended (docs/product.md#ending-a-sharing-agreement) ----
  z.object({
    type: z.literal('assessment.partyReturned'),
    payload: z.object({ roundId: z.string(), number: z.number(), partyId: z.string(), partyName: z.string(), agreementId: z.string() }),
  }),
  // ---- commitments on record (docs/product.md#commitments-on-record) ----
  ...COMMITMENT_EVENTS,
  // Response periods and the inventory of interests (docs/product.md#response-periods).
  // No respondent's name or address: the events say what happened, not who responded.
  z.object({
    type: z.literal('participation.periodOpened'),
    payload: z.object({ periodId: z.string(), endsOn: z.string(), workingDays: z.number(), topics: z.array(z.string()) }),
  }),
  z.object({ type: z.literal('participation.periodClosed'), payload: z.object({ periodId: z.string(), reason: z.string() }) }),
  z.object({
    type: z.literal('participation.responseConfirmed'),
    payload: z.object({ periodId: z.string(), responseId: z.string(), position: z.string(), replaced: z.boolean() }),
  }),
  z.object({ type: z.literal('participation.responseHidden'), payload: z.object({ periodId: z.string(), responseId: z.string(), reason: z.string() }) }),
  z.object({ type: z.literal('participation.interestAnswered'), payload: z.object({ periodId: z.string(), topicId: z.string(), topic: z.string() }) }),
  // The report mark (docs/product.md#the-report-mark): never the mark itself, so the
  // case's director does not read it on the timeline.
  z.object({ type: z.literal('satisfaction.surveySent'), payload: z.object({ moment: z.enum(['closed', 'planAgreed']) }) }),
  z.object({ type: z.literal('satisfaction.answered'), payload: z.object({ moment: z.enum(['closed', 'planAgreed']), change: z.boolean() }) }),
  z.object({ type: z.literal('satisfaction.followedUp'), payload: z.object({ status: z.enum(['open', 'done']) }) }),
  // Attachments (docs/product.md#attachments): the file's name, size and SHA-256, never its content.
  z.object({
    type: z.literal('attachment.added'),
    payload: z.object({
      attachmentId: z.string(),
      on: z.enum(['intake', 'message', 'answer', 'commitment']),
      fileName: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  }),
  z.object({
    type: z.literal('attachment.removed'),
    payload: z.object({
      attachmentId: z.string(),
      on: z.enum(['intake', 'message', 'answer', 'commitment']),
      fileName: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  }),
]);
export type CaseEvent = z.infer<typeof CaseEvent>;
export type CaseEventType = CaseEvent['type'];
