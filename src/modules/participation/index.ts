// Participation: response periods on a case, responses without an account, the
// inventory of interests and the answers mailed when the plan is agreed.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { startResponseCleanup, unsafeDeleteExpiredResponses } from './jobs.js';
export { POSITIONS, RELATIONS } from './model.js';
export { unsafeConfirmResponse, unsafeSubmitResponse } from './public.js';
export {
  type DossierPeriod,
  type InsightsFilter,
  type ParticipationFigures,
  participationFigureSource,
  participationFigures,
  participationForDossier,
} from './queries.js';
export { participationRoutes } from './routes.js';
export { answerTopic, closePeriod, hideResponse, onPlanAgreed, openPeriod } from './service.js';
