// The same load on one and on two `regie serve` processes on one PostgreSQL database
// (docs/performance.md, "Two processes"). Each process is the real command, started
// as an operator starts it; the load generator (a worker thread of the benchmark)
// spreads its clients over the processes. Reported per run: throughput, p99, and
// where the CPU went — the server processes, PostgreSQL, the load generator (this
// process), everything else — from /proc/<pid>/stat utime+stime deltas.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuShare, sampleCpu, waitQuiet } from './cpu.js';
import type { HttpScenario } from './load-worker.js';
import type { Recorded, Summary } from './stats.js';
import { summarize } from './stats.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ProcessRun {
  processes: number;
  scenario: string;
  summary: Summary;
  /** cores' worth of CPU: server processes, PostgreSQL, load generator, everything else */
  cpu?: { servers: number; postgres: number; load: number; other: number };
}

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

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string, dataDir: string): Promise<{ proc: ChildProcess; origin: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/regie.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://127.0.0.1',
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '127.0.0.1',
      REGIE_DEMO: 'false',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += String(d);
      if (out.includes('Regie draait op')) resolve();
    };
    proc.stdout?.on('data', seen);
    proc.stderr?.on('data', seen);
    proc.once('exit', (code) => reject(new Error(`regie serve exited with ${code}: ${out}`)));
  });
  return { proc, origin: `http://127.0.0.1:${port}` };
}

async function stopServer(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

function merge(parts: Recorded[]): Recorded {
  const out: Recorded = { latencies: {}, errors: {}, errorSamples: [], measuredMs: parts[0]?.measuredMs ?? 0 };
  for (const p of parts) {
    for (const [k, v] of Object.entries(p.latencies)) out.latencies[k] = [...(out.latencies[k] ?? []), ...v];
    for (const [k, v] of Object.entries(p.errors)) out.errors[k] = (out.errors[k] ?? 0) + v;
    out.errorSamples.push(...p.errorSamples.slice(0, 5 - out.errorSamples.length));
  }
  return out;
}

/**
 * Runs `scenarios` against 1 and then 2 server processes on `databaseUrl`, the same
 * total clients each time (split over the processes). `load(origin, clients, scenario)`
 * is the benchmark's load generator.
 */
export async function benchProcesses(opts: {
  databaseUrl: string;
  pgPort?: number;
  clients: number;
  scenarios: Array<{ name: string; scenario: HttpScenario }>;
  load: (origin: string, clients: number, scenario: HttpScenario) => Promise<Recorded>;
  log: (s?: string) => void;
  /** as --quiet-wait: before each measurement wait up to this many seconds for a quiet machine */
  quietWaitS?: number;
}): Promise<ProcessRun[]> {
  const runs: ProcessRun[] = [];
  for (const n of [1, 2]) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-bench-proc-'));
    const servers: Array<{ proc: ChildProcess; origin: string }> = [];
    try {
      servers.push(...(await Promise.all(Array.from({ length: n }, () => startServer(opts.databaseUrl, dataDir)))));
      opts.log(`  ${n} × regie serve (pids ${servers.map((s) => s.proc.pid).join(', ')}), ${opts.clients} clients in all`);
      for (const { name, scenario } of opts.scenarios) {
        if (opts.quietWaitS && (await waitQuiet(opts.pgPort, opts.quietWaitS)) < 0)
          opts.log(`  (the machine stayed busy for ${opts.quietWaitS} s; measuring anyway)`);
        const c0 = sampleCpu(opts.pgPort);
        const s0 = servers.reduce((t, s) => t + ticksOf(s.proc.pid), 0);
        const t0 = performance.now();
        const parts = await Promise.all(servers.map((s, i) => opts.load(s.origin, Math.floor(opts.clients / n) + (i < opts.clients % n ? 1 : 0), scenario)));
        const seconds = (performance.now() - t0) / 1000;
        const share = cpuShare(c0, sampleCpu(opts.pgPort), seconds);
        const serverCores = (servers.reduce((t, s) => t + ticksOf(s.proc.pid), 0) - s0) / 100 / seconds;
        const summary = summarize(`${name} ×${n}`, merge(parts));
        const cpu = share ? { servers: serverCores, postgres: share.postgres, load: share.self, other: Math.max(0, share.other - serverCores) } : undefined;
        runs.push({ processes: n, scenario: name, summary, cpu });
        const f = (x: number, d = 1) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
        opts.log(
          `  ${`${name}, ${n} process${n > 1 ? 'es' : ''}`.padEnd(34)} ${f(summary.rps).padStart(8)} req/s  p50 ${f(summary.p50, 2)}  p99 ${f(summary.p99, 2)} ms  errors ${summary.errors}` +
            (cpu ? `  cpu servers ${f(cpu.servers, 2)} / postgres ${f(cpu.postgres, 2)} / load ${f(cpu.load, 2)} / other ${f(cpu.other, 2)} cores` : ''),
        );
        if (summary.errors) opts.log(`    ${summary.errorDetail.join('\n    ')}`);
      }
    } finally {
      await Promise.all(servers.map((s) => stopServer(s.proc)));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return runs;
}
