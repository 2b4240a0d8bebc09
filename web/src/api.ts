// The client of the Regie JSON API: openapi-fetch over the types generated from the
// server's OpenAPI document (api/schema.d.ts), so a path, a body or an answer that
// does not match the API fails to compile. Every call sends the user's language;
// writes with a session cookie carry the CSRF token from login or GET /me; updates
// carry If-Match with the version they were based on. Errors arrive as
// application/problem+json and become an ApiError.
import createClient from 'openapi-fetch';
import type {
  ActionStatus,
  AnswerBody,
  BodyOf,
  CaseDetail,
  CaseFilters,
  Commitment,
  CommitmentOutcome,
  CommitmentScope,
  ConfirmationDecision,
  Domain,
  InsightsParams,
  LateObjectionDecision,
  LateObjectionStatus,
  MandateInput,
  NoteVisibility,
  OpenRoundBody,
  PlanActionInput,
  QueryOf,
  RecordCommitmentBody,
  RuleFileFormat,
  RuleInput,
  StaffRole,
  StatusChange,
  SubmitCaseBody,
} from './api/models.js';
import type { paths } from './api/schema.js';

export interface InvalidParam {
  name: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly invalidParams: InvalidParam[],
  ) {
    super(title);
    this.name = 'ApiError';
  }
  /** 412: someone else changed it since it was loaded. */
  get stale() {
    return this.status === 412;
  }
}

let csrfToken: string | null = null;
let language = 'nl';

export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};
export const setApiLanguage = (l: string) => {
  language = l;
};

const client = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
client.use({
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json, application/problem+json');
    request.headers.set('Accept-Language', language);
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
});

/** The answer's data; a network failure or an error status throws an ApiError (an abort stays an abort). */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: Awaited<typeof call>;
  try {
    r = await call;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, '', undefined, []);
  }
  if (!r.response.ok) {
    const p = (typeof r.error === 'object' && r.error !== null ? r.error : {}) as { title?: string; detail?: string; invalidParams?: InvalidParam[] };
    throw new ApiError(r.response.status, p.title ?? r.response.statusText, p.detail, p.invalidParams ?? []);
  }
  // 204 No Content answers no data
  return (r.data ?? null) as T;
}

/** Empty filters are left out of the query string. */
function query<Q extends object>(q: Q): Q {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Q;
}

