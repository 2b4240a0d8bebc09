// Who may do what with a case: pure functions of (actor, case). The abilities are
// sent with every case so the web app shows only what the user may do.
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import { type CaseStatus, isOpen } from './model.js';

export interface CaseForPolicy {
  municipalityId: string;
  /** null while a public intake waits for confirmation (docs/product.md#confirming-a-public-intake) */
  initiatorId: string | null;
  directorId: string | null;
  status: CaseStatus;
}

const sameTenant = (a: Actor, c: CaseForPolicy) => a.municipalityId === c.municipalityId;
const isInitiatorOf = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'initiator' && a.userId === c.initiatorId;
const isDirectorOf = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'director' && a.userId === c.directorId;
const isCoordinator = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'coordinator';
/** Staff who work on cases may read them; council members get aggregate overviews, not files. */
const CASE_READERS = new Set(['director', 'coordinator', 'specialist', 'executive', 'admin']);

/** The abilities sent with every case. */
export const CASE_ABILITIES = [
  'view',
  'viewInternal',
  'assign',
  'manage',
  'withdraw',
  'note',
  'message',
  'editPlan',
  'agreeAsDirector',
  'agreeAsInitiator',
  'changePlace',
] as const;

/**
 * A case the actor may not even see answers 404, so its existence is not revealed; a
 * visible case with a refused action answers 403.
 */
export const casePolicy = definePolicy(
  {
    /** Listing the municipality's cases (initiators list only their own). */
    list: (a: Actor) => CASE_READERS.has(a.role) || a.role === 'initiator',
    /** Downloading the filtered case list as CSV: staff who read cases (docs/product.md#the-case-list). */
    export: (a: Actor) => CASE_READERS.has(a.role),
    register: (a: Actor) => a.role === 'director' || a.role === 'coordinator',
    board: (a: Actor) => a.role === 'coordinator' || a.role === 'director',
    view: (a: Actor, c: CaseForPolicy) => (sameTenant(a, c) && CASE_READERS.has(a.role)) || isInitiatorOf(a, c),
    viewInternal: (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && CASE_READERS.has(a.role),
    assign: (a: Actor, c: CaseForPolicy) => isCoordinator(a, c) && isOpen(c.status),
    manage: (a: Actor, c: CaseForPolicy) => (isDirectorOf(a, c) || isCoordinator(a, c)) && isOpen(c.status),
    withdraw: (a: Actor, c: CaseForPolicy) => (isDirectorOf(a, c) || isCoordinator(a, c) || isInitiatorOf(a, c)) && isOpen(c.status),
    note: (a: Actor, c: CaseForPolicy) => isDirectorOf(a, c) || isCoordinator(a, c),
    message: (a: Actor, c: CaseForPolicy) => isInitiatorOf(a, c) || isDirectorOf(a, c) || isCoordinator(a, c),
    editPlan: (a: Actor, c: CaseForPolicy) => isDirectorOf(a, c) && (c.status === 'planning' || c.status === 'executing'),
    agreeAsDirector: (a: Actor, c: CaseForPolicy) => isDirectorOf(a, c) && (c.status === 'planning' || c.status === 'executing'),
    agreeAsInitiator: (a: Actor, c: CaseForPolicy) => isInitiatorOf(a, c) && (c.status === 'planning' || c.status === 'executing'),
    /** Setting or clearing the address and point after intake (docs/product.md#address-and-point-of-a-case). */
    changePlace: (a: Actor, c: CaseForPolicy) => (isDirectorOf(a, c) || isCoordinator(a, c)) && isOpen(c.status),
  },
  { resource: { what: 'case', view: 'view', abilities: CASE_ABILITIES } },
);

export type CaseAbility = (typeof CASE_ABILITIES)[number];

export const caseAbilities = (a: Actor, c: CaseForPolicy): Record<CaseAbility, boolean> => casePolicy.abilities(a, c);

/** Throw unless allowed: 404 for a case the actor may not see, else 403. */
export function authorizeCase(a: Actor, ability: CaseAbility, c: CaseForPolicy): void {
  casePolicy.authorize(a, c, ability);
}
