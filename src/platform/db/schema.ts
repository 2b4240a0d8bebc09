// Kysely table types for db/migrations. Keep in step with the SQL: a column added
// there is added here.
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** ISO date `YYYY-MM-DD`: the db layer returns `date` columns as strings. */
type DateCol = string;

export interface MunicipalityTable {
  id: Generated<string>;
  slug: string;
  name: string;
  case_prefix: string;
  plan_term_days: Generated<number>;
  extra_holidays: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

export interface DepartmentTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  domain: 'social' | 'physical' | 'safety' | 'economy' | 'governance';
  created_at: CreatedAt;
}

export interface NamedTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  created_at: CreatedAt;
}

export type Role = 'initiator' | 'director' | 'coordinator' | 'specialist' | 'executive' | 'council' | 'admin';

export interface UserTable {
  id: Generated<string>;
  municipality_id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  phone: string | null;
  company: string | null;
  kvk_number: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  locale: Generated<'nl' | 'en'>;
  created_at: CreatedAt;
}

export interface DirectorAreaTable {
  municipality_id: string;
  user_id: string;
  area_id: string;
}
export interface DirectorThemeTable {
  municipality_id: string;
  user_id: string;
  theme_id: string;
}

export interface SessionTable {
  id: string;
  municipality_id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginLinkTable {
  token_hash: string;
  municipality_id: string;
  user_id: string;
  case_id: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CaseCounterTable {
  municipality_id: string;
  year: number;
  last_value: number;
}

export type CaseStatusColumn = 'submitted' | 'intake' | 'planning' | 'executing' | 'closed' | 'withdrawn';

export interface CaseTable {
  id: Generated<string>;
  municipality_id: string;
  reference: string;
  title: string;
  description: string;
  location: string;
  area_id: string | null;
  status: Generated<CaseStatusColumn>;
  channel: Generated<'web' | 'desk' | 'phone' | 'email'>;
  initiator_id: string;
  director_id: string | null;
  submitted_at: Generated<Date>;
  intake_at: Timestamp | null;
  clock_started_on: DateCol | null;
  plan_due_on: DateCol | null;
  suspended_since: DateCol | null;
  suspended_days: Generated<number>;
  closed_at: Timestamp | null;
  withdrawn_reason: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}

export interface CaseThemeTable {
  municipality_id: string;
  case_id: string;
  theme_id: string;
}

export interface SuspensionTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  started_on: DateCol;
  ended_on: DateCol | null;
  reason: string;
  started_by: string;
  ended_by: string | null;
}

export interface PlanTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  version: number;
  goal: string;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Generated<Date>;
  initiator_agreed_at: Timestamp | null;
  director_agreed_at: Timestamp | null;
  director_agreed_by: string | null;
}

export interface PlanActionTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  position: number;
  description: string;
  owner_kind: 'initiator' | 'director' | 'department' | 'external';
  owner_department_id: string | null;
  owner_name: string | null;
  due_on: DateCol;
  status: Generated<'open' | 'done' | 'dropped'>;
}

