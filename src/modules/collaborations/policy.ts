// Who may do what with collaborations (docs/product.md#collaborations). The queries
// are scoped to the actor's municipality first, so another municipality's
// collaboration is never found (404); within the municipality, a role that may not
// read collaborations gets 404 too, so it learns nothing of them.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';

/** Read the overview and every collaboration of the municipality. */
export const READERS: readonly Actor['role'][] = ['director', 'coordinator', 'executive', 'council', 'admin'];
/** Start a collaboration (and become or name its owner). */
export const STARTERS: readonly Actor['role'][] = ['director', 'coordinator', 'admin'];

/** What the policy needs to know of a collaboration. */
export interface CollaborationForPolicy {
  ownerUserId: string;
}

const isOwner = (a: Actor, c: CollaborationForPolicy) => a.userId === c.ownerUserId;

export const collaborationPolicy = definePolicy(
  {
    list: (a: Actor) => READERS.includes(a.role),
    create: (a: Actor) => STARTERS.includes(a.role),
    view: (a: Actor, _c: CollaborationForPolicy) => READERS.includes(a.role),
    /**
     * The staff who read collaborations in their own municipality read, read-only, those of
     * another municipality of which theirs is a party (docs/product.md#a-partner-municipality-reads-a-collaboration).
     */
    readAsPartner: (a: Actor) => READERS.includes(a.role),
    /** The owner, a coordinator and an admin keep a collaboration. */
    edit: (a: Actor, c: CollaborationForPolicy) => a.role === 'coordinator' || a.role === 'admin' || (isOwner(a, c) && READERS.includes(a.role)),
  },
  { resource: { what: 'collaboration', view: 'view', abilities: ['edit'] } },
);
