// Starts the test OpenID Connect provider (oidc-issuer-worker.mjs) on a free port of
// this machine and plays the browser between Regie and it.
import { Worker } from 'node:worker_threads';

export interface TestAccount {
  claims: Record<string, unknown>;
  acr?: string;
}

export interface TestIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export const TEST_CLIENT_SECRET = 'test-client-secret-never-shown-0123';

/**
 * A provider with one confidential client for Regie at `publicUrl`. Its clock runs
 * `clockOffsetMs` apart from the real one (set it to Regie's clock minus the real one
 * for tokens Regie finds fresh; further back for expired ones).
 */
export async function startTestIssuer(opts: {
  publicUrl: string;
  accounts: Record<string, TestAccount>;
  clockOffsetMs?: number;
  clientId?: string;
  idTokenTtl?: number;
  /** who logs in when the authorization request has no login_hint (a real browser) */
  defaultAccount?: string;
}): Promise<TestIssuer> {
  const clientId = opts.clientId ?? 'regie';
  const workerData = {
    clockOffsetMs: opts.clockOffsetMs ?? 0,
    accounts: opts.accounts,
    idTokenTtl: opts.idTokenTtl ?? 3600,
    defaultAccount: opts.defaultAccount,
    clients: [
      {
        client_id: clientId,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${opts.publicUrl}/inloggen/terug`],
        post_logout_redirect_uris: [`${opts.publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
  };
  const { worker, issuer } = await startWorker(workerData);
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.unref();
  return {
    issuer,
    clientId,
    clientSecret: TEST_CLIENT_SECRET,
    async close() {
      worker.postMessage('close');
      await exited;
    },
  };
}

const START_MS = 20_000;

/**
 * A provider in a worker thread, once it listens; an error that says so when it failed,
 * stopped, or stayed silent for START_MS (a test waits for nothing without a word).
 */
async function startWorker(workerData: unknown): Promise<{ worker: Worker; issuer: string }> {
  const worker = new Worker(new URL('./oidc-issuer-worker.mjs', import.meta.url), { workerData });
  let timer: NodeJS.Timeout | undefined;
  try {
    const issuer = await new Promise<string>((resolve, reject) => {
      worker.once('message', (m: { issuer: string }) => resolve(m.issuer));
      worker.once('error', reject);
      // Gone without a word: an exit before its first message would otherwise leave the caller waiting for ever.
      worker.once('exit', (code) => reject(new Error(`the test OpenID provider stopped (exit code ${code}) before it listened`)));
      timer = setTimeout(() => reject(new Error(`the test OpenID provider did not listen within ${START_MS / 1000} s`)), START_MS);
    });
    return { worker, issuer };
  } catch (e) {
    await worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The browser's part: from the issuer's authorization URL (with the test account as
 * `login_hint`) through its redirects until it sends the browser back to Regie; answers
 * the query parameters of that return.
 */
export async function browseToReturn(authorizationUrl: string, publicUrl: string, account: string): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  url.searchParams.set('login_hint', account);
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(publicUrl)) return Object.fromEntries(url.searchParams);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = (pair as string).indexOf('=');
      jar.set((pair as string).slice(0, i), (pair as string).slice(i + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the issuer answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}
