// The authentication seam. The HTTP server knows only that some function turns a
// request into an actor (or nobody); which credentials count — a session cookie, a
// personal API token, later an OpenID Connect login — is decided by the function
// the composition root (src/app.ts) passes in.
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';

export { type Actor, isStaff, ROLE_LABEL, ROLES, type Role, STAFF_ROLES } from './actor.js';

/** The browser session's cookie. */
export const SESSION_COOKIE = 'regie_session';

/** Resolves who is calling; null for an anonymous call; throws 401 for a bad credential. */
export type Authenticate = (req: FastifyRequest) => Promise<Actor | null>;
