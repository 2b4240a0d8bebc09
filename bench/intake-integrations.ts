// Benchmark of the complete intake with its integrations (docs/performance.md, "Intake
// met bijlage en ZGW"): the largest municipality registers every case as a zaak
// (docs/product.md#zgw-registration) in a fake Zaken API on this machine, and allows
// files (docs/product.md#attachments). Each request of the load is a complete intake:
// POST /api/v1/cases and then one small real PDF or PNG on it — every other one a
// public intake with the public upload, the others registered by the coordinator at
// the desk with the staff upload. The ZGW worker runs meanwhile, as in `regie serve`.
// Afterwards the outbox is left to drain and the zaken the fake received are counted:
// staff intakes are zaken at once, public ones only once confirmed (none are here).
//
// The fake validates every request against the Zaken API specification; it runs in a
// process of its own (bench/fake-zgw-process.ts) so that its CPU is reported
// separately and not as Regie's.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/kernel/clock.js';
import { toActor, unsafeCreateApiTokenForEmail } from '../src/modules/identity/index.js';
import { startZgwWorker, updateZgwSettings } from '../src/modules/zgw/index.js';
import { loadConfig } from '../src/platform/config.js';
import type { Deps } from '../src/platform/context.js';
import type { Db } from '../src/platform/db/index.js';
import { cpuShare, sampleCpu } from './cpu.js';
import type { FakeZgwMessage, FakeZgwStats } from './fake-zgw-process.js';
import type { HttpScenario } from './load-worker.js';
import { type Recorded, type Summary, summarize } from './stats.js';

export const INTAKE_RPS_TARGET = 100;
const DRAIN_DEADLINE_S = 600;
const FIXTURES = fileURLToPath(new URL('../src/modules/attachments/fixtures/', import.meta.url));
const ZGW_SECRET = 'bench-zgw-client-secret-0123456789';
const RSIN = '002564440';

export interface IntakeIntegrationsOptions {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** the largest municipality */
  municipality: { id: string; slug: string; name: string };
  clients: number;
  runHttp: (origin: string, scenario: HttpScenario) => Promise<Recorded>;
  log: (line: string) => void;
  pgPort?: number;
}

