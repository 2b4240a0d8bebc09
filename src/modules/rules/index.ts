// The register of rules (policy rules and requirements) and their CSV import.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { CODE_PATTERN, DOMAINS, type Domain, isCitable, keepsPastCitable, type RulePeriod } from './model.js';
export { rulePolicy } from './policy.js';
export { findRulesByIds, versionsOf } from './repo.js';
export { rulesRoutes } from './routes.js';
export { createRule, importRules, listRules } from './service.js';
