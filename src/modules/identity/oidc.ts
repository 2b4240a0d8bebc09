// Logging in through OpenID Connect (docs/product.md#logging-in-through-openid-connect):
// authorization code flow with PKCE, state and nonce, through `openid-client`. Staff log
// in through their municipality's single sign-on and are found by a claim, never
// created; residents and entrepreneurs log in through a broker for DigiD and
// eHerkenning, and their BSN or KvK number leads to their own initiator account.
import * as client from 'openid-client';
import { AppError } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { UserRow } from '../../platform/db/schema.js';
import { recordAccountEvent } from '../timeline/index.js';
import { groupRolesOf, isLoopback, type LoginKind } from './oidc-config.js';
import { keyedHash, seal, unseal } from './oidc-crypto.js';
import { eHerkenningDetails, isBsn, isKvk, meetsLevel, personName } from './oidc-levels.js';
import { newToken, sha256 } from './secrets.js';
import { forgetCachedActors, logout, type Session, startSessionFor } from './service.js';

/** The short-lived cookie that binds a login's state, nonce and PKCE verifier to the browser that started it. */
export const STATE_COOKIE = 'regie_oidc';
export const STATE_COOKIE_PATH = '/api/v1/auth/oidc';
export const STATE_MINUTES = 10;
/** Where the issuer sends the browser back: a page of the web app, which hands the answer to the API. */
export const CALLBACK_PATH = '/inloggen/terug';
/** An account made by a DigiD or eHerkenning login has no e-mail address until its owner gives one. */
export const NO_MAIL_DOMAIN = 'geen-adres.invalid';

interface Pending {
  /** municipality */
  m: string;
  k: LoginKind;
  s: string;
  n: string;
  v: string;
  /** expires, epoch ms */
  e: number;
}

type Provider = {
  municipality_id: string;
  kind: LoginKind;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  identifier_claim: string;
  group_claim: string | null;
  group_roles: unknown;
  min_level: string | null;
};

const refused = (type: string, key: string) => new AppError(401, type, key);

async function providerOf(deps: Deps, municipalityId: string, kind: LoginKind): Promise<Provider | undefined> {
  return deps.db.unsafeAdmin
    .selectFrom('login_providers')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .executeTakeFirst() as Promise<Provider | undefined>;
}

// The issuers' discovery documents, kept a few minutes per process.
const DISCOVERY_MS = 5 * 60_000;
const discovered = new Map<string, { server: client.ServerMetadata; until: number }>();

/** The client for one provider; timestamps in tokens are checked against Regie's clock. */
async function configurationFor(deps: Deps, p: Provider): Promise<client.Configuration> {
  const insecure = new URL(p.issuer).protocol === 'http:' && isLoopback(new URL(p.issuer).hostname);
  const secret = p.client_secret_sealed ? unseal(deps.config, p.client_secret_sealed) : null;
  const metadata: Partial<client.ClientMetadata> = { [client.clockSkew]: Math.round((deps.clock.now().getTime() - Date.now()) / 1000) };
  const auth = secret ? client.ClientSecretBasic(secret) : client.None();
  const hit = discovered.get(p.issuer);
  if (hit && hit.until > Date.now()) {
    const c = new client.Configuration(hit.server, p.client_id, metadata, auth);
    if (insecure) client.allowInsecureRequests(c);
    return c;
  }
  let c: client.Configuration;
  try {
    c = await client.discovery(new URL(p.issuer), p.client_id, metadata, auth, { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 });
  } catch {
    // The issuer did not answer, or its discovery document names another issuer.
    throw new AppError(502, 'login-provider-unavailable', 'error.loginProviderUnavailable');
  }
  discovered.set(p.issuer, { server: c.serverMetadata(), until: Date.now() + DISCOVERY_MS });
  return c;
}

const redirectUri = (deps: Deps) => `${deps.config.publicUrl}${CALLBACK_PATH}`;

/**
 * Start a login: the issuer's authorization URL (state, nonce, PKCE S256) and the
 * sealed cookie that binds them to this browser for STATE_MINUTES.
 */
export async function unsafeStartOidcLogin(deps: Deps, opts: { municipalitySlug: string; kind: LoginKind }): Promise<{ url: string; cookie: string }> {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', opts.municipalitySlug).executeTakeFirst();
  const p = m && (await providerOf(deps, m.id, opts.kind));
  if (!m || !p) throw new AppError(404, 'not-found', 'error.notFound', { what: 'login-provider' });
  const config = await configurationFor(deps, p);
  const pending: Pending = {
    m: m.id,
    k: opts.kind,
    s: client.randomState(),
    n: client.randomNonce(),
    v: client.randomPKCECodeVerifier(),
    e: deps.clock.now().getTime() + STATE_MINUTES * 60_000,
  };
  const scope = opts.kind === 'staff' ? 'openid email profile' : 'openid profile';
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope,
    state: pending.s,
    nonce: pending.n,
    code_challenge: await client.calculatePKCECodeChallenge(pending.v),
    code_challenge_method: 'S256',
    ...(p.min_level ? { acr_values: p.min_level } : {}),
  });
  return { url: url.href, cookie: seal(deps.config, JSON.stringify(pending), 'oidc-state') };
}

