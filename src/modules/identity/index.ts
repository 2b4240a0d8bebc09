// Who is calling: users' logins, sessions, API tokens and password hashes.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { GLOBAL_ABILITIES, type GlobalAbilities, type GlobalAbility } from './abilities.js';
export { accountRoutes } from './account-routes.js';
export { sessionOrTokenAuthentication } from './authenticate.js';
export { issueMailLoginLink, type ResendForCase } from './mail-links.js';
// Logging in through OpenID Connect: staff single sign-on, DigiD and eHerkenning through a broker.
export { hasNoMailAddress, hasVerifiedIdentity, unsealIdentityNumber } from './oidc.js';
export { oidcRoutes } from './oidc-routes.js';
export { inviteStaffMember, MIN_PASSWORD } from './passwords.js';
export { identityRoutes } from './routes.js';
export { hashPassword, newToken, sha256 } from './secrets.js';
export type { ConfirmIntake } from './service.js';
export { createApiToken, forgetCachedActors, issueLoginLink, toActor, unsafeCreateApiTokenForEmail, unsafeLoginWithPassword } from './service.js';
