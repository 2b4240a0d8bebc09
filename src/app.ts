// Wiring, in one place: database, migrations, outbox worker, HTTP server and the
// routes of every module. No module registers itself.
import { globalAbilities } from './abilities.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { type AssessmentWorker, assessmentRoutes, startAssessmentWorker } from './modules/assessments/index.js';
import { attachmentRoutes, fileStoreFor, startOrphanCleanup } from './modules/attachments/index.js';
import { auditRoutes, startRetentionJob } from './modules/audit/index.js';
import { benchmarkRoutes, startBenchmarkJob } from './modules/benchmark/index.js';
import { caseRoutes, timelineRoutes, unsafeConfirmIntake, unsafeResendCaseLink } from './modules/cases/index.js';
import { collaborationFigureSource, collaborationReminders, collaborationRoutes, startCollaborationHealthJob } from './modules/collaborations/index.js';
import { commitmentRoutes, type ReminderWorker, startCommitmentReminders } from './modules/commitments/index.js';
import { councilRoutes } from './modules/council/index.js';
import { dossierRoutes } from './modules/dossier/index.js';
import { geoRoutes } from './modules/geo/index.js';
import { accountRoutes, identityRoutes, oidcRoutes, sessionOrTokenAuthentication } from './modules/identity/index.js';
import { type InsightsProviders, type InsightsWorker, insightsRoutes, startInsightsJob } from './modules/insights/index.js';
import { intermunicipalRoutes, sharedRequestFigureSource } from './modules/intermunicipal/index.js';
import { mandateRoutes } from './modules/mandates/index.js';
import { organisationRoutes } from './modules/organisation/index.js';
import { participationFigureSource, participationRoutes, startResponseCleanup } from './modules/participation/index.js';
import { planRoutes } from './modules/plans/index.js';
import { rulesRoutes } from './modules/rules/index.js';
import { satisfactionFigureSource, satisfactionRoutes, unsafeMonthlyMarks } from './modules/satisfaction/index.js';
import { startWebhookWorker, type WebhookWorker, webhookRoutes } from './modules/webhooks/index.js';
import { startZgwWorker, type ZgwWorker, zgwRoutes } from './modules/zgw/index.js';
import { type Config, mailDir, pgliteDir } from './platform/config.js';
import type { Deps } from './platform/context.js';
import { type Db, openDatabase } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { type App, buildServer } from './platform/http/server.js';
import type { Job } from './platform/jobs.js';
import { fileTransport, type MailTransport, type OutboxWorker, smtpTransport, startOutboxWorker } from './platform/mail/outbox.js';
import { type ProcessHeartbeat, startHeartbeat } from './platform/processes.js';

export async function openConfiguredDatabase(config: Config): Promise<Db> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: pgliteDir(config) });
}

export function mailTransportFor(config: Config): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(mailDir(config));
}

/**
 * The report marks, the responses, the collaborations and the requests to other
 * municipalities as sections of the management information (docs/product.md#management-information).
 */
export const insightsProviders = {
  satisfaction: satisfactionFigureSource,
  participation: participationFigureSource,
  collaborations: collaborationFigureSource,
  // requests to other municipalities answered on time (docs/product.md#requests-to-other-municipalities-in-figures)
  sharedRequests: sharedRequestFigureSource,
} satisfies InsightsProviders;

export async function buildApp(deps: Deps): Promise<App> {
  return buildServer(deps, {
    authenticate: sessionOrTokenAuthentication(deps),
    register: (app) => {
      identityRoutes(app, deps, globalAbilities, (trx, link) => unsafeConfirmIntake(trx, deps, link));
      accountRoutes(app, deps, (trx, link) => unsafeResendCaseLink(trx, deps, link));
      organisationRoutes(app, deps);
      caseRoutes(app, deps);
      planRoutes(app, deps);
      timelineRoutes(app, deps);
      rulesRoutes(app, deps);
      mandateRoutes(app, deps);
      commitmentRoutes(app, deps);
      assessmentRoutes(app, deps);
      dossierRoutes(app, deps);
      auditRoutes(app, deps);
      councilRoutes(app, deps);
      benchmarkRoutes(app, deps);
      participationRoutes(app, deps);
      satisfactionRoutes(app, deps);
      insightsRoutes(app, deps, insightsProviders);
      collaborationRoutes(app, deps);
      intermunicipalRoutes(app, deps);
      // files on the intake, messages, answers and commitments (docs/attachments.md)
      attachmentRoutes(app, deps, fileStoreFor(deps.config));
      // address suggestions, the map's settings and the areas' boundaries (docs/geo.md)
      geoRoutes(app, deps);
      // notifications to other systems (docs/product.md#webhooks)
      webhookRoutes(app, deps);
      // every case also a zaak in the municipality's zaaksysteem (docs/zgw.md)
      zgwRoutes(app, deps);
      // logging in through OpenID Connect (staff single sign-on, DigiD, eHerkenning)
      oidcRoutes(app, deps);
    },
  });
}