export interface OidcSession extends Session {
  kind: LoginKind;
}

/**
 * The issuer sent the browser back: check the answer against the cookie (state), let
 * openid-client check the rest (issuer, audience, signature, expiry, nonce, PKCE), and
 * start the session of the account the claims lead to.
 */
export async function unsafeFinishOidcLogin(deps: Deps, opts: { params: Record<string, string>; cookie: string | undefined }): Promise<OidcSession> {
  const raw = opts.cookie ? unseal(deps.config, opts.cookie, 'oidc-state') : null;
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (!pending || pending.e < deps.clock.now().getTime()) throw refused('oidc-no-login-started', 'error.oidcNoLoginStarted');
  if (opts.params.state !== pending.s) throw refused('oidc-state-mismatch', 'error.oidcStateMismatch');
  if (opts.params.error) throw refused('oidc-refused-by-issuer', 'error.oidcRefusedByIssuer');
  const p = await providerOf(deps, pending.m, pending.k);
  if (!p) throw refused('oidc-no-login-started', 'error.oidcNoLoginStarted');
  const config = await configurationFor(deps, p);
  const current = new URL(redirectUri(deps));
  for (const [k, v] of Object.entries(opts.params)) current.searchParams.set(k, v);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.v,
      expectedState: pending.s,
      expectedNonce: pending.n,
      idTokenExpected: true,
    });
  } catch {
    // A wrong issuer or audience, a bad signature, an expired token, a reused code:
    // the details stay out of the answer (and out of the log: they can carry tokens).
    throw refused('oidc-invalid-answer', 'error.oidcInvalidAnswer');
  }
  const claims = tokens.claims() as Record<string, unknown>;
  const idToken = tokens.id_token as string;
  const userId = pending.k === 'staff' ? await staffAccount(deps, p, claims) : await initiatorAccount(deps, p, pending.k, claims);
  const session = await startSessionFor(deps, userId);
  // The branch and the acting person go with the login (docs/product.md#eherkenning-branches-and-acting-persons).
  const onBehalf = pending.k === 'eherkenning' ? eHerkenningDetails(claims) : null;
  await deps.db.unsafeAdmin
    .insertInto('oidc_sessions')
    .values({
      session_id: sha256(session.token),
      municipality_id: p.municipality_id,
      kind: p.kind,
      id_token_sealed: seal(deps.config, idToken),
      branch_number: onBehalf?.branchNumber ?? null,
      acting_name: onBehalf?.actingName ?? null,
      acting_pseudonym: onBehalf?.actingPseudonym ?? null,
    })
    .execute();
  if (onBehalf) session.actor.onBehalf = onBehalf;
  return { ...session, kind: pending.k };
}

/**
 * Staff are found by the configured claim (by default `email`) among the active staff
 * of this municipality alone; nobody is created. With a group claim configured, the
 * first group in the table the person is in sets their role.
 */
async function staffAccount(deps: Deps, p: Provider, claims: Record<string, unknown>): Promise<string> {
  const value = claims[p.identifier_claim];
  if (typeof value !== 'string' || !value.trim()) throw new AppError(403, 'sso-no-account', 'error.ssoNoAccount');
  return deps.db.tenant(p.municipality_id, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', p.municipality_id)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', value.trim().toLowerCase()))
      .where('role', '<>', 'initiator')
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user) throw new AppError(403, 'sso-no-account', 'error.ssoNoAccount');
    const mapped = p.group_claim ? mappedGroup(groupRolesOf(p.group_roles), claims[p.group_claim]) : undefined;
    const role = mapped?.role;
    // A specialist belongs to a department: without one the role stays as it is.
    if (mapped && role && role !== user.role && (role !== 'specialist' || user.department_id)) {
      await trx.updateTable('users').set({ role }).where('municipality_id', '=', p.municipality_id).where('id', '=', user.id).execute();
      // The change is on the account's history (docs/product.md#an-accounts-history).
      await recordAccountEvent(trx, { municipalityId: p.municipality_id, actorId: null, at: deps.clock.now() }, user.id, {
        type: 'account.roleChanged',
        payload: { from: user.role, to: role, source: 'groupMapping', group: mapped.group },
      });
      forgetCachedActors(user.id);
    }
    return user.id;
  });
}

export function roleFromGroups(table: { group: string; role: UserRow['role'] }[], groups: unknown): UserRow['role'] | null {
  return mappedGroup(table, groups)?.role ?? null;
}

/** The first entry of the table group → role whose group the person is in. */
export function mappedGroup(table: { group: string; role: UserRow['role'] }[], groups: unknown): { group: string; role: UserRow['role'] } | undefined {
  const held = new Set(Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : typeof groups === 'string' ? [groups] : []);
  return table.find((g) => held.has(g.group));
}

