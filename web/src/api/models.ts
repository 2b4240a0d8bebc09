// Short names for the shapes of the Regie API, all taken from the types generated
// from its OpenAPI document (schema.d.ts; `npm run api:generate`). Nothing here is
// written by hand: a name is either a named schema of the document or a part of
// one operation's request or answer.
import type { components, paths } from './schema.js';

type Schemas = components['schemas'];
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The JSON answer of an operation (its 200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
/** The JSON body an operation takes. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
/** The query parameters an operation takes. */
export type QueryOf<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// who is signed in, and what they may use at all
export type Me = Schemas['Me'];
export type Role = Me['role'];
export type StaffRole = Exclude<Role, 'initiator'>;
export type Locale = Me['locale'];
export type GlobalAbility = keyof Me['abilities'];
export type ApiToken = ResponseOf<'/me/tokens', 'get'>['items'][number];

// the municipality's set-up
export type Named = Schemas['Named'];
export type Department = Schemas['Department'];
export type Domain = Department['domain'];
export type User = Schemas['User'];
export type Settings = Schemas['Settings'];
export type Organisation = ResponseOf<'/organisation', 'get'>;
export type MunicipalitySummary = ResponseOf<'/municipalities', 'get'>['items'][number];
export type PublicMunicipality = ResponseOf<'/municipalities/{slug}', 'get'>;

// cases
export type CaseSummary = Schemas['CaseSummary'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseStatus = CaseDetail['status'];
export type ClockState = CaseDetail['clock'];
export type Channel = CaseDetail['channel'];
export type CaseFilters = QueryOf<'/cases', 'get'>;
export type SubmitCaseBody = BodyOf<'/cases', 'post'>;
export type StatusChange = BodyOf<'/cases/{id}/status', 'post'>['status'];
export type DirectorProposal = ResponseOf<'/cases/{id}/director-proposal', 'get'>;
export type TeamBoard = ResponseOf<'/team-board', 'get'>;
export type BoardCase = TeamBoard['dueSoon'][number];
export type UnassignedCase = TeamBoard['unassigned'][number];
export type ProposalReason = NonNullable<DirectorProposal['proposal']>['reason'];

// plan and timeline
export type Plan = Schemas['Plan'];
export type PlanVersion = Schemas['PlanVersion'];
export type PlanAction = Schemas['PlanAction'];
export type OwnerKind = PlanAction['ownerKind'];
export type ActionStatus = PlanAction['status'];
export type PlanActionInput = BodyOf<'/cases/{id}/plan', 'put'>['actions'][number];
export type CaseEvent = Schemas['CaseEvent'];
export type NoteVisibility = NonNullable<BodyOf<'/cases/{id}/notes', 'post'>['visibility']>;

// rules register
export type Rule = Schemas['Rule'];
export type AccessLogEntry = Schemas['AccessLogEntry'];
export type RuleDetail = Schemas['RuleDetail'];
export type RuleInput = BodyOf<'/rules', 'post'>;
export type CitedRule = Schemas['CitedRule'];
export type RuleFileFormat = BodyOf<'/rules/import', 'post'>['format'];

// integrated assessment
export type AssessmentAnswer = Schemas['AssessmentAnswer'];
export type AnswerKind = AssessmentAnswer['kind'];
export type AssessmentParty = Schemas['AssessmentParty'];
export type AssessmentRound = Schemas['AssessmentRound'];
export type LateObjection = Schemas['LateObjection'];
export type LateObjectionStatus = LateObjection['status'];
export type LateObjectionDecision = BodyOf<'/late-objections/{id}/decision', 'post'>['decision'];
export type AssessmentLinkView = Schemas['AssessmentLink'];
export type CaseAssessment = ResponseOf<'/cases/{id}/assessment', 'get'>;
export type AssessmentRequest = ResponseOf<'/assessment-requests', 'get'>['items'][number];
export type OpenRoundBody = BodyOf<'/cases/{id}/assessment-rounds', 'post'>;
export type OutsidePartyInput = NonNullable<OpenRoundBody['outsideParties']>[number];
export type AnswerBody = BodyOf<'/assessment-parties/{id}/answer', 'put'>;

// mandates and commitments
export type Mandate = Schemas['Mandate'];
export type MandateScope = Schemas['MandateScope'];
export type MandateInput = BodyOf<'/mandates', 'post'>;
export type Commitment = Schemas['Commitment'];
/** A recorded commitment with who was asked to confirm it. */
export type RecordedCommitment = ResponseOf<'/cases/{id}/commitments', 'post'>;
export type CommitmentDetail = Schemas['CommitmentDetail'];
export type CommitmentDecision = Schemas['CommitmentDecision'];
export type CommitmentStatus = Commitment['status'];
export type MadeVia = Commitment['madeVia'];
export type ConfirmationDecision = BodyOf<'/commitments/{id}/confirmation', 'post'>['decision'];
export type CommitmentOutcome = BodyOf<'/commitments/{id}/outcome', 'post'>['status'];
export type CommitmentScope = NonNullable<QueryOf<'/commitments', 'get'>['scope']>;
export type RecordCommitmentBody = BodyOf<'/cases/{id}/commitments', 'post'>;

// The values of the API's enums, from the same generated file, for select options and
// label look-ups; their labels are in the message catalogue (i18n/nl.ts, en.ts).
export {
  assessmentAnswerKindValues as ANSWER_KINDS,
  caseDetailChannelValues as CHANNELS,
  caseSummaryStatusValues as CASE_STATUSES,
  commitmentMadeViaValues as MADE_VIA,
  departmentDomainValues as DOMAINS,
  lateObjectionStatusValues as LATE_OBJECTION_STATUSES,
  meRoleValues as ROLES,
  pathsCommitmentsIdOutcomePostRequestBodyContentApplicationJsonStatusValues as COMMITMENT_OUTCOMES,
  pathsUsersPostRequestBodyContentApplicationJsonRoleValues as STAFF_ROLES,
  planActionOwnerKindValues as OWNER_KINDS,
  planActionStatusValues as ACTION_STATUSES,
} from './schema.js';

/** Whether a value (of an event's payload, say) is one of an enum's values. */
export const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

// the council overview
export type CouncilOverview = Schemas['CouncilOverview'];
export type CouncilCaseSummary = CouncilOverview['summaries']['items'][number];
export type PlanTerm = CouncilCaseSummary['planTerm'];

// management information
export type Insights = Schemas['Insights'];
export type InsightsParams = QueryOf<'/insights', 'get'>;
// comparing municipalities and the published figures (docs/product.md#comparing-municipalities)
export type Comparison = Schemas['Comparison'];
export type ComparedFigure = Comparison['figures'][number];
export type FigureKey = ComparedFigure['key'];
export type SizeClass = NonNullable<Comparison['sizeClass']>;
export type BenchmarkSettings = Schemas['BenchmarkSettings'];
export type PublishedFigures = Schemas['PublishedFigures'];
