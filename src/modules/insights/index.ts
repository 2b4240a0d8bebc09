// Management information: figures with charts per municipality, from rollups of the
// event log. The module's public face: what the composition root, the CLI, the bench
// and tests may use. Everything else is internal.
export { applyInsightQueue, type InsightsWorker, REBUILD_CONCURRENCY, rebuildInsights, startInsightsJob } from './jobs.js';
export { DOMAINS, type Domain, type InsightsFilter } from './model.js';
export { insightsPolicy } from './policy.js';
export { insightsRoutes } from './routes.js';
export {
  type CollaborationFigures,
  FILTER_PARTS,
  type FigureSource,
  type FilterPart,
  type Insights,
  type InsightsProviders,
  insightsFigures,
  type ParticipationFigures,
  type SatisfactionFigures,
} from './service.js';
