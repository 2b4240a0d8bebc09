// What the scenarios of the benchmark share: a coordinator of a municipality with an
// API token, and the real server listening on a free port of 127.0.0.1.
import { buildApp } from '../src/app.js';
import { unsafeCreateApiTokenForEmail } from '../src/modules/identity/index.js';
import type { Deps } from '../src/platform/context.js';

/** A new coordinator of the municipality, and an API token for it. */
export async function coordinatorToken(deps: Deps, municipalityId: string, label: string): Promise<string> {
  const email = `coordinator-${label}-${Date.now()}@bench.test`;
  await deps.db.unsafeAdmin.insertInto('users').values({ municipality_id: municipalityId, email, name: 'Bench Coördinator', role: 'coordinator' }).execute();
  return (await unsafeCreateApiTokenForEmail(deps, { email, name: 'benchmark' })).token;
}

/** `buildApp` with these dependencies, listening on 127.0.0.1: its origin, and how to close it. */
export async function listen(deps: Deps): Promise<{ origin: string; close: () => Promise<void> }> {
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => app.close() };
}
