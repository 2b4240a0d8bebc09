// Cases: intake, assignment, the lifecycle, the plan clock, notes and messages.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { mailAboutCase, mailInitiator } from './mail.js';
export { CASE_STATUSES, clockState, isOpen } from './model.js';
export { authorizeCase, type CaseForPolicy, casePolicy } from './policy.js';
export { findCase, initiatorOf } from './repo.js';
export { unsafeResendCaseLink } from './resend.js';
export { caseRoutes } from './routes.js';
export {
  applyTransition,
  assignDirector,
  changeStatus,
  forPolicy,
  loadCaseFor,
  resumeClock,
  type SubmitCase,
  submitCase,
  suspendClock,
  unsafeConfirmIntake,
} from './service.js';
export { addNote, sendMessage } from './timeline.js';
export { timelineRoutes } from './timeline-routes.js';
