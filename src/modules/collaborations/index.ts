// Collaborations (samenwerkingen): goal, targets and progress, parties with their
// contribution, power and yield, the policy phase, and the health check.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export {
  type AgreementView,
  addAgreement,
  answerAgreementLink,
  collaborationReminders,
  listAgreements,
  readAgreementLink,
  resendAgreementLink,
  updateAgreement,
} from './agreements.js';
export { type CollaborationFigures, collaborationFigureSource, collaborationFigures } from './figures.js';
export { healthOf as collaborationHealthOf } from './health.js';
export { refreshDueHealth as refreshCollaborationHealth, startHealthJob as startCollaborationHealthJob } from './jobs.js';
export { type HealthIssue, healthCheck, healthSentence, PHASES, type Phase } from './model.js';
export { getPartnerCollaboration, listPartnerCollaborations, type PartnerCollaborationSummary, partnerSheet } from './partner.js';
export { collaborationPolicy } from './policy.js';
export { listCollaborations } from './queries.js';
export { collaborationRoutes } from './routes.js';
export {
  addParty,
  addTarget,
  changePhase,
  getCollaboration,
  recordReading,
  startCollaboration,
  updateCollaboration,
  updateParty,
  updateTarget,
} from './service.js';
