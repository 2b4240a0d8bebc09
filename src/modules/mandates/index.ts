// The mandate register, who holds a mandate and whether a commitment binds.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export {
  type CommitmentDecision,
  commitmentStatusOnRecord,
  covers,
  type Mandate,
  type MandateDecision,
  type MandateScope,
  type MandateSubject,
  mandateInForce,
  mandatesHeldBy,
  mandateWithinScope,
} from './model.js';
export { mandatePolicy } from './policy.js';
export { loadMandates, mandatesByIds, mandatesOfCollaboration, type NamedMandate } from './repo.js';
export { HolderOut, mandateRoutes, Scope } from './routes.js';
export { createMandate } from './service.js';
