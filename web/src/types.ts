// The shapes the Regie API answers with (see src/modules/*/routes.ts).

export type Role = 'initiator' | 'director' | 'coordinator' | 'specialist' | 'executive' | 'council' | 'admin';
export type StaffRole = Exclude<Role, 'initiator'>;
export type Locale = 'nl' | 'en';
export type CaseStatus = 'submitted' | 'intake' | 'planning' | 'executing' | 'closed' | 'withdrawn';
export type ClockState = 'none' | 'running' | 'suspended' | 'dueSoon' | 'overdue' | 'stopped';
export type Channel = 'web' | 'desk' | 'phone' | 'email';
export type OwnerKind = 'initiator' | 'director' | 'department' | 'external';
export type ActionStatus = 'open' | 'done' | 'dropped';
export type Domain = 'social' | 'physical' | 'safety' | 'economy' | 'governance';

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  municipalityId: string;
  municipalityName: string;
  municipalitySlug: string;
  departmentId: string | null;
  locale: Locale;
  csrfToken: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface MunicipalitySummary {
  slug: string;
  name: string;
}

export interface PublicMunicipality extends MunicipalitySummary {
  areas: Named[];
  themes: Named[];
}

export interface Department extends Named {
  domain: Domain;
}

export interface Organisation {
  departments: Department[];
  areas: Named[];
  themes: Named[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  active: boolean;
  locale: Locale;
  areaIds: string[];
  themeIds: string[];
}

export interface Settings {
  name: string;
  slug: string;
  casePrefix: string;
  planTermDays: number;
  extraHolidays: string[];
}

export interface CaseSummary {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  location: string;
  submittedAt: string;
  planDueOn: string | null;
  clock: ClockState;
  directorId: string | null;
  directorName: string | null;
  areaId: string | null;
  areaName: string | null;
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CaseAbility = 'view' | 'viewInternal' | 'assign' | 'manage' | 'withdraw' | 'note' | 'message' | 'editPlan' | 'agreeAsDirector' | 'agreeAsInitiator';

export interface CaseDetail {
  id: string;
  reference: string;
  title: string;
  description: string;
  location: string;
  status: CaseStatus;
  channel: Channel;
  submittedAt: string;
  intakeAt: string | null;
  clockStartedOn: string | null;
  planDueOn: string | null;
  suspendedSince: string | null;
  suspendedDays: number;
  closedAt: string | null;
  withdrawnReason: string | null;
  version: number;
  clock: ClockState;
  area: Named | null;
  themes: Named[];
  initiator: { id: string; name: string; email: string | null; phone: string | null; company: string | null; kvkNumber: string | null };
  director: { id: string; name: string; email: string } | null;
  suspensions: { startedOn: string; endedOn: string | null; reason: string }[];
  abilities: Partial<Record<CaseAbility, boolean>>;
}

export interface DirectorProposal {
  proposal: { id: string; name: string; openCases: number } | null;
  candidates: { id: string; name: string; openCases: number; areaIds: string[]; themeIds: string[] }[];
}

export interface BoardCase {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  planDueOn: string | null;
  submittedAt: string;
  directorId: string | null;
  directorName: string | null;
}

export interface TeamBoard {
  today: string;
  dueSoonUntil: string;
  unassigned: BoardCase[];
  dueSoon: BoardCase[];
  overdue: BoardCase[];
  perDirector: { id: string; name: string; openCases: number }[];
}

export interface PlanAction {
  id: string;
  position: number;
  description: string;
  ownerKind: OwnerKind;
  ownerDepartmentId: string | null;
  ownerDepartmentName: string | null;
  ownerName: string | null;
  dueOn: string;
  status: ActionStatus;
}

export interface PlanVersion {
  id: string;
  version: number;
  goal: string;
  createdAt: string;
  updatedAt: string;
  initiatorAgreedAt: string | null;
  directorAgreedAt: string | null;
  agreed: boolean;
  actions: PlanAction[];
}

export interface Plan {
  caseId: string;
  current: PlanVersion | null;
  agreedVersion: number | null;
  versions: PlanVersion[];
}

export interface PlanActionInput {
  description: string;
  ownerKind: OwnerKind;
  ownerDepartmentId?: string | null;
  ownerName?: string | null;
  dueOn: string;
  status?: ActionStatus;
}

export interface CaseEvent {
  id: number;
  type: string;
  visibility: 'internal' | 'shared';
  payload: Record<string, unknown>;
  createdAt: string;
  actor: { id: string; name: string; role: string } | null;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SubmitCaseBody {
  municipality: string;
  initiator: { name: string; email: string; phone?: string | null; company?: string | null; kvkNumber?: string | null; locale?: Locale };
  title: string;
  description: string;
  location: string;
  areaId?: string | null;
  themeIds?: string[];
  channel?: Channel;
}

export interface CaseFilters {
  status?: string;
  director?: string;
  area?: string;
  theme?: string;
  dueBefore?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

// ---- rules register, integrated assessment, mandates, commitments ----

export interface Rule {
  id: string;
  code: string;
  title: string;
  legalSource: string;
  domain: Domain;
  strict: boolean;
  validFrom: string;
  validUntil: string | null;
  citableToday: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RuleDetail extends Rule {
  abilities: { update: boolean; endValidity: boolean };
  history: { at: string; actorId: string | null; actorName: string | null; change: Record<string, unknown> }[];
}

export interface RuleInput {
  code: string;
  title: string;
  legalSource: string;
  domain: Domain;
  strict: boolean;
  validFrom: string;
  validUntil: string | null;
}

export type AnswerKind = 'yes' | 'yesWithConditions' | 'objection' | 'silence';

export interface CitedRule {
  id: string;
  code: string;
  title: string;
  legalSource: string;
  domain: Domain;
  strict: boolean;
}

export interface Overrule {
  reason: string;
  by: { name: string } | null;
  mandateIds: string[];
  at: string;
}

export interface AssessmentAnswer {
  kind: AnswerKind;
  conditions: string | null;
  rules: CitedRule[];
  whyApplies: string | null;
  howItCouldBeDone: string | null;
  answeredAt: string | null;
  answeredBy: { name: string } | null;
  late: boolean;
  amendments: number;
  overrule: Overrule | null;
}

export interface AssessmentParty {
  id: string;
  kind: 'department' | 'outside';
  departmentId: string | null;
  name: string;
  email: string | null;
  organisation?: string | null;
  answer: AssessmentAnswer | null;
  /** the party's latest late objection, if any */
  lateObjection?: { id: string; status: LateObjectionStatus } | null;
  /** an admitted late objection reopens the round for this party until this day */
  reopenedUntil?: string | null;
  abilities: { answer?: boolean; overrule?: boolean };
}

export interface AssessmentRound {
  id: string;
  number: number;
  proposal: string;
  openedOn: string;
  termEndsOn: string;
  closedAt: string | null;
  closedReason?: 'allAnswered' | 'termEnded' | null;
  termWorkingDays?: number;
  status: 'open' | 'closed';
  sameProposalAs: string | null;
  parties: AssessmentParty[];
  abilities: { openFollowUp?: boolean };
}

export type LateObjectionStatus = 'pending' | 'admitted' | 'setAside';

export interface LateObjection {
  id: string;
  caseId: string;
  caseReference: string;
  caseTitle: string;
  roundId: string;
  roundNumber: number;
  partyId: string;
  partyName: string;
  /** afterClose: after the round closed; serial: could have been raised in an earlier round on the same proposal */
  cause: 'afterClose' | 'serial';
  serialOfRoundNumber: number | null;
  status: LateObjectionStatus;
  rules: CitedRule[];
  whyApplies: string | null;
  howItCouldBeDone: string | null;
  raisedAt: string;
  raisedBy: { name: string };
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: { name: string } | null;
  reopenedUntil: string | null;
  abilities: { decide: boolean };
}

export interface OutcomeItem {
  roundId: string;
  roundNumber: number;
  partyId: string;
  partyName: string;
  answer: AssessmentAnswer;
}

export interface CaseAssessment {
  rounds: AssessmentRound[];
  /** one consolidated outcome per party: every condition and every objection */
  outcome: { conditions: OutcomeItem[]; objections: OutcomeItem[] };
  lateObjections: LateObjection[];
  /** may open a (further) round on this case */
  abilities: { openRound: boolean };
}

export interface OutsidePartyInput {
  name: string;
  email: string;
  organisation?: string | null;
}

export interface OpenRoundBody {
  proposal: string;
  departmentIds: string[];
  outsideParties: OutsidePartyInput[];
  termWorkingDays?: number;
  sameProposalAs?: string | null;
}

export interface AnswerBody {
  kind: Exclude<AnswerKind, 'silence'>;
  conditions?: string | null;
  ruleIds?: string[];
  whyApplies?: string | null;
  howItCouldBeDone?: string | null;
}

export interface AssessmentRequest {
  partyId: string;
  caseId: string;
  caseReference: string;
  caseTitle: string;
  proposal: string;
  termEndsOn: string;
  answered: boolean;
  roundId: string;
  roundNumber: number;
  status: 'open' | 'closed';
  reopenedUntil: string | null;
}

/** What the one-time link of an outside party shows (GET /assessment-links/{token}). */
export interface AssessmentLinkView {
  municipality: string;
  caseReference: string;
  caseTitle: string;
  roundNumber: number;
  proposal: string;
  termEndsOn: string;
  party: { name: string; organisation: string | null };
  answer: AssessmentAnswer | null;
  /** answer: answer or amend; lateObjection: only one late objection; none: the link is used up */
  may: 'answer' | 'lateObjection' | 'none';
  /** the rules citable today */
  rules: CitedRule[];
}

export type MandateHolder = { kind: 'role'; role: Role } | { kind: 'person'; userId: string; name?: string };
export type MandateScope =
  | { kind: 'overrule'; domain: Domain }
  | { kind: 'commitMoney'; upToCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' };

export interface Mandate {
  id: string;
  holder: MandateHolder;
  scope: MandateScope;
  delegatedBy: string;
  validFrom: string;
  validUntil: string | null;
  inForceToday: boolean;
  version: number;
  abilities?: Record<string, boolean | undefined>;
}

export interface MandateInput {
  holder: { kind: 'role'; role: Role } | { kind: 'person'; userId: string };
  scope: MandateScope;
  delegatedBy: string;
  validFrom: string;
  validUntil: string | null;
}

export type CommitmentStatus = 'binding' | 'needsConfirmation' | 'declined' | 'kept' | 'broken' | 'withdrawn';
export type MadeVia = 'meeting' | 'phone' | 'letter' | 'email';
export type CommitmentDecision =
  | { kind: 'commitMoney'; amountCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' }
  | { kind: 'other' };

export interface Commitment {
  id: string;
  caseId: string;
  caseReference: string;
  caseTitle: string;
  madeBy: { userId: string | null; name: string; role: string };
  madeTo: { userId: string | null; name: string; email?: string | null };
  what: string;
  dueOn: string;
  madeVia: MadeVia;
  madeOn: string;
  decision: CommitmentDecision;
  status: CommitmentStatus;
  statusReason: string | null;
  mandateIds: string[];
  confirmedBy?: { userId: string; name: string } | null;
  /** confirmed or declined by the delegating body (college, mayor), recorded by `confirmedBy` */
  decidedByBody?: boolean;
  overdue: boolean;
  version: number;
  recordedAt?: string;
  updatedAt?: string;
  /** confirmByBody: `confirm` records the delegating body's decision (a reason naming it is required) */
  abilities: { amend: boolean; confirm: boolean; end: boolean; confirmByBody: boolean };
}

export interface CommitmentDetail extends Commitment {
  history: { at: string; version: number; by: { userId: string; name: string } | null; change: Record<string, unknown> }[];
}

export interface RecordCommitmentBody {
  madeBy: { userId: string } | { name: string; role: string };
  /** without: the initiator */
  madeTo?: { userId: string } | { name: string; email?: string | null };
  what: string;
  dueOn: string;
  madeVia: MadeVia;
  madeOn: string;
  decision: CommitmentDecision;
}

export type CommitmentScope = 'mine' | 'awaitingConfirmation' | 'overdue' | 'all';
