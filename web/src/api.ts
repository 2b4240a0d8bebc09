// A small typed client for the Regie JSON API. Every call sends the user's language;
// writes with a session cookie carry the CSRF token from login or GET /me; updates
// carry If-Match with the version they were based on. Errors arrive as
// application/problem+json and become an ApiError.
import type {
  ActionStatus,
  AnswerBody,
  ApiToken,
  AssessmentLinkView,
  AssessmentParty,
  AssessmentRequest,
  AssessmentRound,
  CaseAssessment,
  CaseDetail,
  CaseEvent,
  CaseFilters,
  CaseStatus,
  CaseSummary,
  Commitment,
  CommitmentDetail,
  CommitmentScope,
  Department,
  DirectorProposal,
  Domain,
  LateObjection,
  LateObjectionStatus,
  Mandate,
  MandateInput,
  Me,
  MunicipalitySummary,
  Named,
  OpenRoundBody,
  Organisation,
  Page,
  Plan,
  PlanActionInput,
  PublicMunicipality,
  RecordCommitmentBody,
  Rule,
  RuleDetail,
  RuleInput,
  Settings,
  StaffRole,
  SubmitCaseBody,
  TeamBoard,
  User,
} from './types.js';

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

type Query = Record<string, string | number | undefined | null>;
interface Options {
  body?: unknown;
  ifMatch?: number;
  query?: Query;
  signal?: AbortSignal;
}

function url(path: string, query?: Query) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': language };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.ifMatch !== undefined) headers['If-Match'] = `"${opts.ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(url(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, '', undefined, []);
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body = isJson ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (body ?? {}) as { title?: string; detail?: string; invalidParams?: InvalidParam[] };
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail, p.invalidParams ?? []);
  }
  return body as T;
}

const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal });

