// Links into the web app, for mails. The one place on the server that knows the web
// app's paths: they must match web/src/router.tsx (links.test.ts checks that they do).
// `publicUrl` is the configured address of the app, without a trailing slash.
import type { Role } from './auth/index.js';

/** The router's path of each page a mail links to. */
export const WEB_ROUTES = {
  /** a case as staff see it */
  case: 'zaken/:id',
  /** a case as its initiator sees it */
  myCase: 'mijn-zaak/:id',
  /** the login page: password, login link or single sign-on */
  login: 'inloggen',
  /** where a one-time login link lands; the token follows after `#` */
  loginLink: 'inloggen/link',
  /** an outside party's answer page behind its personal link */
  answer: 'toets/:token',
  /** where a staff invitation or password reset lands; the token follows after `#` */
  setPassword: 'wachtwoord/instellen',
  /** the resident's report-mark survey behind its personal link */
  survey: 'tevredenheid/:token',
  /** a request from another municipality, as its provider's specialist sees it */
  sharedRequest: 'gedeelde-verzoeken/:id',
  /** the coordinator's list of low report marks to follow up */
  surveyFollowUps: 'tevredenheid-opvolging',
  /** where a neighbour's response confirmation link lands; the token follows after `#` */
  responseConfirm: 'reageren/bevestigen',
  /** a municipality's public list of open response periods */
  responsePeriods: 'reageren/:gemeente',
  /** the public page of one response period */
  responsePeriod: 'reageren/:gemeente/:periodId',
  /** a collaboration's page, an outside party's agreement confirmation and its login link's landing */
  collaboration: 'samenwerkingen/:id',
  agreementLink: 'afspraak/:token',
  partyLogin: 'partij/inloggen',
} as const;

/** A case's page for staff. */
export const caseLink = (publicUrl: string, caseId: string): string => `${publicUrl}/zaken/${caseId}`;

/** A request from another municipality under a sharing agreement, for the provider's specialist. */
export const sharedRequestLink = (publicUrl: string, partyId: string): string => `${publicUrl}/gedeelde-verzoeken/${partyId}`;

/** A case's page for its initiator. */
export const myCaseLink = (publicUrl: string, caseId: string): string => `${publicUrl}/mijn-zaak/${caseId}`;

/** A case's page for a reader with this role: the initiator's own page or the staff page. */
export const caseLinkFor = (publicUrl: string, caseId: string, role: Role): string =>
  role === 'initiator' ? myCaseLink(publicUrl, caseId) : caseLink(publicUrl, caseId);

/** The login page, for a staff invitation in a municipality that logs in by single sign-on only. */
export const loginPageLink = (publicUrl: string): string => `${publicUrl}/inloggen`;

/** A one-time login link. The token goes after `#`, so it never reaches a server log. */
export const loginLink = (publicUrl: string, token: string): string => `${publicUrl}/inloggen/link#${token}`;

/** An outside party's personal link to answer an assessment request. */
export const answerLink = (publicUrl: string, token: string): string => `${publicUrl}/toets/${token}`;

/** A staff member's set-password link (invitation or reset). The token goes after `#`, like a login link's. */
export const setPasswordLink = (publicUrl: string, token: string): string => `${publicUrl}/wachtwoord/instellen#${token}`;

/** The initiator's personal link to the report-mark survey (docs/product.md#the-report-mark). */
export const surveyLink = (publicUrl: string, token: string): string => `${publicUrl}/tevredenheid/${token}`;

/** The coordinator's list of low report marks to follow up. */
export const surveyFollowUpsLink = (publicUrl: string): string => `${publicUrl}/tevredenheid-opvolging`;

/** A neighbour's confirmation link of a response. The token goes after `#`, so it never reaches a server log. */
export const responseConfirmLink = (publicUrl: string, token: string): string => `${publicUrl}/reageren/bevestigen#${token}`;

/** A municipality's public list of open response periods. */
export const responsePeriodsLink = (publicUrl: string, slug: string): string => `${publicUrl}/reageren/${encodeURIComponent(slug)}`;

/** The public page of one response period. */
export const responsePeriodLink = (publicUrl: string, slug: string, periodId: string): string =>
  `${responsePeriodsLink(publicUrl, slug)}/${encodeURIComponent(periodId)}`;
/** A collaboration's page for staff. */
export const collaborationLink = (publicUrl: string, id: string): string => `${publicUrl}/samenwerkingen/${id}`;

/** The outside party's page to confirm an agreement, behind its one-time link. */
export const agreementLink = (publicUrl: string, token: string): string => `${publicUrl}/afspraak/${token}`;

/** Where an outside party's one-time login link lands; the token follows after `#`. */
export const partyLoginLink = (publicUrl: string, token: string): string => `${publicUrl}/partij/inloggen#${token}`;
