// The access log of personal data and the retention term with its pseudonymisation
// (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd, docs/product.md#bewaartermijn).
// The module's public face: what other modules, the composition root and tests may
// use. Everything else is internal.
export { ACCESS_KINDS, type AccessKind, pseudonymOf, RETENTION_DEFAULT_MONTHS, RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from './model.js';
export { auditPolicy } from './policy.js';
export { applyRetention, startRetentionJob } from './retention.js';
export { auditRoutes } from './routes.js';
export { type AccessEntry, recordAccess, recordAccesses } from './service.js';
