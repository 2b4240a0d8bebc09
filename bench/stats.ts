// Closed-loop load with latency recording, shared by the HTTP worker and the raw-SQL
// scenario: N clients each send a request, wait for the full answer, and send the
// next, for a warm-up (not recorded) and then the measured duration.

export interface Recorded {
  /** latencies in ms per label (one label per request variant) */
  latencies: Record<string, number[]>;
  /** error count per "label status" */
  errors: Record<string, number>;
  /** the first few error answers, for the report */
  errorSamples: string[];
  measuredMs: number;
  /** CPU time of the load generator's own thread over the whole run, warm-up included, in ms (Linux; else absent) */
  loadCpuMs?: number;
}

export type RecordFn = (label: string, startedAt: number, status: number, detail?: () => string) => void;

export interface LoopOptions {
  clients: number;
  warmupMs: number;
  durationMs: number;
  /** One request of client `client`; calls `record` once per request it makes. */
  step: (client: number, record: RecordFn) => Promise<void>;
}

export async function closedLoop(o: LoopOptions): Promise<Recorded> {
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupMs;
  const stopAt = measureFrom + o.durationMs;
  const out: Recorded = { latencies: {}, errors: {}, errorSamples: [], measuredMs: o.durationMs };
  const record: RecordFn = (label, startedAt, status, detail) => {
    // Count what was sent inside the measured window; what started in the warm-up does not count.
    if (startedAt < measureFrom || startedAt >= stopAt) return;
    const ms = performance.now() - startedAt;
    const list = out.latencies[label] ?? [];
    out.latencies[label] = list;
    list.push(ms);
    if (status < 200 || status > 299) {
      const key = `${label} ${status}`;
      out.errors[key] = (out.errors[key] ?? 0) + 1;
      if (out.errorSamples.length < 5) out.errorSamples.push(`${key}: ${detail?.().slice(0, 300) ?? ''}`);
    }
  };
  await Promise.all(
    Array.from({ length: o.clients }, async (_, c) => {
      // Bounded: every client stops once the window is over.
      while (performance.now() < stopAt) await o.step(c, record);
    }),
  );
  return out;
}

export interface Summary {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  errorDetail: string[];
  byLabel: Array<Omit<Summary, 'byLabel' | 'errorDetail'>>;
}

function pct(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function stats(name: string, values: number[], seconds: number, errors: number) {
  const s = Float64Array.from(values).sort();
  return { name, requests: s.length, rps: s.length / seconds, p50: pct(s, 0.5), p95: pct(s, 0.95), p99: pct(s, 0.99), max: s.at(-1) ?? Number.NaN, errors };
}

export function summarize(name: string, r: Recorded): Summary {
  const seconds = r.measuredMs / 1000;
  const errorsOf = (label: string) =>
    Object.entries(r.errors)
      .filter(([k]) => k.startsWith(`${label} `))
      .reduce((n, [, v]) => n + v, 0);
  const all = Object.values(r.latencies).flat();
  const totalErrors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return {
    ...stats(name, all, seconds, totalErrors),
    errorDetail: [...Object.entries(r.errors).map(([k, v]) => `${v} × ${k}`), ...r.errorSamples],
    byLabel: Object.entries(r.latencies).map(([label, v]) => stats(label, v, seconds, errorsOf(label))),
  };
}