export const api = {
  // identity
  me: (signal?: AbortSignal) => get<Me>('/me', undefined, signal),
  login: (email: string, password: string) => request<Me>('POST', '/auth/login', { body: { email, password } }),
  logout: () => request<null>('POST', '/auth/logout'),
  requestLoginLink: (municipality: string, email: string) => request<{ status: string }>('POST', '/auth/login-links', { body: { municipality, email } }),
  redeemLoginLink: (token: string) => request<{ user: Me; caseId: string | null }>('POST', '/auth/login-links/redeem', { body: { token } }),
  tokens: (signal?: AbortSignal) => get<{ items: ApiToken[] }>('/me/tokens', undefined, signal),
  createToken: (name: string) => request<{ id: string; name: string; token: string }>('POST', '/me/tokens', { body: { name } }),
  revokeToken: (id: string) => request<null>('DELETE', `/me/tokens/${id}`),

  // organisation
  municipalities: (signal?: AbortSignal) => get<{ items: MunicipalitySummary[] }>('/municipalities', undefined, signal),
  municipality: (slug: string, signal?: AbortSignal) => get<PublicMunicipality>(`/municipalities/${encodeURIComponent(slug)}`, undefined, signal),
  organisation: (signal?: AbortSignal) => get<Organisation>('/organisation', undefined, signal),
  users: (role?: StaffRole, signal?: AbortSignal) => get<{ items: User[] }>('/users', { role }, signal),
  createUser: (body: Record<string, unknown>) => request<User>('POST', '/users', { body }),
  updateUser: (id: string, body: Record<string, unknown>) => request<User>('PATCH', `/users/${id}`, { body }),
  createDepartment: (name: string, domain: Domain) => request<Department>('POST', '/departments', { body: { name, domain } }),
  updateDepartment: (id: string, body: { name?: string; domain?: Domain }) => request<Department>('PATCH', `/departments/${id}`, { body }),
  deleteDepartment: (id: string) => request<null>('DELETE', `/departments/${id}`),
  createNamed: (kind: 'areas' | 'themes', name: string) => request<Named>('POST', `/${kind}`, { body: { name } }),
  renameNamed: (kind: 'areas' | 'themes', id: string, name: string) => request<Named>('PATCH', `/${kind}/${id}`, { body: { name } }),
  deleteNamed: (kind: 'areas' | 'themes', id: string) => request<null>('DELETE', `/${kind}/${id}`),
  settings: (signal?: AbortSignal) => get<Settings>('/settings', undefined, signal),
  updateSettings: (body: { planTermDays?: number; extraHolidays?: string[] }) => request<Settings>('PATCH', '/settings', { body }),

  // cases
  submitCase: (body: SubmitCaseBody) => request<{ id: string; reference: string }>('POST', '/cases', { body }),
  cases: (f: CaseFilters, signal?: AbortSignal) => get<Page<CaseSummary>>('/cases', { ...f }, signal),
  case: (id: string, signal?: AbortSignal) => get<CaseDetail>(`/cases/${id}`, undefined, signal),
  changeStatus: (c: CaseDetail, status: Extract<CaseStatus, 'intake' | 'planning' | 'closed' | 'withdrawn'>, reason?: string) =>
    request<CaseDetail>('POST', `/cases/${c.id}/status`, { body: { status, reason: reason || null }, ifMatch: c.version }),
  directorProposal: (id: string, signal?: AbortSignal) => get<DirectorProposal>(`/cases/${id}/director-proposal`, undefined, signal),
  assignDirector: (id: string, version: number, directorId: string, reason?: string) =>
    request<CaseDetail>('PUT', `/cases/${id}/director`, { body: { directorId, reason: reason || null }, ifMatch: version }),
  suspend: (c: CaseDetail, reason: string) => request<CaseDetail>('POST', `/cases/${c.id}/suspension`, { body: { reason }, ifMatch: c.version }),
  resume: (c: CaseDetail) => request<CaseDetail>('DELETE', `/cases/${c.id}/suspension`, { ifMatch: c.version }),
  teamBoard: (signal?: AbortSignal) => get<TeamBoard>('/team-board', undefined, signal),

  // plan
  plan: (caseId: string, signal?: AbortSignal) => get<Plan>(`/cases/${caseId}/plan`, undefined, signal),
  savePlan: (caseId: string, basedOn: number, body: { goal: string; actions: PlanActionInput[] }) =>
    request<Plan>('PUT', `/cases/${caseId}/plan`, { body, ifMatch: basedOn }),
  agreePlan: (caseId: string, version: number) => request<Plan>('POST', `/cases/${caseId}/plan/agreements`, { body: { version } }),
  setActionStatus: (caseId: string, actionId: string, status: ActionStatus) =>
    request<Plan>('PATCH', `/cases/${caseId}/plan/actions/${actionId}`, { body: { status } }),

  // timeline
  events: (caseId: string, after?: string, signal?: AbortSignal) => get<Page<CaseEvent>>(`/cases/${caseId}/events`, { after }, signal),
  addNote: (caseId: string, text: string, visibility: 'internal' | 'shared') => request<null>('POST', `/cases/${caseId}/notes`, { body: { text, visibility } }),
  sendMessage: (caseId: string, text: string) => request<null>('POST', `/cases/${caseId}/messages`, { body: { text } }),

  // rules register, integrated assessment, mandates, commitments
  rules: (f: { domain?: string; strict?: string; validOn?: string; q?: string }, signal?: AbortSignal) => get<{ items: Rule[] }>('/rules', f, signal),
  rule: (id: string, signal?: AbortSignal) => get<RuleDetail>(`/rules/${id}`, undefined, signal),
  createRule: (body: RuleInput) => request<Rule>('POST', '/rules', { body }),
  updateRule: (id: string, version: number, body: Partial<RuleInput>) => request<RuleDetail>('PATCH', `/rules/${id}`, { body, ifMatch: version }),
  endRuleValidity: (id: string, version: number, validUntil: string) =>
    request<RuleDetail>('POST', `/rules/${id}/expiry`, { body: { validUntil }, ifMatch: version }),
  importRules: (format: 'csv' | 'json', content: string) =>
    request<{ created: number; updated: number; unchanged: number }>('POST', '/rules/import', { body: { format, content } }),
  assessment: (caseId: string, signal?: AbortSignal) => get<CaseAssessment>(`/cases/${caseId}/assessment`, undefined, signal),
  openRound: (caseId: string, body: OpenRoundBody) => request<AssessmentRound>('POST', `/cases/${caseId}/assessment-rounds`, { body }),
  answer: (partyId: string, body: AnswerBody) => request<AssessmentParty>('PUT', `/assessment-parties/${partyId}/answer`, { body }),
  overrule: (partyId: string, reason: string) => request<AssessmentParty>('POST', `/assessment-parties/${partyId}/overrule`, { body: { reason } }),
  assessmentRequests: (signal?: AbortSignal) => get<{ items: AssessmentRequest[] }>('/assessment-requests', undefined, signal),
  assessmentLink: (token: string, signal?: AbortSignal) => get<AssessmentLinkView>(`/assessment-links/${encodeURIComponent(token)}`, undefined, signal),
  answerByLink: (token: string, body: AnswerBody) => request<AssessmentLinkView>('PUT', `/assessment-links/${encodeURIComponent(token)}/answer`, { body }),
  lateObjections: (status: LateObjectionStatus | undefined, signal?: AbortSignal) => get<{ items: LateObjection[] }>('/late-objections', { status }, signal),
  decideLateObjection: (id: string, decision: 'admit' | 'setAside', reason: string) =>
    request<LateObjection>('POST', `/late-objections/${id}/decision`, { body: { decision, reason } }),
  mandates: (signal?: AbortSignal) => get<{ items: Mandate[] }>('/mandates', undefined, signal),
  createMandate: (body: MandateInput) => request<Mandate>('POST', '/mandates', { body }),
  updateMandate: (id: string, version: number, body: Partial<MandateInput>) => request<Mandate>('PATCH', `/mandates/${id}`, { body, ifMatch: version }),
  endMandate: (id: string, version: number, validUntil: string) =>
    request<Mandate>('POST', `/mandates/${id}/expiry`, { body: { validUntil }, ifMatch: version }),
  caseCommitments: (caseId: string, signal?: AbortSignal) =>
    get<{ items: Commitment[]; abilities: { record: boolean } }>(`/cases/${caseId}/commitments`, undefined, signal),
  recordCommitment: (caseId: string, body: RecordCommitmentBody) => request<Commitment>('POST', `/cases/${caseId}/commitments`, { body }),
  commitments: (scope: CommitmentScope, cursor?: string, signal?: AbortSignal) => get<Page<Commitment>>('/commitments', { scope, cursor }, signal),
  commitment: (id: string, signal?: AbortSignal) => get<CommitmentDetail>(`/commitments/${id}`, undefined, signal),
  amendCommitment: (c: Commitment, body: { what?: string; dueOn?: string; reason: string }) =>
    request<CommitmentDetail>('POST', `/commitments/${c.id}/amendments`, { body, ifMatch: c.version }),
  confirmCommitment: (c: Commitment, decision: 'confirm' | 'decline', reason?: string) =>
    request<CommitmentDetail>('POST', `/commitments/${c.id}/confirmation`, { body: { decision, reason: reason || null }, ifMatch: c.version }),
  commitmentOutcome: (c: Commitment, status: 'kept' | 'broken' | 'withdrawn', reason?: string) =>
    request<CommitmentDetail>('POST', `/commitments/${c.id}/outcome`, { body: { status, reason: reason || null }, ifMatch: c.version }),
};

/** Addresses the browser downloads itself (the session cookie goes along). */
export const downloads = {
  dossier: (caseId: string) => `/api/v1/cases/${caseId}/dossier`,
  rulesExport: (format: 'csv' | 'json') => `/api/v1/rules/export?format=${format}`,
  commitmentsExport: () => '/api/v1/commitments/export',
};
