// Pure rules of a sharing agreement between two municipalities
// (docs/product.md#sharing-agreements-between-municipalities): its lifecycle
// (proposed → approved by both admins → active from its first day → ended by either
// admin or by expiry), which side an admin acts for, and what a valid proposal is.
// Dates come in as arguments; nothing here reads the clock or the database.
import type { IsoDate } from '../../kernel/calendar.js';

export const AGREEMENT_STATES = ['proposed', 'approved', 'ended'] as const;
export type StoredState = (typeof AGREEMENT_STATES)[number];
/** What the agreement is today: `approved` is approved by both but not yet begun. */
export const AGREEMENT_STATUSES = ['proposed', 'approved', 'active', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type Side = 'provider' | 'receiver';

export interface AgreementFacts {
  providerMunicipalityId: string;
  receiverMunicipalityId: string;
  state: StoredState;
  providerApproved: boolean;
  receiverApproved: boolean;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export type Refusal = 'notParty' | 'alreadyApproved' | 'ended' | 'expired';

/** The side an admin of `municipalityId` acts for; null when their municipality is not in the agreement. */
export function sideOf(a: Pick<AgreementFacts, 'providerMunicipalityId' | 'receiverMunicipalityId'>, municipalityId: string): Side | null {
  if (a.providerMunicipalityId === municipalityId) return 'provider';
  if (a.receiverMunicipalityId === municipalityId) return 'receiver';
  return null;
}

/** Whether the period is over on `today` (the last day counts). */
const expired = (a: AgreementFacts, today: IsoDate) => a.validUntil !== null && today > a.validUntil;

/**
 * The status on `today` (docs/product.md#sharing-agreements-between-municipalities):
 * ended when ended or past its last day; active when approved by both and begun.
 */
export function agreementStatus(a: AgreementFacts, today: IsoDate): AgreementStatus {
  if (a.state === 'ended' || expired(a, today)) return 'ended';
  if (a.state === 'proposed') return 'proposed';
  return today >= a.validFrom ? 'active' : 'approved';
}

/** Only an active agreement admits the provider to the receiver's requests. */
export const inForce = (a: AgreementFacts, today: IsoDate) => agreementStatus(a, today) === 'active';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

/**
 * An admin approves for their own municipality's side, once. The side follows from the
 * admin's municipality, so one municipality never approves for the other. An ended or
 * expired agreement is not approved any more. The second approval makes it approved.
 */
export function approve(a: AgreementFacts, municipalityId: string, today: IsoDate): Outcome<{ side: Side; state: StoredState }> {
  const side = sideOf(a, municipalityId);
  if (!side) return { ok: false, refusal: 'notParty' };
  if (a.state === 'ended') return { ok: false, refusal: 'ended' };
  if (expired(a, today)) return { ok: false, refusal: 'expired' };
  if (side === 'provider' ? a.providerApproved : a.receiverApproved) return { ok: false, refusal: 'alreadyApproved' };
  const both = side === 'provider' ? a.receiverApproved : a.providerApproved;
  return { ok: true, side, state: both ? 'approved' : 'proposed' };
}

/**
 * Either admin ends the agreement, at any point before it has ended: a proposal, an
 * approved agreement that has not begun, or an active one. Ending is final.
 */
export function end(a: AgreementFacts, municipalityId: string, today: IsoDate): Outcome<{ side: Side }> {
  const side = sideOf(a, municipalityId);
  if (!side) return { ok: false, refusal: 'notParty' };
  if (a.state === 'ended') return { ok: false, refusal: 'ended' };
  if (expired(a, today)) return { ok: false, refusal: 'expired' };
  return { ok: true, side };
}

export interface Proposal {
  receiverMunicipalityId: string;
  what: string;
  departmentIds: readonly string[];
  ruleDomains: readonly string[];
  /** the receiving municipality's themes the agreement is for; none: every theme */
  themeIds: readonly string[];
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export interface Problem {
  field: string;
  key: string;
}

/** Every problem of a proposal at once; the look-ups (departments, municipality) add to the list. */
export function proposalProblems(p: Proposal, proposer: string, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  if (p.receiverMunicipalityId === proposer) problems.push({ field: 'receiverMunicipality', key: 'error.agreementSameMunicipality' });
  if (!p.what.trim()) problems.push({ field: 'what', key: 'error.required' });
  if (!p.departmentIds.length) problems.push({ field: 'departmentIds', key: 'error.required' });
  if (new Set(p.departmentIds).size !== p.departmentIds.length) problems.push({ field: 'departmentIds', key: 'error.duplicate' });
  if (new Set(p.themeIds).size !== p.themeIds.length) problems.push({ field: 'themeIds', key: 'error.duplicate' });
  if (p.validUntil !== null && p.validUntil < p.validFrom) problems.push({ field: 'validUntil', key: 'error.agreementEndBeforeStart' });
  else if (p.validUntil !== null && p.validUntil < today) problems.push({ field: 'validUntil', key: 'error.agreementPeriodPassed' });
  return problems;
}

/** Whether a rule of `domain` may be cited under the agreement: an empty list of domains means every domain. */
export const domainInScope = (ruleDomains: readonly string[], domain: string) => ruleDomains.length === 0 || ruleDomains.includes(domain);

/**
 * Whether a case lies in the agreement's theme scope
 * (docs/product.md#themes-in-a-sharing-agreement): an empty list of themes means every
 * case; otherwise the case must have at least one of the agreement's themes, so a case
 * without themes is outside a scope that names themes.
 */
export const themesInScope = (scopeThemeIds: readonly string[], caseThemeIds: readonly string[]) =>
  scopeThemeIds.length === 0 || caseThemeIds.some((id) => scopeThemeIds.includes(id));

/** What became of one request to another municipality's department. */
export type RequestOutcome = 'onTime' | 'late' | 'silent' | 'open';

export interface RequestFacts {
  /** the last day of the round's term (inclusive) */
  termEndsOn: IsoDate;
  /** the day of the department's first answer that is not a yes by silence; null: none */
  answeredOn: IsoDate | null;
  /** the round is closed (all answered, or its term ended) */
  roundClosed: boolean;
  /** the request went back when its agreement ended or expired */
  returned: boolean;
}

/**
 * Whether a request to another municipality's department was answered on time
 * (docs/product.md#requests-to-other-municipalities-in-figures): answered on or before
 * the round's last day is on time, after it late. A yes by silence is not an answer:
 * a request without a real answer is silent once its round closed or it was returned,
 * and open while its round still waits.
 */
export function requestOutcome(r: RequestFacts): RequestOutcome {
  if (r.answeredOn !== null) return r.answeredOn <= r.termEndsOn ? 'onTime' : 'late';
  return r.roundClosed || r.returned ? 'silent' : 'open';
}