export interface Running {
  app: App;
  deps: Deps;
  outbox: OutboxWorker;
  /** this process's row among the running processes */
  heartbeat: ProcessHeartbeat;
  /** the silence job of assessment rounds (runs at start, then periodically) */
  assessments: AssessmentWorker;
  /** reminders before commitments' due dates (runs at start, then hourly) */
  commitmentReminders: ReminderWorker;
  /** pseudonymises the initiators of cases past the retention term (daily) */
  retention: Job;
  /** the headline figures per municipality and month for comparing municipalities */
  benchmark: Job;
  /** keeps the management-information rollup up to date from the event log */
  insights: InsightsWorker;
  /** delivers webhook events to other systems (docs/product.md#webhooks) */
  webhooks: WebhookWorker;
  /** registers cases as zaken in the municipality's zaaksysteem (docs/zgw.md) */
  zgw: ZgwWorker;
  close(): Promise<void>;
}

/** Start everything on an open database: migrate, start the mail worker, build the server. */
export async function startRegie(config: Config, db: Db, opts: { clock?: Clock; transport?: MailTransport } = {}): Promise<Running> {
  await migrate(db);
  const deps: Deps = { db, clock: opts.clock ?? systemClock, config };
  // This process on the database: its outbox leases carry its id (processes.ts).
  const heartbeat = await startHeartbeat(db, deps.clock);
  const outbox = startOutboxWorker(
    db,
    opts.transport ?? mailTransportFor(config),
    config.mailFrom,
    deps.clock,
    undefined,
    new URL(config.publicUrl).hostname,
    heartbeat.id,
  );
  const assessments = startAssessmentWorker(deps);
  // the agreements within a collaboration are reminded too, their events on its own timeline
  const commitmentReminders = startCommitmentReminders(deps, undefined, collaborationReminders);
  const retention = startRetentionJob(deps);
  // the average report mark comes from the satisfaction survey (docs/product.md#comparing-municipalities)
  const benchmark = startBenchmarkJob(deps, { marks: unsafeMonthlyMarks });
  // unconfirmed responses past their link's lifetime are deleted (docs/product.md#responding-to-a-case)
  const responseCleanup = startResponseCleanup(deps);
  // The background jobs of the modules; each stops cleanly at shutdown.
  const insights = startInsightsJob(deps);
  // stored files that no attachment names any more, after a day (docs/product.md#attachments)
  const orphanFiles = startOrphanCleanup(deps, fileStoreFor(config));
  // the findings of the collaborations' health check that come with time (docs/product.md#the-health-check-of-a-collaboration)
  const collaborationHealth = startCollaborationHealthJob(deps);
  // Webhook deliveries carry this process's id on their leases, like the mail outbox.
  const webhooks = startWebhookWorker(deps, { owner: heartbeat.id });
  // ZGW registration tasks, leased the same way (docs/zgw.md)
  const zgw = startZgwWorker(deps, { owner: heartbeat.id, files: fileStoreFor(config) });
  const jobs = [assessments, commitmentReminders, retention, benchmark, responseCleanup, insights, orphanFiles, collaborationHealth, webhooks, zgw];
  const app = await buildApp(deps);
  // Once closing, every answer still going out closes its connection: a keep-alive
  // connection whose request was in flight would otherwise hold the shutdown open
  // for the whole keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  return {
    app,
    deps,
    outbox,
    heartbeat,
    assessments,
    commitmentReminders,
    retention,
    benchmark,
    insights,
    webhooks,
    zgw,
    /**
     * Stops accepting and waits for the requests in flight, then for the jobs' current
     * runs (each stops after its current batch or mail, so no lease is left behind).
     * The database stays open: its owner closes it.
     */
    async close() {
      const stopped: PromiseSettledResult<unknown>[] = await Promise.allSettled([app.close()]);
      stopped.push(...(await Promise.allSettled([...jobs.map((j) => j.stop()), outbox.stop()])));
      // Last: the outbox has released its leases; now nothing is held in this process's name.
      stopped.push(...(await Promise.allSettled([heartbeat.stop()])));
      const failed = stopped.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
