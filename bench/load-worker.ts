// The HTTP load generator. It runs in a worker thread so that sending requests and
// measuring them does not share an event loop with the server under test (which
// runs in the main thread, as `regie serve` does). Loopback only, keep-alive
// connections, one connection per client.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { closedLoop, type RecordFn } from './stats.js';

export type HttpScenario =
  /**
   * GET the paths in turn (each client starts at its own offset). `newAddress`: each
   * request names a new client address in X-Forwarded-For (public, rate-limited routes;
   * the server must trust the load generator as its proxy).
   */
  | { kind: 'get'; paths: Array<{ label: string; path: string }>; token?: string; newAddress?: boolean }
  /** GET a list query, then its next page via nextCursor, then the next query. */
  | { kind: 'list'; queries: Array<{ label: string; qs: string }>; token: string }
  /** POST /api/v1/cases with a fresh initiator and a fresh X-Forwarded-For address each time. */
  | { kind: 'intake'; municipality: string; areaIds: string[]; themeIds: string[] }
  /**
   * A complete intake: POST /api/v1/cases and then one file on it, from one new
   * X-Forwarded-For address each time. Every other one is a public intake with the
   * public upload; the others are registered by staff (`token`, channel desk) with the
   * staff upload. Recorded once per complete intake, from the first request's start
   * to the upload's answer.
   */
  | {
      kind: 'intakeWithFile';
      municipality: string;
      areaIds: string[];
      themeIds: string[];
      token: string;
      files: Array<{ name: string; type: string; path: string }>;
    }
  /** Send the requests in turn, each with its method and JSON body (each client starts at its own offset). */
  | { kind: 'send'; token: string; requests: Array<{ label: string; method: 'POST' | 'PUT'; path: string; body: unknown }> };

export interface LoadJob {
  origin: string; // http://127.0.0.1:port
  clients: number;
  warmupMs: number;
  durationMs: number;
  scenario: HttpScenario;
  /** distinguishes runs, so intake e-mail addresses and client addresses never repeat */
  runId: number;
}

const job = workerData as LoadJob;
const url = new URL(job.origin);
if (url.hostname !== '127.0.0.1') throw new Error('the load generator only talks to 127.0.0.1');
const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients, maxFreeSockets: job.clients });

function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: Number(url.port), method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ status: 0, text: String(e) }));
    });
    req.on('error', (e) => resolve({ status: 0, text: String(e) }));
    req.end(body);
  });
}

const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

