// How a request proves who it is today: a personal API token (`Authorization:
// Bearer …`) or the browser session cookie. Handed to the HTTP server by the
// composition root (src/app.ts) as its `authenticate` function.
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../kernel/errors.js';
import { type Actor, type Authenticate, SESSION_COOKIE } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { unsafeResolveApiToken, unsafeResolveSession } from './service.js';

export function sessionOrTokenAuthentication(deps: Deps): Authenticate {
  return async (req: FastifyRequest): Promise<Actor | null> => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await unsafeResolveApiToken(deps, auth.slice(7).trim());
      if (!actor) throw unauthenticated();
      return actor;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    return cookie ? unsafeResolveSession(deps, cookie) : null;
  };
}
