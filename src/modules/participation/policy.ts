// Who may do what with a case's response periods and the inventory of interests
// (docs/product.md#the-inventory-of-interests): pure functions of (actor, case).
// Reading follows the case file's rules (staff who read cases); opening, closing,
// moderating and answering are for the case's director and the coordinators.
// Responding needs no account and has no ability here: the public page is for anyone.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import { type CaseForPolicy, casePolicy, isOpen } from '../cases/index.js';

const runs = (a: Actor, c: CaseForPolicy) =>
  a.municipalityId === c.municipalityId && ((a.role === 'director' && a.userId === c.directorId) || a.role === 'coordinator');

export const PARTICIPATION_ABILITIES = ['view', 'open', 'close', 'moderate', 'answer'] as const;
export type ParticipationAbility = (typeof PARTICIPATION_ABILITIES)[number];

export const participationPolicy = definePolicy(
  {
    /** The periods and the inventory: whoever reads the case's internal side. */
    view: (a: Actor, c: CaseForPolicy) => casePolicy.can(a, c, 'viewInternal'),
    /** A period is opened on an open case only. */
    open: (a: Actor, c: CaseForPolicy) => runs(a, c) && isOpen(c.status),
    close: (a: Actor, c: CaseForPolicy) => runs(a, c),
    moderate: (a: Actor, c: CaseForPolicy) => runs(a, c),
    answer: (a: Actor, c: CaseForPolicy) => runs(a, c),
  },
  { resource: { what: 'case', view: 'view', abilities: PARTICIPATION_ABILITIES } },
);
