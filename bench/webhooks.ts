// `npm run bench:webhooks`: how fast the webhook outbox delivers (docs/performance.md#webhooks).
// A fresh database per engine, one municipality with one subscription to a receiver on
// this machine (node:http, answers 204), N events recorded in batches (the trigger
// writes one delivery per event in the event's transaction), then the outbox worker's
// delivery rounds until every delivery is marked delivered. Reports events per second
// for the fan-out and for the delivery, and MET / NOT MET against 200 events/s on
// PostgreSQL.
//
//   npx tsx bench/webhooks.ts                         5000 events, PostgreSQL
//   npx tsx bench/webhooks.ts --events 20000 --engines postgres,pglite
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { systemClock } from '../src/kernel/clock.js';
import { submitCase } from '../src/modules/cases/index.js';
import { type EventRecord, recordEvents } from '../src/modules/timeline/index.js';
import { createSubscription, unsafeDeliverDueWebhooks, updateWebhookSettings } from '../src/modules/webhooks/index.js';
import type { Actor } from '../src/platform/auth/index.js';
import { loadConfig } from '../src/platform/config.js';
import type { Deps } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { startPgCluster } from '../src/testing/pg-cluster.js';

const TARGET = 200;
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: process.env.BENCH_WEBHOOK_EVENTS ?? '5000' },
    engines: { type: 'string', default: process.env.BENCH_ENGINES ?? 'postgres' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '100' },
  },
});
const EVENTS = Number(args.events);
const ENGINES = String(args.engines)
  .split(',')
  .map((e) => e.trim()) as ('pglite' | 'postgres')[];
if (!Number.isInteger(EVENTS) || EVENTS < 100) throw new Error('--events must be an integer ≥ 100');

async function run(engine: 'pglite' | 'postgres') {
  const cluster = engine === 'postgres' ? await startPgCluster() : undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-webhooks-'));
  const db = await (cluster ? openDatabase({ url: cluster.url, poolSize: 10 }) : openDatabase({ dataDir: path.join(dataDir, 'pglite') }));
  const received = { n: 0, bad: 0 };
  let verifier: Webhook | undefined;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.n++;
      // Every 50th is verified as a receiver would: the signature must hold.
      if (verifier && received.n % 50 === 0) {
        try {
          verifier.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        } catch {
          received.bad++;
        }
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
  try {
    await migrate(db);
    const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SECRET_KEY: 'bench-secret-that-seals-webhook-secrets-0123' }) };
    config.webhooks.allowHttp = true;
    const deps: Deps = { db, clock: systemClock, config };
    const m = await db.unsafeAdmin
      .insertInto('municipalities')
      .values({ slug: 'bench', name: 'Gemeente Bench', case_prefix: 'BW' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const u = await db.unsafeAdmin
      .insertInto('users')
      .values({ municipality_id: m.id, email: 'beheer@bench.test', name: 'Beheer', role: 'admin', locale: 'nl' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const admin: Actor = { userId: u.id, municipalityId: m.id, role: 'admin', name: u.name, email: u.email, departmentId: null, locale: 'nl', via: 'token' };
    const ctx = { ...deps, actor: admin };
    const c = await submitCase(deps, {
      municipalityId: m.id,
      initiator: { name: 'Bench', email: 'bench@example.nl' },
      title: 'Bench',
      description: 'Bench',
      location: 'Bench',
      channel: 'web',
    });
    await updateWebhookSettings(ctx, { oin: '00000001001234567000' });
    const { secret } = await createSubscription(ctx, { url });
    verifier = new Webhook(secret);
    const before = Number(
      (
        await db.unsafeAdmin
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    // Fan-out: the events, 500 per transaction, each writing its delivery by trigger.
    const t0 = performance.now();
    for (let i = 0; i < EVENTS; i += 500) {
      const batch: EventRecord[] = Array.from({ length: Math.min(500, EVENTS - i) }, (_, k) => ({
        by: { municipalityId: m.id, actorId: null, at: new Date() },
        caseId: c.id,
        visibility: 'internal',
        event: { type: 'case.statusChanged', payload: { from: 'intake', to: 'planning', reason: null, planDueOn: null } },
        // one millisecond apart, in order, and never in the future: a delivery is due from its event's time
        at: new Date(Date.now() - EVENTS + i + k),
      }));
      await db.tenant(m.id, (trx) => recordEvents(trx, batch));
    }
    const fanoutS = (performance.now() - t0) / 1000;
    const queued = EVENTS;

    // Delivery: the worker's rounds until nothing is due.
    const t1 = performance.now();
    let delivered = 0;
    while (delivered < queued + before) {
      const n = await unsafeDeliverDueWebhooks(deps, { owner: undefined, batch: Number(args.batch), concurrency: Number(args.concurrency) });
      if (!n) break;
      delivered += n;
    }
    const deliverS = (performance.now() - t1) / 1000;
    const rate = delivered / deliverS;
    const left = await db.unsafeAdmin.selectFrom('webhook_deliveries').select('status').where('status', '<>', 'delivered').execute();
    return {
      engine,
      events: EVENTS,
      fanoutPerS: EVENTS / fanoutS,
      delivered,
      deliverS,
      rate,
      received: received.n,
      badSignatures: received.bad,
      notDelivered: left.length,
    };
  } finally {
    receiver.closeAllConnections();
    receiver.close();
    await db.close();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const uptime = (() => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`;
  }
})();
console.log(`webhook outbox bench: ${EVENTS} events, ${os.cpus().length} cores; uptime: ${uptime}`);
for (const engine of ENGINES) {
  const r = await run(engine);
  const verdict = engine === 'postgres' ? (r.rate >= TARGET && r.notDelivered === 0 && r.badSignatures === 0 ? 'MET' : 'NOT MET') : '(no target)';
  console.log(
    `${engine}: fan-out ${r.fanoutPerS.toFixed(0)} events/s; delivered ${r.delivered} in ${r.deliverS.toFixed(2)} s = ${r.rate.toFixed(0)} events/s ` +
      `(received ${r.received}, bad signatures ${r.badSignatures}, not delivered ${r.notDelivered}); target ≥ ${TARGET}/s on PostgreSQL: ${verdict}`,
  );
}
console.log(`uptime after: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
