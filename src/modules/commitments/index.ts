// Commitments made to an initiator, and the reminders before they fall due.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { type ReminderWorker, startCommitmentReminders } from './jobs.js';
export type { RecordFields } from './model.js';
export { commitmentPolicy } from './policy.js';
export { commitmentHistories, commitmentsQuery, decisionOf, findCommitment, forPolicy as commitmentForPolicy } from './repo.js';
export { commitmentRoutes } from './routes.js';
export { amendCommitment, recordCommitment, recordOutcome } from './service.js';
