// The names the code uses for the database types. The types themselves are
// generated from the migrated schema (types.generated.ts, `npm run db:types`); this
// file only gives them the names the modules import, so a migration changes the
// types without anyone keeping a second copy of the schema in step.
import type { Selectable } from 'kysely';
import type * as T from './types.generated.js';

export type { CitedRuleSnapshot } from './json-columns.js';

export type Database = T.DB;

export type MunicipalityTable = T.Municipalities;
export type DepartmentTable = T.Departments;
/** areas and themes */
export type NamedTable = T.Areas;
export type UserTable = T.Users;
export type DirectorAreaTable = T.DirectorAreas;
export type DirectorThemeTable = T.DirectorThemes;
export type SessionTable = T.Sessions;
export type ApiTokenTable = T.ApiTokens;
export type LoginLinkTable = T.LoginLinks;
export type PasswordLinkTable = T.PasswordLinks;
export type CaseCounterTable = T.CaseCounters;
export type CaseTable = T.Cases;
export type CaseThemeTable = T.CaseThemes;
export type CaseIntakeTable = T.CaseIntakes;
export type SuspensionTable = T.Suspensions;
export type PlanTable = T.Plans;
export type PlanActionTable = T.PlanActions;
export type EventTable = T.Events;
export type OutboxTable = T.Outbox;
export type RuleTable = T.Rules;
export type RuleChangeTable = T.RuleChanges;
export type MandateTable = T.Mandates;
export type MandateChangeTable = T.MandateChanges;
export type CommitmentTable = T.Commitments;
export type CommitmentVersionTable = T.CommitmentVersions;
export type CommitmentReminderTable = T.CommitmentReminders;
export type AssessmentRoundTable = T.AssessmentRounds;
export type AssessmentPartyTable = T.AssessmentParties;
export type AssessmentAnswerTable = T.AssessmentAnswers;
export type AssessmentOverruleTable = T.AssessmentOverrules;
export type AssessmentWithdrawalTable = T.AssessmentWithdrawals;
export type LateObjectionTable = T.LateObjections;
export type AccessLogTable = T.AccessLog;
export type RateLimitTable = T.RateLimits;
export type RegieProcessTable = T.RegieProcesses;
export type InsightQueueTable = T.InsightQueue;
export type InsightCaseTable = T.InsightCases;
export type InsightFactTable = T.InsightFacts;
export type InsightCountTable = T.InsightCounts;
export type InsightTotalTable = T.InsightTotals;
export type InsightDimTotalTable = T.InsightDimTotals;
export type BenchmarkFigureTable = T.BenchmarkFigures;
export type BenchmarkRefreshTable = T.BenchmarkRefresh;
export type ResponsePeriodTable = T.ResponsePeriods;
export type ResponseTopicTable = T.ResponseTopics;
export type ResponseTable = T.Responses;
export type ResponseInterestTable = T.ResponseInterests;
export type SurveyTable = T.Surveys;
export type SurveyFollowupTable = T.SurveyFollowups;
export type SatisfactionSettingsTable = T.SatisfactionSettings;
export type CollaborationTable = T.Collaborations;
export type CollaborationPartyTable = T.CollaborationParties;
export type CollaborationTargetTable = T.CollaborationTargets;
export type CollaborationReadingTable = T.CollaborationReadings;
export type CollaborationContributionTable = T.CollaborationContributions;
export type CollaborationEventTable = T.CollaborationEvents;
export type SharingAgreementTable = T.SharingAgreements;
export type SharedCaseMinimumView = T.SharedCaseMinimum;
export type AttachmentTable = T.Attachments;
export type AttachmentSettingsTable = T.AttachmentSettings;
export type WebhookSettingsTable = T.WebhookSettings;
export type WebhookSubscriptionTable = T.WebhookSubscriptions;
export type WebhookDeliveryTable = T.WebhookDeliveries;
export type CollaborationAgreementTable = T.CollaborationAgreements;
export type CollaborationPartyLinkTable = T.CollaborationPartyLinks;
export type CollaborationPartySessionTable = T.CollaborationPartySessions;
export type ZgwSettingsTable = T.ZgwSettings;
export type ZgwTaskTable = T.ZgwTasks;
export type ZgwZaakTable = T.ZgwZaken;

/** The allowed values of the check constraints, as the migrations write them. */
export type Role = UserRow['role'];
export type CaseStatusColumn = CaseRow['status'];
export type CommitmentStatusColumn = Selectable<CommitmentTable>['status'];

export type UserRow = Selectable<UserTable>;
export type CaseRow = Selectable<CaseTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanActionRow = Selectable<PlanActionTable>;
export type MunicipalityRow = Selectable<MunicipalityTable>;