const id = (id: string) => ({ path: { id } });
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const api = {
  // identity
  me: (signal?: AbortSignal) => answer(client.GET('/me', { signal })),
  login: (email: string, password: string, municipality?: string) =>
    answer(client.POST('/auth/login', { body: { email, password, ...(municipality ? { municipality } : {}) } })),
  logout: () => answer(client.POST('/auth/logout')),
  requestLoginLink: (municipality: string, email: string) => answer(client.POST('/auth/login-links', { body: { municipality, email } })),
  redeemLoginLink: (token: string) => answer(client.POST('/auth/login-links/redeem', { body: { token } })),
  // staff passwords, "Mijn account" and fresh links (docs/product.md#staff-accounts)
  resendLoginLink: (token: string) => answer(client.POST('/auth/login-links/resend', { body: { token } })),
  requestPasswordReset: (email: string) => answer(client.POST('/auth/password-resets', { body: { email } })),
  setPasswordWithLink: (token: string, password: string) => answer(client.POST('/auth/password-resets/redeem', { body: { token, password } })),
  changePassword: (current: string, password: string) => answer(client.POST('/me/password', { body: { current, password } })),
  ownAccount: (signal?: AbortSignal) => answer(client.GET('/me/account', { signal })),
  updateOwnAccount: (phone: string | null) => answer(client.PATCH('/me/account', { body: { phone } })),
  tokens: (signal?: AbortSignal) => answer(client.GET('/me/tokens', { signal })),
  createToken: (name: string) => answer(client.POST('/me/tokens', { body: { name } })),
  revokeToken: (tokenId: string) => answer(client.DELETE('/me/tokens/{id}', { params: id(tokenId) })),

  // organisation
  municipalities: (signal?: AbortSignal) => answer(client.GET('/municipalities', { signal })),
  municipality: (slug: string, signal?: AbortSignal) => answer(client.GET('/municipalities/{slug}', { params: { path: { slug } }, signal })),
  organisation: (signal?: AbortSignal) => answer(client.GET('/organisation', { signal })),
  users: (role?: StaffRole, signal?: AbortSignal) => answer(client.GET('/users', { params: { query: query({ role }) }, signal })),
  createUser: (body: BodyOf<'/users', 'post'>) => answer(client.POST('/users', { body })),
  updateUser: (userId: string, body: BodyOf<'/users/{id}', 'patch'>) => answer(client.PATCH('/users/{id}', { params: id(userId), body })),
  createDepartment: (name: string, domain: Domain) => answer(client.POST('/departments', { body: { name, domain } })),
  updateDepartment: (departmentId: string, body: { name?: string; domain?: Domain }) =>
    answer(client.PATCH('/departments/{id}', { params: id(departmentId), body })),
  deleteDepartment: (departmentId: string) => answer(client.DELETE('/departments/{id}', { params: id(departmentId) })),
  createNamed: (kind: 'areas' | 'themes', name: string) =>
    answer(kind === 'areas' ? client.POST('/areas', { body: { name } }) : client.POST('/themes', { body: { name } })),
  renameNamed: (kind: 'areas' | 'themes', namedId: string, name: string) =>
    answer(
      kind === 'areas'
        ? client.PATCH('/areas/{id}', { params: id(namedId), body: { name } })
        : client.PATCH('/themes/{id}', { params: id(namedId), body: { name } }),
    ),
  deleteNamed: (kind: 'areas' | 'themes', namedId: string) =>
    answer(kind === 'areas' ? client.DELETE('/areas/{id}', { params: id(namedId) }) : client.DELETE('/themes/{id}', { params: id(namedId) })),
  settings: (signal?: AbortSignal) => answer(client.GET('/settings', { signal })),
  updateSettings: (body: {
    planTermDays?: number;
    extraHolidays?: string[];
    personalDataRetentionMonths?: number | null;
    contactEmail?: string | null;
    contactPhone?: string | null;
    contactWebsite?: string | null;
    primaryColor?: string | null;
    logo?: string | null;
  }) => answer(client.PATCH('/settings', { body })),

  // address, map and area (docs/geo.md)
  mapSettings: (signal?: AbortSignal) => answer(client.GET('/map', { signal })),
  suggestAddresses: (q: string, signal?: AbortSignal) => answer(client.GET('/addresses/suggest', { params: { query: { q } }, signal })),
  lookupAddress: (addressId: string, signal?: AbortSignal) => answer(client.GET('/addresses/lookup', { params: { query: { id: addressId } }, signal })),
  areaBoundaries: (signal?: AbortSignal) => answer(client.GET('/area-boundaries', { signal })),
  setAreaBoundary: (areaId: string, geometry: BodyOf<'/areas/{id}/boundary', 'put'>['geometry']) =>
    answer(client.PUT('/areas/{id}/boundary', { params: id(areaId), body: { geometry } })),
  removeAreaBoundary: (areaId: string) => answer(client.DELETE('/areas/{id}/boundary', { params: id(areaId) })),

  // cases
  submitCase: (body: SubmitCaseBody) => answer(client.POST('/cases', { body })),
  cases: (f: CaseFilters, signal?: AbortSignal) => answer(client.GET('/cases', { params: { query: query(f) }, signal })),
  case: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}', { params: id(caseId), signal })),
  changeStatus: (c: CaseDetail, status: StatusChange, reason?: string) =>
    answer(client.POST('/cases/{id}/status', { params: id(c.id), body: { status, reason: reason || null }, headers: ifMatch(c.version) })),
  directorProposal: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/director-proposal', { params: id(caseId), signal })),
  assignDirector: (caseId: string, version: number, directorId: string, reason?: string) =>
    answer(client.PUT('/cases/{id}/director', { params: id(caseId), body: { directorId, reason: reason || null }, headers: ifMatch(version) })),
  suspend: (c: CaseDetail, reason: string) =>
    answer(client.POST('/cases/{id}/suspension', { params: id(c.id), body: { reason }, headers: ifMatch(c.version) })),
  resume: (c: CaseDetail) => answer(client.DELETE('/cases/{id}/suspension', { params: id(c.id), headers: ifMatch(c.version) })),
  changePlace: (c: CaseDetail, place: { addressId: string | null; lon: number; lat: number } | null) =>
    answer(client.PUT('/cases/{id}/place', { params: id(c.id), body: { place }, headers: ifMatch(c.version) })),
  teamBoard: (signal?: AbortSignal) => answer(client.GET('/team-board', { signal })),

  // plan
  plan: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/plan', { params: id(caseId), signal })),
  savePlan: (
    caseId: string,
    basedOn: number,
    body: { goal: string; actions: PlanActionInput[]; commitsCents?: number | null; exemptionRuleCodes?: string[] },
  ) => answer(client.PUT('/cases/{id}/plan', { params: id(caseId), body, headers: ifMatch(basedOn) })),
  agreePlan: (caseId: string, version: number) => answer(client.POST('/cases/{id}/plan/agreements', { params: id(caseId), body: { version } })),
  setActionStatus: (caseId: string, actionId: string, status: ActionStatus) =>
    answer(client.PATCH('/cases/{id}/plan/actions/{actionId}', { params: { path: { id: caseId, actionId } }, body: { status } })),

  // timeline
  /** `after`: the previous page's nextCursor */
  events: (caseId: string, after?: string, signal?: AbortSignal) =>
    answer(client.GET('/cases/{id}/events', { params: { ...id(caseId), query: query({ after: after === undefined ? undefined : Number(after) }) }, signal })),
  addNote: (caseId: string, text: string, visibility: NoteVisibility) =>
    answer(client.POST('/cases/{id}/notes', { params: id(caseId), body: { text, visibility } })),
  sendMessage: (caseId: string, text: string) => answer(client.POST('/cases/{id}/messages', { params: id(caseId), body: { text } })),

  // rules register, integrated assessment, mandates, commitments
  // The filters come from the register page's selects, whose options are the API's values.
  rules: (f: { domain?: string; strict?: string; validOn?: string; q?: string }, signal?: AbortSignal) =>
    answer(client.GET('/rules', { params: { query: query(f) as QueryOf<'/rules', 'get'> }, signal })),
  rule: (ruleId: string, signal?: AbortSignal) => answer(client.GET('/rules/{id}', { params: id(ruleId), signal })),
  createRule: (body: RuleInput) => answer(client.POST('/rules', { body })),
  updateRule: (ruleId: string, version: number, body: Partial<RuleInput>) =>
    answer(client.PATCH('/rules/{id}', { params: id(ruleId), body, headers: ifMatch(version) })),
  endRuleValidity: (ruleId: string, version: number, validUntil: string) =>
    answer(client.POST('/rules/{id}/expiry', { params: id(ruleId), body: { validUntil }, headers: ifMatch(version) })),
  importRules: (format: RuleFileFormat, content: string) => answer(client.POST('/rules/import', { body: { format, content } })),
  assessment: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/assessment', { params: id(caseId), signal })),
  openRound: (caseId: string, body: OpenRoundBody) => answer(client.POST('/cases/{id}/assessment-rounds', { params: id(caseId), body })),
  answer: (partyId: string, body: AnswerBody) => answer(client.PUT('/assessment-parties/{id}/answer', { params: id(partyId), body })),
  overrule: (partyId: string, reason: string) => answer(client.POST('/assessment-parties/{id}/overrule', { params: id(partyId), body: { reason } })),
  withdrawObjection: (partyId: string, reason: string) => answer(client.POST('/assessment-parties/{id}/withdrawal', { params: id(partyId), body: { reason } })),
  assessmentRequests: (signal?: AbortSignal) => answer(client.GET('/assessment-requests', { signal })),
  assessmentLink: (token: string, signal?: AbortSignal) => answer(client.GET('/assessment-links/{token}', { params: { path: { token } }, signal })),
  answerByLink: (token: string, body: AnswerBody) => answer(client.PUT('/assessment-links/{token}/answer', { params: { path: { token } }, body })),
  lateObjections: (status: LateObjectionStatus | undefined, signal?: AbortSignal) =>
    answer(client.GET('/late-objections', { params: { query: query({ status }) }, signal })),
  decideLateObjection: (objectionId: string, decision: LateObjectionDecision, reason: string) =>
    answer(client.POST('/late-objections/{id}/decision', { params: id(objectionId), body: { decision, reason } })),
  mandates: (signal?: AbortSignal) => answer(client.GET('/mandates', { signal })),
  createMandate: (body: MandateInput) => answer(client.POST('/mandates', { body })),
  updateMandate: (mandateId: string, version: number, body: Partial<MandateInput>) =>
    answer(client.PATCH('/mandates/{id}', { params: id(mandateId), body, headers: ifMatch(version) })),
  endMandate: (mandateId: string, version: number, validUntil: string) =>
    answer(client.POST('/mandates/{id}/expiry', { params: id(mandateId), body: { validUntil }, headers: ifMatch(version) })),
  caseCommitments: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/commitments', { params: id(caseId), signal })),
  recordCommitment: (caseId: string, body: RecordCommitmentBody) => answer(client.POST('/cases/{id}/commitments', { params: id(caseId), body })),
  commitments: (scope: CommitmentScope, cursor?: string, signal?: AbortSignal) =>
    answer(client.GET('/commitments', { params: { query: query({ scope, cursor }) }, signal })),
  commitment: (commitmentId: string, signal?: AbortSignal) => answer(client.GET('/commitments/{id}', { params: id(commitmentId), signal })),
  amendCommitment: (c: Commitment, body: { what?: string; dueOn?: string; reason: string }) =>
    answer(client.POST('/commitments/{id}/amendments', { params: id(c.id), body, headers: ifMatch(c.version) })),
  confirmCommitment: (c: Commitment, decision: ConfirmationDecision, reason?: string) =>
    answer(client.POST('/commitments/{id}/confirmation', { params: id(c.id), body: { decision, reason: reason || null }, headers: ifMatch(c.version) })),
  commitmentOutcome: (c: Commitment, status: CommitmentOutcome, reason?: string) =>
    answer(client.POST('/commitments/{id}/outcome', { params: id(c.id), body: { status, reason: reason || null }, headers: ifMatch(c.version) })),

  // the access log of personal data (admin)
  accessLog: (f: AccessLogFilter, cursor?: string, signal?: AbortSignal) =>
    answer(client.GET('/access-log-entries', { params: { query: query({ ...f, cursor }) as QueryOf<'/access-log-entries', 'get'> }, signal })),
  // the council overview
  councilOverview: (cursor?: string, signal?: AbortSignal) =>
    answer(client.GET('/council/overview', { params: { query: query({ cursor, limit: 100 }) as QueryOf<'/council/overview', 'get'> }, signal })),
  // management information
  insights: (f: InsightsParams, signal?: AbortSignal) =>
    answer(client.GET('/insights', { params: { query: query({ ...f }) as QueryOf<'/insights', 'get'> }, signal })),
  // comparing municipalities and the published figures (docs/product.md#comparing-municipalities)
  comparison: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    answer(client.GET('/benchmark/comparison', { params: { query: query(period) as QueryOf<'/benchmark/comparison', 'get'> }, signal })),
  benchmarkSettings: (signal?: AbortSignal) => answer(client.GET('/benchmark/settings', { signal })),
  updateBenchmarkSettings: (body: BodyOf<'/benchmark/settings', 'patch'>) => answer(client.PATCH('/benchmark/settings', { body })),
  // collaborations (docs/product.md#collaborations)
  collaborations: (f: QueryOf<'/collaborations', 'get'>, signal?: AbortSignal) =>
    answer(client.GET('/collaborations', { params: { query: query(f) as QueryOf<'/collaborations', 'get'> }, signal })),
  collaboration: (collaborationId: string, signal?: AbortSignal) => answer(client.GET('/collaborations/{id}', { params: id(collaborationId), signal })),
  startCollaboration: (body: BodyOf<'/collaborations', 'post'>) => answer(client.POST('/collaborations', { body })),
  changeCollaborationPhase: (collaborationId: string, version: number, phase: BodyOf<'/collaborations/{id}/phase', 'post'>['phase']) =>
    answer(client.POST('/collaborations/{id}/phase', { params: id(collaborationId), body: { phase }, headers: ifMatch(version) })),
  addCollaborationTarget: (collaborationId: string, body: BodyOf<'/collaborations/{id}/targets', 'post'>) =>
    answer(client.POST('/collaborations/{id}/targets', { params: id(collaborationId), body })),
  recordCollaborationReading: (collaborationId: string, targetId: string, body: BodyOf<'/collaborations/{id}/targets/{targetId}/readings', 'post'>) =>
    answer(client.POST('/collaborations/{id}/targets/{targetId}/readings', { params: { path: { id: collaborationId, targetId } }, body })),
  addCollaborationParty: (collaborationId: string, body: BodyOf<'/collaborations/{id}/parties', 'post'>) =>
    answer(client.POST('/collaborations/{id}/parties', { params: id(collaborationId), body })),
  // the collaboration page's forms: its fields, areas, themes and linked cases, and a target
  updateCollaboration: (collaborationId: string, version: number, body: BodyOf<'/collaborations/{id}', 'patch'>) =>
    answer(client.PATCH('/collaborations/{id}', { params: id(collaborationId), body, headers: ifMatch(version) })),
  updateCollaborationTarget: (collaborationId: string, targetId: string, version: number, body: BodyOf<'/collaborations/{id}/targets/{targetId}', 'patch'>) =>
    answer(client.PATCH('/collaborations/{id}/targets/{targetId}', { params: { path: { id: collaborationId, targetId } }, body, headers: ifMatch(version) })),
  // agreements within a collaboration and the outside party's access (docs/product.md#agreements-within-a-collaboration)
  collaborationAgreements: (collaborationId: string, signal?: AbortSignal) =>
    answer(client.GET('/collaborations/{id}/agreements', { params: id(collaborationId), signal })),
  addCollaborationAgreement: (collaborationId: string, body: BodyOf<'/collaborations/{id}/agreements', 'post'>) =>
    answer(client.POST('/collaborations/{id}/agreements', { params: id(collaborationId), body })),
  endCollaborationAgreement: (
    collaborationId: string,
    agreementId: string,
    version: number,
    body: BodyOf<'/collaborations/{id}/agreements/{agreementId}/outcome', 'post'>,
  ) =>
    answer(
      client.POST('/collaborations/{id}/agreements/{agreementId}/outcome', {
        params: { path: { id: collaborationId, agreementId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  // amending, confirming within mandate and sending an outside party's link again
  // (docs/product.md#sending-an-outside-partys-link-again): the case's commitment forms, on the collaboration's endpoints
  amendCollaborationAgreement: (
    collaborationId: string,
    agreementId: string,
    version: number,
    body: BodyOf<'/collaborations/{id}/agreements/{agreementId}/amendments', 'post'>,
  ) =>
    answer(
      client.POST('/collaborations/{id}/agreements/{agreementId}/amendments', {
        params: { path: { id: collaborationId, agreementId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  confirmCollaborationAgreement: (
    collaborationId: string,
    agreementId: string,
    version: number,
    body: BodyOf<'/collaborations/{id}/agreements/{agreementId}/confirmation', 'post'>,
  ) =>
    answer(
      client.POST('/collaborations/{id}/agreements/{agreementId}/confirmation', {
        params: { path: { id: collaborationId, agreementId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  resendAgreementLink: (collaborationId: string, agreementId: string) =>
    answer(client.POST('/collaborations/{id}/agreements/{agreementId}/link', { params: { path: { id: collaborationId, agreementId } } })),
  agreementLink: (token: string, signal?: AbortSignal) => answer(client.GET('/agreement-links/{token}', { params: { path: { token } }, signal })),
  answerAgreementLink: (token: string, body: BodyOf<'/agreement-links/{token}/answer', 'post'>) =>
    answer(client.POST('/agreement-links/{token}/answer', { params: { path: { token } }, body })),
  requestPartyLoginLink: (body: BodyOf<'/party-login-links', 'post'>) => answer(client.POST('/party-login-links', { body })),
  startPartySession: (token: string) => answer(client.POST('/party-sessions', { body: { token } })),
  endPartySession: () => answer(client.DELETE('/party-sessions/current', {})),
  partyCollaborations: (signal?: AbortSignal) => answer(client.GET('/party/collaborations', { signal })),
  partyCollaboration: (collaborationId: string, signal?: AbortSignal) =>
    answer(client.GET('/party/collaborations/{id}', { params: id(collaborationId), signal })),
  publishers: (signal?: AbortSignal) => answer(client.GET('/public/municipalities', { signal })),
  publishedFigures: (slug: string, period: { from?: string; to?: string }, signal?: AbortSignal) =>
    answer(
      client.GET('/public/municipalities/{slug}/figures', {
        params: { path: { slug }, query: query(period) as QueryOf<'/public/municipalities/{slug}/figures', 'get'> },
        signal,
      }),
      // the client asks for JSON (onRequest above), so the CSV this operation can also answer never comes
    ).then((d) => d as Exclude<typeof d, string>),
  // the resident's report mark (docs/product.md#the-report-mark)
  survey: (token: string, signal?: AbortSignal) => answer(client.GET('/survey-links/{token}', { params: { path: { token } }, signal })),
  answerSurvey: (token: string, body: BodyOf<'/survey-links/{token}/answer', 'put'>) =>
    answer(client.PUT('/survey-links/{token}/answer', { params: { path: { token } }, body })),
  surveyFollowUps: (status: 'todo' | 'all', signal?: AbortSignal) => answer(client.GET('/satisfaction/follow-ups', { params: { query: { status } }, signal })),
  recordSurveyFollowUp: (surveyId: string, body: BodyOf<'/satisfaction/surveys/{id}/follow-ups', 'post'>) =>
    answer(client.POST('/satisfaction/surveys/{id}/follow-ups', { params: id(surveyId), body })),
  satisfactionSettings: (signal?: AbortSignal) => answer(client.GET('/satisfaction/settings', { signal })),
  updateSatisfactionSettings: (askAtPlanAgreement: boolean) => answer(client.PUT('/satisfaction/settings', { body: { askAtPlanAgreement } })),
};

/** The access log's filters as the page's fields hold them; empty means any. */
export interface AccessLogFilter {
  kind?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** Addresses the browser downloads itself (the session cookie goes along). */
export const downloads = {
  dossier: (caseId: string) => `/api/v1/cases/${caseId}/dossier`,
  /** the open data of a publishing municipality as CSV (docs/product.md#open-data) */
  figuresCsv: (slug: string, p: { from: string; to: string }) => `/api/v1/public/municipalities/${slug}/figures.csv?from=${p.from}&to=${p.to}`,
  figuresJson: (slug: string, p: { from: string; to: string }) => `/api/v1/public/municipalities/${slug}/figures?from=${p.from}&to=${p.to}`,
  rulesExport: (format: RuleFileFormat) => `/api/v1/rules/export?format=${format}`,
  commitmentsExport: () => '/api/v1/commitments/export',
  /** the collaboration sheet for a council or board meeting */
  collaborationSheet: (collaborationId: string) => `/api/v1/collaborations/${collaborationId}/sheet.pdf`,
  /** the collaboration sheet as an outside party may read it */
  partyCollaborationSheet: (collaborationId: string) => `/api/v1/party/collaborations/${collaborationId}/sheet.pdf`,
  /** the case list with the same filters and order, as CSV */
  casesExport: (f: Omit<CaseFilters, 'cursor' | 'limit'>) => `/api/v1/cases/export?${new URLSearchParams(query(f) as Record<string, string>).toString()}`,
};

/** The typed client and its error handling, for the API calls an area keeps in a file of its own (api/participation.ts). */
export { answer as apiAnswer, client as apiClient };
