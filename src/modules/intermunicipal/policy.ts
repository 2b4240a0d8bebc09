// Who may do what with sharing agreements (docs/product.md#sharing-agreements-between-municipalities):
// pure functions of (actor, agreement). Each admin sees and acts only on the agreements
// their municipality is in; an agreement of other municipalities is not found (404).
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

export interface AgreementForPolicy {
  providerMunicipalityId: string;
  receiverMunicipalityId: string;
}

const inIt = (a: Actor, g: AgreementForPolicy) => a.municipalityId === g.providerMunicipalityId || a.municipalityId === g.receiverMunicipalityId;
const admin = (a: Actor) => a.role === 'admin';

export const agreementPolicy = definePolicy(
  {
    /** The admins keep the agreements of their municipality. */
    list: (a: Actor) => admin(a),
    /** The providing municipality's admin proposes what it provides. */
    propose: (a: Actor) => admin(a),
    view: (a: Actor, g: AgreementForPolicy) => admin(a) && inIt(a, g),
    /** Each admin approves for their own municipality; the state decides the rest (model.approve). */
    approve: (a: Actor, g: AgreementForPolicy) => admin(a) && inIt(a, g),
    /** Either admin ends it (model.end). */
    end: (a: Actor, g: AgreementForPolicy) => admin(a) && inIt(a, g),
    /** The director or coordinator who opens a round picks departments available under active agreements. */
    pickShared: (a: Actor) => a.role === 'director' || a.role === 'coordinator',
  },
  { resource: { what: 'sharing agreement', view: 'view', abilities: ['approve', 'end'] } },
);
