// Who may do what with a case: pure functions of (actor, case). The abilities are
// sent with every case so the web app shows only what the user may do.
import { AppError } from '../../kernel/errors.js';
import type { Actor } from '../identity/model.js';
import { type CaseStatus, isOpen } from './model.js';

export interface CaseForPolicy {
  municipalityId: string;
  initiatorId: string;
  directorId: string | null;
  status: CaseStatus;
}

const sameTenant = (a: Actor, c: CaseForPolicy) => a.municipalityId === c.municipalityId;
const isInitiatorOf = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'initiator' && a.userId === c.initiatorId;
const isDirectorOf = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'director' && a.userId === c.directorId;
const isCoordinator = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'coordinator';
/** Staff who work on cases may read them; council members get aggregate overviews, not files. */
const CASE_READERS = new Set(['director', 'coordinator', 'specialist', 'executive', 'admin']);

export const casePolicy = {
  /** Listing the municipality's cases (initiators list only their own). */
  list: (a: Actor) => CASE_READERS.has(a.role) || a.role === 'initiator',
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
};

export type CaseAbility = keyof Omit<typeof casePolicy, 'list' | 'register' | 'board'>;
/** What the API says about each case (`abilities`), in the order of caseAbilities(). */
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
] as const satisfies readonly CaseAbility[];
// Every ability of the policy is in the list (compile-time).
type Holds<T extends true> = T;
export type EveryCaseAbilityListed = Holds<Exclude<CaseAbility, (typeof CASE_ABILITIES)[number]> extends never ? true : false>;

export function caseAbilities(a: Actor, c: CaseForPolicy): Record<CaseAbility, boolean> {
  return {
    view: casePolicy.view(a, c),
    viewInternal: casePolicy.viewInternal(a, c),
    assign: casePolicy.assign(a, c),
    manage: casePolicy.manage(a, c),
    withdraw: casePolicy.withdraw(a, c),
    note: casePolicy.note(a, c),
    message: casePolicy.message(a, c),
    editPlan: casePolicy.editPlan(a, c),
    agreeAsDirector: casePolicy.agreeAsDirector(a, c),
    agreeAsInitiator: casePolicy.agreeAsInitiator(a, c),
  };
}

/**
 * Throw unless allowed. A case the actor may not even see answers 404, so its
 * existence is not revealed; a visible case with a refused action answers 403.
 */
export function authorizeCase(a: Actor, ability: CaseAbility, c: CaseForPolicy): void {
  if (!casePolicy.view(a, c)) throw new AppError(404, 'not-found', 'error.notFound', { what: 'case' });
  if (!casePolicy[ability](a, c)) throw new AppError(403, 'forbidden', 'error.forbidden');
}

export function authorize(allowed: boolean): void {
  if (!allowed) throw new AppError(403, 'forbidden', 'error.forbidden');
}