export interface EventTable {
  id: Generated<number>;
  municipality_id: string;
  case_id: string | null;
  type: string;
  actor_id: string | null;
  visibility: Generated<'internal' | 'shared'>;
  payload: ColumnType<Record<string, unknown>, string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface OutboxTable {
  id: Generated<number>;
  municipality_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<'pending' | 'sent'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface RuleTable {
  id: Generated<string>;
  municipality_id: string;
  code: string;
  title: string;
  legal_source: string;
  domain: DepartmentTable['domain'];
  strict: Generated<boolean>;
  valid_from: DateCol;
  /** last day the rule may be cited (inclusive); null: no end */
  valid_until: DateCol | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface RuleChangeTable {
  id: Generated<number>;
  municipality_id: string;
  rule_id: string;
  actor_id: string | null;
  change: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
}

// ---- 004: mandates and commitments ----
export interface MandateTable {
  id: Generated<string>;
  municipality_id: string;
  holder_kind: 'role' | 'person';
  holder_role: Role | null;
  holder_user_id: string | null;
  scope_kind: 'overrule' | 'commitMoney' | 'grantExemption' | 'agreePlan';
  scope_domain: DepartmentTable['domain'] | null;
  scope_up_to_cents: number | null;
  scope_rule_code: string | null;
  delegated_by: string;
  valid_from: DateCol;
  /** last day in force (inclusive); null: no end */
  valid_until: DateCol | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MandateChangeTable {
  id: Generated<number>;
  municipality_id: string;
  mandate_id: string;
  actor_id: string | null;
  change: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
}

export type CommitmentStatusColumn = 'binding' | 'needsConfirmation' | 'declined' | 'kept' | 'broken' | 'withdrawn';

export interface CommitmentTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  made_by_user_id: string | null;
  made_by_name: string;
  made_by_role: string;
  made_to_user_id: string | null;
  made_to_name: string;
  made_to_email: string | null;
  what: string;
  due_on: DateCol;
  made_via: 'meeting' | 'phone' | 'letter' | 'email';
  made_on: DateCol;
  decision_kind: 'commitMoney' | 'grantExemption' | 'agreePlan' | 'other';
  amount_cents: number | null;
  rule_code: string | null;
  status: CommitmentStatusColumn;
  status_reason: string | null;
  mandate_ids: ColumnType<string[], string[] | undefined, string[]>;
  confirmed_by: string | null;
  /** 006: decided by the delegating body, recorded by the coordinator in confirmed_by */
  confirmed_by_body: Generated<boolean>;
  recorded_by: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CommitmentVersionTable {
  id: Generated<number>;
  municipality_id: string;
  commitment_id: string;
  version: number;
  actor_id: string | null;
  change: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
}

export interface CommitmentReminderTable {
  municipality_id: string;
  commitment_id: string;
  version: number;
  sent_at: Generated<Date>;
}

// ---- 005: the integrated assessment ----
export interface AssessmentRoundTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  number: number;
  proposal: string;
  same_proposal_as: string | null;
  opened_on: DateCol;
  term_working_days: number;
  /** last day of the term (inclusive) */
  term_ends_on: DateCol;
  opened_by: string;
  opened_at: ColumnType<Date, Date | string, never>;
  closed_at: Timestamp | null;
  closed_reason: 'allAnswered' | 'termEnded' | null;
}

export interface AssessmentPartyTable {
  id: Generated<string>;
  municipality_id: string;
  round_id: string;
  kind: 'department' | 'outside';
  department_id: string | null;
  name: string;
  email: string | null;
  organisation: string | null;
  link_token_hash: string | null;
  link_late_used: Generated<boolean>;
  reopened_until: DateCol | null;
  current_answer_id: string | null;
}

/** A cited rule as it was when cited. */
export interface CitedRuleSnapshot {
  id: string;
  code: string;
  title: string;
  legalSource: string;
  domain: DepartmentTable['domain'];
  strict: boolean;
}

export interface AssessmentAnswerTable {
  id: Generated<string>;
  municipality_id: string;
  round_id: string;
  party_id: string;
  seq: number;
  kind: 'yes' | 'yesWithConditions' | 'objection' | 'silence';
  conditions: string | null;
  rules: ColumnType<CitedRuleSnapshot[], string, never>;
  why_applies: string | null;
  how_it_could_be_done: string | null;
  answered_at: ColumnType<Date, Date | string, never>;
  as_of: DateCol;
  answered_by: string | null;
  answered_by_name: string;
  late: Generated<boolean>;
}

export interface AssessmentOverruleTable {
  id: Generated<string>;
  municipality_id: string;
  answer_id: string;
  party_id: string;
  reason: string;
  overruled_by: string;
  mandate_ids: ColumnType<string[], string, never>;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface LateObjectionTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  round_id: string;
  party_id: string;
  answer_id: string;
  cause: 'afterClose' | 'serial';
  serial_of_round_id: string | null;
  status: Generated<'pending' | 'admitted' | 'setAside'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  reopened_until: DateCol | null;
  created_at: ColumnType<Date, Date | string, never>;
  /** 006: the party's answer when this late objection was admitted (it stays in the outcome) */
  previous_answer_id: string | null;
}

export interface Database {
  municipalities: MunicipalityTable;
  departments: DepartmentTable;
  areas: NamedTable;
  themes: NamedTable;
  users: UserTable;
  director_areas: DirectorAreaTable;
  director_themes: DirectorThemeTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_links: LoginLinkTable;
  case_counters: CaseCounterTable;
  cases: CaseTable;
  case_themes: CaseThemeTable;
  suspensions: SuspensionTable;
  plans: PlanTable;
  plan_actions: PlanActionTable;
  events: EventTable;
  outbox: OutboxTable;
  rules: RuleTable;
  rule_changes: RuleChangeTable;
  mandates: MandateTable;
  mandate_changes: MandateChangeTable;
  commitments: CommitmentTable;
  commitment_versions: CommitmentVersionTable;
  commitment_reminders: CommitmentReminderTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_parties: AssessmentPartyTable;
  assessment_answers: AssessmentAnswerTable;
  assessment_overrules: AssessmentOverruleTable;
  late_objections: LateObjectionTable;
}

export type UserRow = Selectable<UserTable>;
export type CaseRow = Selectable<CaseTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanActionRow = Selectable<PlanActionTable>;
export type MunicipalityRow = Selectable<MunicipalityTable>;