/**
 * A resident (DigiD: BSN) or an entrepreneur (eHerkenning: KvK number) at or above the
 * minimum assurance level: the account of that identity in this municipality, made
 * at the first login. The number itself is stored only as a keyed hash and sealed.
 */
async function initiatorAccount(deps: Deps, p: Provider, kind: 'digid' | 'eherkenning', claims: Record<string, unknown>): Promise<string> {
  if (!meetsLevel(claims.acr, p.min_level)) throw new AppError(403, 'assurance-too-low', 'error.assuranceTooLow');
  const value = claims[p.identifier_claim];
  const idKind = kind === 'digid' ? 'bsn' : 'kvk';
  if (idKind === 'bsn' ? !isBsn(value) : !isKvk(value)) throw refused('oidc-invalid-answer', 'error.oidcInvalidAnswer');
  const number = value as string;
  const hash = keyedHash(deps.config, idKind, number);
  const now = deps.clock.now();
  return deps.db.tenant(p.municipality_id, async (trx) => {
    const known = await trx
      .updateTable('initiator_identities')
      .set({ last_login_at: now })
      .where('municipality_id', '=', p.municipality_id)
      .where('kind', '=', idKind)
      .where('keyed_hash', '=', hash)
      .returning('user_id')
      .executeTakeFirst();
    if (known) return known.user_id;
    const user = await newInitiator(trx, p.municipality_id, idKind, hash, claims, number);
    await trx
      .insertInto('initiator_identities')
      .values({
        municipality_id: p.municipality_id,
        kind: idKind,
        keyed_hash: hash,
        sealed_value: seal(deps.config, number, 'identity-value'),
        user_id: user,
        last_login_at: now,
      })
      .onConflict((oc) => oc.columns(['municipality_id', 'kind', 'keyed_hash']).doNothing())
      .execute();
    // Two first logins at once: the one that lost uses the winner's account.
    const row = await trx
      .selectFrom('initiator_identities')
      .select('user_id')
      .where('municipality_id', '=', p.municipality_id)
      .where('kind', '=', idKind)
      .where('keyed_hash', '=', hash)
      .executeTakeFirstOrThrow();
    return row.user_id;
  });
}

async function newInitiator(trx: Tx, mId: string, idKind: 'bsn' | 'kvk', hash: string, claims: Record<string, unknown>, number: string): Promise<string> {
  const isCompany = idKind === 'kvk';
  const u = await trx
    .insertInto('users')
    .values({
      municipality_id: mId,
      email: `${idKind}-${hash.slice(0, 24)}@${NO_MAIL_DOMAIN}`,
      name: personName(claims) ?? (isCompany ? `KvK ${number}` : 'Inwoner (DigiD)'),
      role: 'initiator',
      company: isCompany && typeof claims.company === 'string' ? claims.company.slice(0, 200) : null,
      kvk_number: isCompany ? number : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return u.id;
}

/** Did this initiator account come from a DigiD or eHerkenning login (a BSN or KvK number vouched for)? */
export async function hasVerifiedIdentity(trx: Tx, municipalityId: string, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('initiator_identities')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The BSN or KvK number of an initiator account made by a DigiD or eHerkenning login,
 * unsealed — for the audit's reveal alone, which logs it with a reason
 * (docs/product.md#revealing-a-bsn-for-the-audit). Null when the account has none.
 */
export async function unsealIdentityNumber(
  trx: Tx,
  config: Deps['config'],
  municipalityId: string,
  userId: string,
): Promise<{ kind: 'bsn' | 'kvk'; value: string } | null> {
  const row = await trx
    .selectFrom('initiator_identities')
    .select(['kind', 'sealed_value'])
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const value = row ? unseal(config, row.sealed_value, 'identity-value') : null;
  return row && value ? { kind: row.kind as 'bsn' | 'kvk', value } : null;
}

/** Does this account have a real e-mail address, or was it made by a DigiD or eHerkenning login? */
export const hasNoMailAddress = (email: string) => email.endsWith(`@${NO_MAIL_DOMAIN}`);

/**
 * End the Regie session; when it was started through an issuer that offers
 * RP-initiated logout, the URL that ends the session there too.
 */
export async function unsafeOidcLogout(deps: Deps, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const row = await deps.db.unsafeAdmin.selectFrom('oidc_sessions').selectAll().where('session_id', '=', sha256(token)).executeTakeFirst();
  await logout(deps, token);
  if (!row) return null;
  const p = await providerOf(deps, row.municipality_id, row.kind);
  const idToken = unseal(deps.config, row.id_token_sealed);
  if (!p || !idToken) return null;
  const config = await configurationFor(deps, p).catch(() => null);
  if (!config?.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${deps.config.publicUrl}/`, state: newToken() }).href;
}
