// Limits on failed password logins that the per-route rate limit cannot express,
// because they must hold whatever address the client calls from:
// - per account: ten failures per account in fifteen minutes, then 429 for that
//   account from every address (password guessing from many addresses);
// - per client: twenty different accounts failing from one address in fifteen
//   minutes, then 429 for that address (password spraying: one password, many accounts).
// The counters live in this process's memory. With several processes each counts on
// its own, so the limits multiply by the number of processes: a store shared in
// PostgreSQL is still to do.
import { AppError } from '../../kernel/errors.js';

const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURES = 10;
export const CLIENT_ACCOUNTS = 20;
const MAX_KEYS = 50_000;

/** Per key, the distinct things that failed within the window and when each last did. */
class FailureWindow {
  private keys = new Map<string, Map<string, number>>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private live(key: string, now: number): Map<string, number> | undefined {
    const seen = this.keys.get(key);
    if (!seen) return undefined;
    for (const [what, at] of seen) if (at <= now - this.windowMs) seen.delete(what);
    if (!seen.size) this.keys.delete(key);
    return seen.size ? seen : undefined;
  }

  full(key: string, now: number): boolean {
    return (this.live(key, now)?.size ?? 0) >= this.max;
  }

  record(key: string, what: string, now: number) {
    if (this.keys.size >= MAX_KEYS) {
      for (const k of [...this.keys.keys()]) this.live(k, now);
      // Still full: forget the oldest half rather than grow without bound.
      if (this.keys.size >= MAX_KEYS) for (const k of [...this.keys.keys()].slice(0, MAX_KEYS / 2)) this.keys.delete(k);
    }
    const seen = this.live(key, now) ?? new Map<string, number>();
    seen.set(what, now);
    this.keys.set(key, seen);
  }
}

export function loginLimits(now: () => number = Date.now) {
  const accounts = new FailureWindow(ACCOUNT_FAILURES, WINDOW_MS);
  const clients = new FailureWindow(CLIENT_ACCOUNTS, WINDOW_MS);
  let attempt = 0;
  const accountOf = (email: string) => email.trim().toLowerCase();
  return {
    /** Throws 429 when the account or the client address has failed too often. */
    check(email: string, client: string) {
      const t = now();
      if (accounts.full(accountOf(email), t) || clients.full(client, t)) throw new AppError(429, 'rate-limited', 'error.rateLimited');
    },
    failed(email: string, client: string) {
      const t = now();
      attempt += 1;
      accounts.record(accountOf(email), String(attempt), t);
      clients.record(client, accountOf(email), t);
    },
  };
}
