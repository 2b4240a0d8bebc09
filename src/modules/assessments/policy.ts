// Who may do what in the integrated assessment: pure functions of (actor, resource).
// The abilities are sent with every round and party, so the web app shows only what
// the user may do. Mandates decide overrules (model.mayOverrule); this file decides
// who may try.

import type { IsoDate } from '../../kernel/calendar.js';
import { conflict, forbidden } from '../../kernel/errors.js';
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import { type CaseForPolicy, casePolicy } from '../cases/index.js';
import type { Mandate } from '../mandates/index.js';
import { answerWindowOpen, mayOpenRoundOn, mayOverrule, type RoundWindow } from './model.js';
import type { CitedRuleSnapshot } from './repo.js';

export interface PartyForPolicy {
  municipalityId: string;
  kind: 'department' | 'outside';
  departmentId: string | null;
  reopenedUntil: IsoDate | null;
}

const sameTenant = (a: Actor, mId: string) => a.municipalityId === mId;

/** The case's director or a coordinator opens a round, on a case being worked on (docs/product.md#the-assessment-round). */
const openRound = (a: Actor, c: CaseForPolicy) =>
  sameTenant(a, c.municipalityId) && ((a.role === 'director' && a.userId === c.directorId) || a.role === 'coordinator') && mayOpenRoundOn(c.status);

export const assessmentPolicy = definePolicy(
  {
    openRound,
    /** Everyone who reads the case sees its assessment (the initiator: closed rounds only). */
    view: (a: Actor, c: CaseForPolicy) => casePolicy.view(a, c),
    viewInternal: (a: Actor, c: CaseForPolicy) => casePolicy.viewInternal(a, c),
    /** Only a specialist of the asked department answers for it; an outside party answers through its link. */
    answerFor: (a: Actor, p: PartyForPolicy) =>
      sameTenant(a, p.municipalityId) && p.kind === 'department' && a.role === 'specialist' && a.departmentId !== null && a.departmentId === p.departmentId,
    /** Only the party itself withdraws its objection: a specialist of that department (docs/product.md#a-standing-objection). */
    withdrawFor: (a: Actor, p: PartyForPolicy) =>
      sameTenant(a, p.municipalityId) && p.kind === 'department' && a.role === 'specialist' && a.departmentId !== null && a.departmentId === p.departmentId,
    /**
     * A specialist of the providing municipality's asked department answers a shared
     * request (docs/product.md#another-municipalitys-department-in-a-round).
     */
    answerShared: (a: Actor, p: { providerMunicipalityId: string; departmentId: string | null }) =>
      a.role === 'specialist' && a.municipalityId === p.providerMunicipalityId && a.departmentId !== null && a.departmentId === p.departmentId,
    /** Staff who read the case file may try to overrule; their mandate decides. */
    overrule: (a: Actor, c: CaseForPolicy) => casePolicy.viewInternal(a, c) && a.role !== 'council',
    /** A specialist's inbox of requests for their department. */
    inbox: (a: Actor) => a.role === 'specialist',
    /** Late objections: the coordinator decides; a director follows those on their own cases. */
    listLate: (a: Actor) => a.role === 'coordinator' || a.role === 'director',
    decideLate: (a: Actor) => a.role === 'coordinator',
  },
  {
    refusals: {
      // Who could open one on a case being worked on is told why not.
      openRound: (a, c) => (openRound(a, { ...c, status: 'planning' }) ? conflict('error.roundCaseStatus') : forbidden()),
      answerFor: () => forbidden('error.notYourDepartment'),
      withdrawFor: () => forbidden('error.notYourDepartment'),
      answerShared: () => forbidden('error.notYourDepartment'),
    },
  },
);

export interface PartyAbilities {
  answer: boolean;
  overrule: boolean;
  /** withdraw its own standing objection (docs/product.md#a-standing-objection) */
  withdraw: boolean;
}

export interface PartyState {
  party: PartyForPolicy;
  round: RoundWindow;
  /** the current answer: its kind and cited rules; null when unanswered */
  answer: { kind: string; rules: readonly CitedRuleSnapshot[]; overruled: boolean; withdrawn?: boolean } | null;
  latePending: boolean;
}

/**
 * What the actor may do with one party. `answer` is true while the answer window is
 * open and its answer has not been overruled, and after it as long as a late objection
 * may still be raised (one pending at a time). `overrule` needs a current, not yet overruled objection and a mandate in force.
 */
export function partyAbilities(a: Actor, c: CaseForPolicy, s: PartyState, mandates: readonly Mandate[], today: IsoDate): PartyAbilities {
  const open = answerWindowOpen(s.round, s.party.reopenedUntil, today);
  // An overruled answer is not amended (docs/product.md#overrule-within-mandate); after the window a late objection still is possible.
  const answer = assessmentPolicy.answerFor(a, s.party) && (open ? !s.answer?.overruled : !s.latePending);
  const objection = s.answer?.kind === 'objection' && !s.answer.overruled && !s.answer.withdrawn;
  const overrule =
    objection &&
    assessmentPolicy.overrule(a, c) &&
    mayOverrule({ userId: a.userId, role: a.role }, { citedRules: s.answer?.rules ?? [] }, mandates, today).allowed;
  return { answer, overrule: Boolean(overrule), withdraw: objection && assessmentPolicy.withdrawFor(a, s.party) };
}

/** What the actor may do with a late objection: only a pending one is decided, by a coordinator. */
export const lateObjectionAbilities = (a: Actor, status: 'pending' | 'admitted' | 'setAside') => ({
  decide: assessmentPolicy.decideLate(a) && status === 'pending',
});
