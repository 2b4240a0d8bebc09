// Benchmark of the collaborations overview (docs/product.md#collaborations) on the seeded
// database: a large municipality's 1,000 collaborations, as its coordinator at the
// bench's clients — unfiltered, per phase and per health (with and without findings),
// the first page and the next one by its cursor. Target: p99 at most 50 ms.
import { sql } from 'kysely';
import type { Deps } from '../src/platform/context.js';
import type { HttpScenario } from './load-worker.js';
import { coordinatorToken, listen } from './serve.js';
import { type Recorded, type Summary, summarize } from './stats.js';

export const COLLABORATIONS_P99_TARGET_MS = 50;

export interface CollaborationsBenchOptions {
  deps: Deps;
  /** a large municipality (1,000 collaborations) */
  municipalityId: string;
  clients: number;
  runHttp: (origin: string, scenario: HttpScenario) => Promise<Recorded>;
  log: (line: string) => void;
}

const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

export async function benchCollaborations(o: CollaborationsBenchOptions): Promise<Summary[]> {
  const { deps, log } = o;
  const k = deps.db.unsafeAdmin;
  const mId = o.municipalityId;
  const count = await sql<{ n: number; unhealthy: number }>`
    select count(*)::int as n, count(*) filter (where has_health_issues)::int as unhealthy from collaborations where municipality_id = ${mId}`.execute(k);
  const all = await sql<{ n: number }>`select count(*)::int as n from collaborations`.execute(k);
  log(
    `  subject: ${count.rows[0]?.n.toLocaleString('en')} collaborations (${count.rows[0]?.unhealthy.toLocaleString('en')} with findings) of the largest municipality; ${all.rows[0]?.n.toLocaleString('en')} in all`,
  );
  const token = await coordinatorToken(deps, mId, 'collaborations');
  const { origin, close } = await listen(deps);
  const results: Summary[] = [];
  try {
    // The first page of each filter and the page after it (by its cursor).
    const paths = async (label: string, qs: string) => {
      const first = `/api/v1/collaborations${qs ? `?${qs}` : ''}`;
      const r = await fetch(`${origin}${first}`, { headers: { authorization: `Bearer ${token}` } });
      if (!r.ok) throw new Error(`smoke check ${first}: ${r.status} ${await r.text()}`);
      const { nextCursor } = (await r.json()) as { nextCursor: string | null };
      const out = [{ label, path: first }];
      if (nextCursor) out.push({ label: `${label}, page 2`, path: `${first}${qs ? '&' : '?'}cursor=${encodeURIComponent(nextCursor)}` });
      return out;
    };
    const scenarios: Array<[string, Array<{ label: string; path: string }>]> = [
      ['GET /collaborations (unfiltered)', await paths('all', '')],
      [
        'GET /collaborations?phase=… (4 phases)',
        (await Promise.all(['agenda', 'policy', 'implementation', 'evaluation'].map((p) => paths(p, `phase=${p}`)))).flat(),
      ],
      ['GET /collaborations?health=…', (await Promise.all(['with', 'without'].map((h) => paths(`health=${h}`, `health=${h}`)))).flat()],
      ['GET /collaborations?phase=…&health=with', (await Promise.all(['agenda', 'evaluation'].map((p) => paths(p, `phase=${p}&health=with`)))).flat()],
    ];
    for (const [name, list] of scenarios) {
      const s = summarize(name, await o.runHttp(origin, { kind: 'get', token, paths: list }));
      log(
        `  ${s.name.padEnd(40)} ${String(s.requests).padStart(7)} req  ${fmt(s.rps).padStart(8)} req/s  p50 ${fmt(s.p50, 2)}  p95 ${fmt(s.p95, 2)}  p99 ${fmt(s.p99, 2)} ms  errors ${s.errors} — p99 ≤ ${COLLABORATIONS_P99_TARGET_MS} ms: ${met(s.p99 <= COLLABORATIONS_P99_TARGET_MS && s.errors === 0)}`,
      );
      results.push(s);
    }
    // The query plan of the health filter, as the application runs it (regie_app under row-level security).
    const plan = await deps.db.tenant(mId, async (trx) => {
      const r = await sql<{ 'QUERY PLAN': string }>`explain (analyze) select c.id from collaborations c
        where c.municipality_id = ${mId} and c.has_health_issues = true order by c.created_at desc, c.id desc limit 26`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    const indexes = [...new Set(plan.match(/Index (?:Only )?Scan(?: Backward)? using \w+|Seq Scan on \w+|Bitmap Index Scan on \w+/g) ?? [])];
    log(`  plan of health=with: ${indexes.join(', ')}; ${/Execution Time: [\d.]+ ms/.exec(plan)?.[0] ?? ''}`);
  } finally {
    await close();
  }
  return results;
}
