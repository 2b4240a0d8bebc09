// Limits on failed password logins that the per-route rate limit cannot express,
// because they must hold whatever address the client calls from:
// - per account: ten failures per account in fifteen minutes, then 429 for that
//   account from every address (password guessing from many addresses);
// - per client: twenty different accounts failing from one address in fifteen
//   minutes, then 429 for that address (password spraying: one password, many accounts).
// The counters are rows of `login_failures` (db/migrations/007_rate_limits.sql), so
// every process on the database counts together. Not tenant data: read and written
// through the admin connection.
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';

const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURES = 10;
export const CLIENT_ACCOUNTS = 20;

// The address tried is kept only as a hash: the counters need to recognise it, not to
// read it (AVG data minimisation; an address typed wrongly may be anybody's).
const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
const accountKey = (email: string) => `account:${addressHash(email)}`;
const clientKey = (client: string) => `client:${client}`;

export function loginLimits(deps: Deps) {
  const db = () => deps.db.unsafeAdmin;
  const since = () => new Date(deps.clock.now().getTime() - WINDOW_MS);
  const failures = async (key: string) => {
    const r = await db()
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since())
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  return {
    /** Throws 429 when the account or the client address has failed too often. */
    async check(email: string, client: string) {
      const [account, sprayed] = await Promise.all([failures(accountKey(email)), failures(clientKey(client))]);
      if (account >= ACCOUNT_FAILURES || sprayed >= CLIENT_ACCOUNTS) throw new AppError(429, 'rate-limited', 'error.rateLimited');
    },
    async failed(email: string, client: string) {
      const at = deps.clock.now();
      await db()
        .insertInto('login_failures')
        .values([
          { key: accountKey(email), what: randomUUID(), at },
          { key: clientKey(client), what: addressHash(email), at },
        ])
        .onConflict((oc) => oc.columns(['key', 'what']).doUpdateSet({ at }))
        .execute();
      // Counters older than the window count for nothing: forget them.
      await db().deleteFrom('login_failures').where('at', '<=', since()).execute();
    },
  };
}
