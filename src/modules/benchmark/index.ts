// Comparing municipalities: opt-in, size classes, median and quartiles with small-number
// suppression, and the published figures as open data.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { type BenchmarkOptions, computeBenchmarkFigures, type MarksProvider, startBenchmarkJob } from './jobs.js';
export { LICENCES, type Licence, SIZE_CLASSES, type SizeClass, sizeClass } from './model.js';
export { benchmarkPolicy } from './policy.js';
export type { MarkRow } from './repo.js';
export { benchmarkRoutes } from './routes.js';
export { compareMunicipality, getBenchmarkSettings, listPublishers, publishedFigures, updateBenchmarkSettings } from './service.js';
