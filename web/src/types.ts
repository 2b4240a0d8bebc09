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
