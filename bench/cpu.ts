// Where the CPU went during a scenario (Linux /proc; elsewhere it reports nothing):
// this process (server + load generator), the PostgreSQL server of the benchmark,
// and everything else on the machine. The machine may be shared, so "other" says
// how much a measurement was disturbed.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSample {
  total: number;
  idle: number;
  self: number;
  postgres: number;
}

export interface CpuShare {
  /** cores' worth of CPU used, e.g. 1.6 = 160 % of one core */
  self: number;
  postgres: number;
  other: number;
  idle: number;
}

function procTicks(pid: number | string): { ticks: number; reaped: number; ppid: number; cmd: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, and the
    // time of reaped children (cutime, cstime) fields 16 and 17.
    return {
      ticks: Number(fields[11]) + Number(fields[12]),
      reaped: Number(fields[13]) + Number(fields[14]),
      ppid: Number(fields[1]),
      cmd: stat.slice(stat.indexOf('(') + 1, close),
    };
  } catch {
    return undefined;
  }
}

/** `postgresPort`: the benchmark's PostgreSQL server, found by its `-p PORT` argument. */
export function sampleCpu(postgresPort?: number): CpuSample | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (line[3] ?? 0) + (line[4] ?? 0);
    const self = procTicks(process.pid)?.ticks ?? 0;
    let postgres = 0;
    if (postgresPort) {
      const procs = readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .map((pid) => ({ pid: Number(pid), ...procTicks(pid) }))
        .filter((p) => p.ticks !== undefined);
      const master = procs.find((p) => {
        if (p.cmd !== 'postgres') return false;
        try {
          return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').join(' ').includes(`-p ${postgresPort}`);
        } catch {
          return false;
        }
      });
      // Backends that ended (parallel workers, closed connections) count through the
      // postmaster's reaped-children time.
      if (master) postgres = (master.reaped ?? 0) + procs.filter((p) => p.pid === master.pid || p.ppid === master.pid).reduce((n, p) => n + (p.ticks ?? 0), 0);
    }
    return { total, idle, self, postgres };
  } catch {
    return undefined;
  }
}

export function cpuShare(a: CpuSample | undefined, b: CpuSample | undefined, seconds: number): CpuShare | undefined {
  if (!a || !b || seconds <= 0) return undefined;
  const hz = 100; // USER_HZ on Linux
  const cores = (ticks: number) => ticks / hz / seconds;
  const busy = b.total - b.idle - (a.total - a.idle);
  const self = b.self - a.self;
  const postgres = b.postgres - a.postgres;
  return { self: cores(self), postgres: cores(postgres), other: Math.max(0, cores(busy - self - postgres)), idle: cores(b.idle - a.idle) };
}

/**
 * Wait until the rest of the machine has been quiet (other processes below
 * `threshold` cores) for `quietSeconds` in a row, at most `maxSeconds`; returns the
 * seconds waited, or -1 when it gave up.
 */
export async function waitQuiet(postgresPort: number | undefined, maxSeconds: number, threshold = 0.25, quietSeconds = 5): Promise<number> {
  const t0 = performance.now();
  let quiet = 0;
  for (;;) {
    const a = sampleCpu(postgresPort);
    await new Promise((r) => setTimeout(r, 1000));
    const share = cpuShare(a, sampleCpu(postgresPort), 1);
    if (!share) return 0;
    quiet = share.other < threshold ? quiet + 1 : 0;
    const waited = (performance.now() - t0) / 1000;
    if (quiet >= quietSeconds) return waited - quietSeconds;
    if (waited >= maxSeconds) return -1;
  }
}
