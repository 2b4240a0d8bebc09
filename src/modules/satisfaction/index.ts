// The resident's report mark (docs/product.md#the-report-mark): the survey after a
// case closes (and, where switched on, after plan agreement), the coordinator's
// follow-up of a low mark, and the figures for the management information.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { satisfactionPolicy } from './policy.js';
export { type InsightsFilter, type SatisfactionFigures, satisfactionFigureSource, satisfactionFigures, unsafeMonthlyMarks } from './queries.js';
export { satisfactionRoutes } from './routes.js';
export { answerSurvey, type CaseForSurvey, onCaseClosed, onPlanAgreed } from './service.js';
