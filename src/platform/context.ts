// What every use-case receives: the database, the clock, the configuration and,
// for authenticated calls, the actor. Wired once in app.ts.
import type { Clock } from '../kernel/clock.js';
import type { Actor } from './auth/index.js';
import type { Config } from './config.js';
import type { Db } from './db/index.js';

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
}

export interface Ctx extends Deps {
  actor: Actor;
  /** the caller's address (behind a trusted proxy, the forwarded one); for the access log */
  clientAddress?: string;
}
