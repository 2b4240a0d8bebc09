// Wiring, in one place: database, migrations, outbox worker, HTTP server and the
// routes of every module. No module registers itself.
import { type Clock, systemClock } from '../kernel/clock.js';
import { caseRoutes } from '../modules/cases/routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { organisationRoutes } from '../modules/organisation/routes.js';
import { planRoutes } from '../modules/plans/routes.js';
import { rulesRoutes } from '../modules/rules/routes.js';
import { timelineRoutes } from '../modules/timeline/routes.js';
import { type Config, mailDir, pgliteDir } from './config.js';
import type { Deps } from './context.js';
import { type Db, openDatabase } from './db/index.js';
import { migrate } from './db/migrate.js';
import { type App, buildServer } from './http/server.js';
import { fileTransport, type MailTransport, type OutboxWorker, smtpTransport, startOutboxWorker } from './mail/outbox.js';

export async function openConfiguredDatabase(config: Config): Promise<Db> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: pgliteDir(config) });
}

export function mailTransportFor(config: Config): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(mailDir(config));
}

export async function buildApp(deps: Deps): Promise<App> {
  return buildServer(deps, (app) => {
    identityRoutes(app, deps);
    organisationRoutes(app, deps);
    caseRoutes(app, deps);
    planRoutes(app, deps);
    timelineRoutes(app, deps);
    rulesRoutes(app, deps);
  });
}

export interface Running {
  app: App;
  deps: Deps;
  outbox: OutboxWorker;
  close(): Promise<void>;
}

/** Start everything on an open database: migrate, start the mail worker, build the server. */
export async function startRegie(config: Config, db: Db, opts: { clock?: Clock; transport?: MailTransport } = {}): Promise<Running> {
  await migrate(db);
  const deps: Deps = { db, clock: opts.clock ?? systemClock, config };
  const outbox = startOutboxWorker(db, opts.transport ?? mailTransportFor(config), config.mailFrom, deps.clock);
  const app = await buildApp(deps);
  return {
    app,
    deps,
    outbox,
    async close() {
      await app.close();
      await outbox.stop();
    },
  };
}
