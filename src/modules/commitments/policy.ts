import { conflict, forbidden } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import { type CaseForPolicy, isOpen as caseIsOpen, casePolicy } from '../cases/index.js';
import { type CommitmentStatus, isOpen } from './model.js';

export interface CommitmentForPolicy {
  /** null for an agreement within a collaboration: the collaborations module decides who may see and change it */
  case: CaseForPolicy | null;
  madeByUserId: string | null;
  madeToUserId: string | null;
  recordedBy: string;
  status: CommitmentStatus;
}

const RECORDERS = new Set(['coordinator', 'specialist', 'executive', 'admin']);
/** the staff who read case files (cases/policy.ts: council members get overviews, not files) */
const CASE_FILE_READERS = new Set(['director', ...RECORDERS]);
const sameTenant = (a: Actor, c: CaseForPolicy) => a.municipalityId === c.municipalityId;
const isDirectorOf = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && a.role === 'director' && a.userId === c.directorId;

const record = (a: Actor, c: CaseForPolicy) => sameTenant(a, c) && caseIsOpen(c.status) && (isDirectorOf(a, c) || RECORDERS.has(a.role));
/** answers for it: may amend or end it while it is open */
const answersFor = (a: Actor, k: CommitmentForPolicy) =>
  k.case !== null &&
  sameTenant(a, k.case) &&
  a.role !== 'initiator' &&
  (isDirectorOf(a, k.case) || a.role === 'coordinator' || a.userId === k.madeByUserId || a.userId === k.recordedBy);

/** A commitment the actor may not even see answers 404; a refused action 403. */
export const commitmentPolicy = definePolicy(
  {
    record,
    view: (a: Actor, k: CommitmentForPolicy) =>
      k.case !== null && (casePolicy.viewInternal(a, k.case) || (casePolicy.view(a, k.case) && a.role === 'initiator' && k.madeToUserId === a.userId)),
    answersFor,
    manage: (a: Actor, k: CommitmentForPolicy) => isOpen(k.status) && answersFor(a, k),
    /** the workspaces and the register export */
    list: (a: Actor) => CASE_FILE_READERS.has(a.role),
    /** confirming or declining is for staff; which of them, the mandate register decides (model.confirmRight) */
    decide: (a: Actor) => a.role !== 'initiator',
  },
  {
    resource: { what: 'commitment', view: 'view', abilities: ['view', 'answersFor', 'manage'] },
    refusals: {
      // Someone who could record one on an open case is told why not (like opening a round).
      record: (a, c) => (record(a, { ...c, status: 'planning' }) ? conflict('error.commitmentCaseStatus') : forbidden()),
    },
  },
);

export interface CommitmentAbilities {
  amend: boolean;
  confirm: boolean;
  /** confirming records the delegating body's decision (no user holds a covering mandate); a reason naming it is required */
  confirmByBody: boolean;
  end: boolean;
}

export const commitmentAbilities = (a: Actor, k: CommitmentForPolicy, right: { allowed: boolean; byBody?: boolean }): CommitmentAbilities => ({
  amend: commitmentPolicy.manage(a, k),
  confirm: k.status === 'needsConfirmation' && right.allowed,
  confirmByBody: k.status === 'needsConfirmation' && right.allowed && right.byBody === true,
  end: commitmentPolicy.manage(a, k),
});

/** A commitment the actor may not even see answers 404; a refused action 403. */
export function authorizeCommitment(a: Actor, what: 'view' | 'answersFor' | 'manage', k: CommitmentForPolicy): void {
  commitmentPolicy.authorize(a, k, what);
}