export interface IntakeIntegrationsResult {
  summary: Summary;
  met: boolean;
  zaken: number;
  expectedZaken: number;
  drainSeconds: number;
  /** what went wrong with the integrations: no zaken, violations, failed tasks */
  problems: string[];
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

function ticksOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

interface FakeProcess {
  proc: ChildProcess;
  zakenUrl: string;
  stats(): Promise<FakeZgwStats>;
  stop(): Promise<void>;
}

async function startFakeProcess(clientId: string): Promise<FakeProcess> {
  const file = fileURLToPath(new URL('./fake-zgw-process.ts', import.meta.url));
  const proc = fork(file, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: { ...process.env, FAKE_ZGW_CLIENT_ID: clientId, FAKE_ZGW_SECRET: ZGW_SECRET },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends FakeZgwMessage['type']>(type: T) =>
    new Promise<Extract<FakeZgwMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (m: FakeZgwMessage) => {
        if (m.type !== type) return;
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve(m as Extract<FakeZgwMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the fake Zaken API process exited with ${code}`));
      proc.on('message', onMessage);
      proc.once('exit', onExit);
    });
  const { zakenUrl } = await next('ready');
  return {
    proc,
    zakenUrl,
    async stats() {
      const answer = next('stats');
      proc.send({ type: 'stats' });
      const { type: _t, ...s } = await answer;
      return s;
    },
    async stop() {
      if (proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.send({ type: 'stop' });
      });
    },
  };
}

export async function benchIntakeIntegrations(o: IntakeIntegrationsOptions): Promise<IntakeIntegrationsResult> {
  const { db, log } = o;
  const k = db.unsafeAdmin;
  const m = o.municipality;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-intake-'));
  // The load generator stands in for a reverse proxy: X-Forwarded-For names a new client per intake.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1', DATA_DIR: dataDir }), publicUrl: 'http://127.0.0.1', secureCookies: false };
  const deps: Deps = { db, clock: systemClock, config };
  const clientId = `regie-${m.slug}`;
  const fake = await startFakeProcess(clientId);
  const app = await buildApp(deps);
  let worker: ReturnType<typeof startZgwWorker> | undefined;
  let adminActor: ReturnType<typeof toActor> | undefined;
  try {
    const staffOf = (role: 'admin' | 'coordinator') =>
      k.selectFrom('users').selectAll().where('municipality_id', '=', m.id).where('role', '=', role).orderBy('email').executeTakeFirstOrThrow();
    const [admin, coordinator] = [await staffOf('admin'), await staffOf('coordinator')];
    adminActor = toActor(admin, 'token');
    // ZGW registration switched on against the fake, through the module's own use-case.
    await updateZgwSettings(
      { ...deps, actor: adminActor },
      {
        enabled: true,
        zakenUrl: fake.zakenUrl,
        zaaktypeUrl: 'https://ztc.example/catalogi/api/v1/zaaktypen/0b1c4f2e-5d7a-4a3e-9d1b-2f6c8e0a7b11',
        statustypeIntakeUrl: 'https://ztc.example/catalogi/api/v1/statustypen/11111111-1111-4111-8111-111111111111',
        statustypePlanAgreedUrl: 'https://ztc.example/catalogi/api/v1/statustypen/22222222-2222-4222-8222-222222222222',
        statustypeClosedUrl: 'https://ztc.example/catalogi/api/v1/statustypen/33333333-3333-4333-8333-333333333333',
        rsin: RSIN,
        clientId,
        clientSecret: ZGW_SECRET,
      },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // The attachment limits, set by the administrator as in the web app.
    const adminToken = (await unsafeCreateApiTokenForEmail(deps, { email: admin.email, name: 'benchmark' })).token;
    const limits = await fetch(`${origin}/api/v1/attachment-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ maxFileMb: 10, maxFiles: 10 }),
    });
    if (!limits.ok) throw new Error(`PUT /api/v1/attachment-settings: ${limits.status} ${await limits.text()}`);
    const staffToken = (await unsafeCreateApiTokenForEmail(deps, { email: coordinator.email, name: 'benchmark' })).token;
    const areaIds = (await k.selectFrom('areas').select('id').where('municipality_id', '=', m.id).orderBy('name').execute()).map((r) => r.id);
    const themeIds = (await k.selectFrom('themes').select('id').where('municipality_id', '=', m.id).orderBy('name').execute()).map((r) => r.id);
    const files = [
      { name: 'tekening.pdf', type: 'application/pdf', path: path.join(FIXTURES, 'tekening.pdf') },
      { name: 'tekening.png', type: 'image/png', path: path.join(FIXTURES, 'tekening.png') },
    ];
    const taskCount = async (where: 'all' | 'pending' | 'failed' | 'create') => {
      let q = k
        .selectFrom('zgw_tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', m.id);
      if (where === 'pending' || where === 'failed') q = q.where('status', '=', where);
      if (where === 'create') q = q.where('step', '=', 'create');
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const before = { all: await taskCount('all'), create: await taskCount('create'), zaken: (await fake.stats()).zaken };
    const attachments0 = Number(
      (
        await k
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('municipality_id', '=', m.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    log(
      `  subject: ${m.name}; ZGW registration on, Zaken API: the fake (pid ${fake.proc.pid}, validates every request against zaken-1.5.1.yaml); files up to 10 MB, 10 per intake; ${o.clients} clients; the ZGW worker runs during the load`,
    );

    worker = startZgwWorker(deps, { log: (message, err) => log(`  ZGW worker: ${message}: ${String(err)}`) });
    const c0 = sampleCpu(o.pgPort);
    const f0 = ticksOf(fake.proc.pid);
    const t0 = performance.now();
    const rec = await o.runHttp(origin, { kind: 'intakeWithFile', municipality: m.slug, areaIds, themeIds, token: staffToken, files });
    // The complete intakes are the figure; the steps (successful ones) are shown apart.
    const isStep = (label: string) => label.startsWith('step: ');
    const only = (keep: (label: string) => boolean): Recorded => ({
      ...rec,
      latencies: Object.fromEntries(Object.entries(rec.latencies).filter(([l]) => keep(l))),
      errors: Object.fromEntries(Object.entries(rec.errors).filter(([l]) => keep(l))),
    });
    const s = summarize(
      'intake + file (POST /cases, then the file)',
      only((l) => !isStep(l)),
    );
    const steps = summarize('the steps apart', only(isStep));
    const loadSeconds = (performance.now() - t0) / 1000;
    const share = cpuShare(c0, sampleCpu(o.pgPort), loadSeconds);
    const fakeCores = (ticksOf(fake.proc.pid) - f0) / 100 / loadSeconds;
    const tLoadEnd = performance.now();
    const pendingAtEnd = await taskCount('pending');
    // The outbox drains with the worker's own rounds; nothing here hurries it.
    let pending = pendingAtEnd;
    while (pending > 0 && (performance.now() - tLoadEnd) / 1000 < DRAIN_DEADLINE_S) {
      await new Promise((r) => setTimeout(r, 100));
      pending = await taskCount('pending');
    }
    const drainSeconds = (performance.now() - tLoadEnd) / 1000;
    await worker.stop();
    worker = undefined;
    const stats = await fake.stats();
    const tasks = (await taskCount('all')) - before.all;
    const expectedZaken = (await taskCount('create')) - before.create;
    const zaken = stats.zaken - before.zaken;
    const failed = await taskCount('failed');
    const attachments =
      Number(
        (
          await k
            .selectFrom('attachments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('municipality_id', '=', m.id)
            .executeTakeFirstOrThrow()
        ).n,
      ) - attachments0;

    const met = s.rps >= INTAKE_RPS_TARGET && s.errors === 0;
    const label = o.engine === 'postgres' ? '' : ' (information: the target is for PostgreSQL)';
    log(
      `  ${s.name.padEnd(44)} ${String(s.requests).padStart(6)} req  ${fmt(s.rps).padStart(7)} req/s  p50 ${fmt(s.p50, 2)}  p95 ${fmt(s.p95, 2)}  p99 ${fmt(s.p99, 2)} ms  errors ${s.errors}`,
    );
    for (const b of s.byLabel)
      log(
        `      ${b.name.padEnd(40)} ${String(b.requests).padStart(6)} req  ${fmt(b.rps).padStart(7)} req/s  p50 ${fmt(b.p50, 2)}  p95 ${fmt(b.p95, 2)}  p99 ${fmt(b.p99, 2)} ms  errors ${b.errors}`,
      );
    for (const b of [...steps.byLabel].sort((a, b) => a.name.localeCompare(b.name)))
      log(`      ${b.name.padEnd(40)} ${String(b.requests).padStart(6)} req  p50 ${fmt(b.p50, 2)}  p95 ${fmt(b.p95, 2)}  p99 ${fmt(b.p99, 2)} ms`);
    if (share)
      log(
        `  cpu during the load (warm-up included): node ${fmt(share.self, 2)} (server, ZGW worker, load generator), postgres ${fmt(share.postgres, 2)}, fake Zaken API ${fmt(fakeCores, 2)}, other processes ${fmt(Math.max(0, share.other - fakeCores), 2)}, idle ${fmt(share.idle, 2)} cores`,
      );
    if (s.errors) log(`  ERRORS in ${s.name}:\n      ${s.errorDetail.join('\n      ')}`);
    log(`  target: intake ≥ ${INTAKE_RPS_TARGET} req/s on PostgreSQL: ${fmt(s.rps)} req/s  ${met ? 'MET' : 'NOT MET'}${label}`);
    log(
      `  files stored: ${attachments.toLocaleString('en')}; ZGW: ${tasks.toLocaleString('en')} tasks queued (${expectedZaken.toLocaleString('en')} zaken to create: the staff intakes), ${pendingAtEnd.toLocaleString('en')} still pending when the load ended`,
    );
    log(
      `  ZGW outbox drained in ${fmt(drainSeconds, 2)} s after the load${pending > 0 ? ` — NOT drained: ${pending} pending after ${DRAIN_DEADLINE_S} s` : ''}; the fake received ${zaken.toLocaleString('en')} zaken, ${stats.statussen.toLocaleString('en')} statussen, ${stats.requests.toLocaleString('en')} requests in all; ${stats.violations.length} violations of the specification; ${failed} failed tasks`,
    );
    const problems: string[] = [];
    if (zaken === 0) problems.push('the fake Zaken API received no zaak: ZGW registration did not run');
    if (zaken !== expectedZaken) problems.push(`the fake received ${zaken} zaken, ${expectedZaken} were queued`);
    if (pending > 0) problems.push(`${pending} ZGW tasks still pending after ${DRAIN_DEADLINE_S} s`);
    if (failed > 0) problems.push(`${failed} ZGW tasks failed`);
    if (stats.violations.length) problems.push(`violations of the Zaken API specification: ${stats.violations.slice(0, 3).join('; ')}`);
    for (const p of problems) log(`  FAILED: ${p}`);
    return { summary: s, met, zaken, expectedZaken, drainSeconds, problems };
  } finally {
    await worker?.stop();
    // Switched off again: the scenarios after this one write cases too, and the fake is gone.
    if (adminActor) await updateZgwSettings({ ...deps, actor: adminActor }, { enabled: false });
    await app.close();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