function makeStep(s: HttpScenario): (client: number, record: RecordFn) => Promise<void> {
  const counters = new Array<number>(job.clients).fill(0);
  if (s.kind === 'get') {
    return async (c, record) => {
      const i = counters[c]!++;
      const p = s.paths[(c * 7919 + i) % s.paths.length]!;
      const address: Record<string, string> = s.newAddress ? { 'x-forwarded-for': `10.${200 + c}.${(i >> 8) & 255}.${i & 255}` } : {};
      const t = performance.now();
      const r = await send('GET', p.path, { ...auth(s.token), ...address });
      record(p.label, t, r.status, () => r.text);
    };
  }
  if (s.kind === 'list') {
    return async (c, record) => {
      const q = s.queries[(c * 31 + counters[c]!++) % s.queries.length]!;
      const t = performance.now();
      const r = await send('GET', `/api/v1/cases?${q.qs}`, auth(s.token));
      record(q.label, t, r.status, () => r.text);
      if (r.status !== 200) return;
      const cursor = (JSON.parse(r.text) as { nextCursor: string | null }).nextCursor;
      if (!cursor) return;
      const t2 = performance.now();
      const r2 = await send('GET', `/api/v1/cases?${q.qs}&cursor=${encodeURIComponent(cursor)}`, auth(s.token));
      record('next page (cursor)', t2, r2.status, () => r2.text);
    };
  }
  if (s.kind === 'send') {
    return async (c, record) => {
      const q = s.requests[(c * 7919 + counters[c]!++) % s.requests.length]!;
      const t = performance.now();
      const r = await send(q.method, q.path, { ...auth(s.token), 'content-type': 'application/json' }, JSON.stringify(q.body));
      record(q.label, t, r.status, () => r.text);
    };
  }
  if (s.kind === 'intakeWithFile') {
    const files = s.files.map((f) => ({ ...f, content: readFileSync(f.path) }));
    let n = 0;
    return async (c, record) => {
      const i = n++;
      const ip = `10.${128 + ((i >> 16) & 127)}.${(i >> 8) & 255}.${i & 255}`;
      const staff = i % 2 === 1;
      const label = staff ? 'staff intake + file' : 'public intake + file';
      const body = JSON.stringify({
        municipality: s.municipality,
        initiator: { name: `Bench Inwoner ${i}`, email: `bench-file-${job.runId}-${c}-${i}@voorbeeld.example` },
        title: 'Een aanbouw aan de achterkant van de woning',
        description: 'Wij willen een aanbouw van drie meter diep aan de achterkant. De tekening zit erbij.',
        location: `Dorpsstraat ${1 + (i % 180)}`,
        areaId: s.areaIds[i % s.areaIds.length],
        themeIds: [s.themeIds[i % s.themeIds.length]],
        ...(staff ? { channel: 'desk' } : {}),
      });
      const headers = { 'x-forwarded-for': ip, ...(staff ? auth(s.token) : {}) };
      const t = performance.now();
      const r = await send('POST', '/api/v1/cases', { ...headers, 'content-type': 'application/json' }, body);
      if (r.status !== 201) return record(label, t, r.status, () => `intake: ${r.text}`);
      record(`step: POST /cases (${staff ? 'staff' : 'public'})`, t, r.status);
      const id = (JSON.parse(r.text) as { id: string }).id;
      const f = files[i % files.length]!;
      const boundary = `----regiebench${job.runId}x${i}`;
      const multipart = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
        f.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const path = staff ? `/api/v1/cases/${id}/attachments?on=intake` : `/api/v1/public/municipalities/${s.municipality}/cases/${id}/attachments`;
      const t2 = performance.now();
      const r2 = await send('POST', path, { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart);
      record(label, t, r2.status, () => `upload: ${r2.text}`);
      if (r2.status === 201) record(`step: upload (${staff ? 'staff' : 'public'})`, t2, r2.status);
    };
  }
  let n = 0;
  return async (c, record) => {
    const i = n++;
    // The intake route allows 30 requests per minute per client address; the server
    // trusts X-Forwarded-For (trustProxy), so every request comes "from" a new address.
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const body = JSON.stringify({
      municipality: s.municipality,
      initiator: { name: `Bench Inwoner ${i}`, email: `bench-${job.runId}-${c}-${i}@voorbeeld.example` },
      title: 'Aanvraag voor een terras aan het plein',
      description: 'Wij willen graag een terras openen aan het plein in het centrum. De buren staan achter het plan.',
      location: `Kerkstraat ${1 + (i % 180)}`,
      areaId: s.areaIds[i % s.areaIds.length],
      themeIds: [s.themeIds[i % s.themeIds.length]],
    });
    const t = performance.now();
    const r = await send('POST', '/api/v1/cases', { 'content-type': 'application/json', 'x-forwarded-for': ip }, body);
    record('intake', t, r.status, () => r.text);
  };
}

/** CPU time of this thread in ms (utime + stime of /proc/thread-self/stat, in ticks of 10 ms), or undefined off Linux. */
function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const cpu0 = threadCpuMs();
const result = await closedLoop({ clients: job.clients, warmupMs: job.warmupMs, durationMs: job.durationMs, step: makeStep(job.scenario) });
const cpu1 = threadCpuMs();
if (cpu0 !== undefined && cpu1 !== undefined) result.loadCpuMs = cpu1 - cpu0;
agent.destroy();
parentPort!.postMessage(result);
