// Commitments made to an initiator, and the reminders before they fall due.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { type CollaborationReminders, type ReminderWorker, remindCommitments, startCommitmentReminders } from './jobs.js';
export { MADE_VIA, NAME_MAX as COMMITMENT_NAME_MAX, OUTCOMES, type Outcome, type RecordFields, STATUS_NL, WHAT_MAX } from './model.js';
export { commitmentPolicy } from './policy.js';
export { exportCommitments, listCommitments } from './queries.js';
export {
  commitmentHistories,
  commitmentsQuery,
  decisionOf,
  findCommitment,
  forPolicy as commitmentForPolicy,
  overdueOfHosts as overdueCommitmentsOf,
} from './repo.js';
export {
  AmendBody,
  CommitmentOut,
  ConfirmationBody,
  commitmentRoutes,
  Decision as CommitmentDecision,
  OutcomeBody,
  presentCommitment,
} from './routes.js';
export {
  amendCommitment,
  amendHostedCommitment,
  answerByMaker,
  type CommitmentEvent,
  type CommitmentRecord,
  decideHostedConfirmation,
  type EventSink,
  hostedCommitmentRecords,
  hostedCommitments,
  recordCommitment,
  recordHostedCommitment,
  recordHostedOutcome,
  recordOutcome,
} from './service.js';
export type { CommitmentView } from './view.js';
