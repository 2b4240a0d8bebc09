// Integrated assessment: rounds, answers, objections and the silence job.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { overruleObjection } from './decisions.js';
export { type AssessmentWorker, closeDueRounds, startAssessmentWorker } from './jobs.js';
export { isEmailAddress } from './model.js';
export { assessmentPolicy } from './policy.js';
export { type AnswerView, consolidatedOutcome, lateObjectionRows, roundViews, standingObjections } from './queries.js';
export { activeCoordinators, type CitedRuleSnapshot, partyWithCase } from './repo.js';
export { assessmentRoutes } from './routes.js';
export { answerAsDepartment, type OpenRound, openAssessmentRound } from './service.js';
