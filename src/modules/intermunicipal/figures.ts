// Requests to other municipalities in the management information
// (docs/product.md#requests-to-other-municipalities-in-figures): per providing
// municipality and department, the requests a municipality received answers to — asked,
// answered on time, late, not answered (silent) and still open — and the same for the
// requests its own departments were asked by other municipalities. As one SQL value and
// its reader, so the management information reads them inside its own statement
// without reading this module's tables. The database function (migration 033) gives
// the facts of the session's municipality only; the outcome is requestOutcome's.
import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar.js';
import type { Tx } from '../../platform/db/index.js';
import { type RequestOutcome, requestOutcome } from './model.js';

/** The filter insights passes; only the period applies (the day the round was opened). */
export type SharedRequestFilter = { municipalityId: string; from: string; to: string };

export interface SharedRequestCounts {
  requests: number;
  onTime: number;
  late: number;
  silent: number;
  open: number;
}

export interface SharedRequestRow extends SharedRequestCounts {
  /** the other municipality: the provider of a received request, the receiver of a provided one */
  municipality: string;
  departmentId: string;
  /** the providing department */
  department: string;
}

export interface SharedRequestFigures {
  /** asked by this municipality of other municipalities' departments */
  received: SharedRequestRow[];
  /** asked of this municipality's departments by other municipalities */
  provided: SharedRequestRow[];
  totals: { received: SharedRequestCounts; provided: SharedRequestCounts };
}

const zero = (): SharedRequestCounts => ({ requests: 0, onTime: 0, late: 0, silent: 0, open: 0 });
const add = (c: SharedRequestCounts, o: RequestOutcome, n: number) => {
  c.requests += n;
  c[o] += n;
};

type Fact = [
  side: 'received' | 'provided',
  other: string,
  departmentId: string,
  department: string,
  termEndsOn: IsoDate,
  answeredOn: IsoDate | null,
  closed: boolean,
  returned: boolean,
  n: number,
];

export const sharedRequestFigureSource = {
  /** The rounds opened in the period, whatever the case's area, theme, domain or director (the other municipality sees none of them). */
  dependsOn: ['from', 'to'] as const,
  /** One SQL value (json), the facts grouped with a count; served by the shared-party indexes. */
  select(f: SharedRequestFilter) {
    return sql`regie_shared_request_facts(${f.from}::date, ${f.to}::date)`;
  },
  /**
   * The version of these figures (docs/product.md#management-information): a digest of
   * the municipality's facts over all time. The other side of a request records its
   * events in its own municipality, so the own event log cannot tell when these change;
   * the facts are few (one row per department, day and outcome), so reading them is cheap.
   */
  version(_municipalityId: string) {
    return sql`md5((regie_shared_request_facts('-infinity'::date, 'infinity'::date))::text)`;
  },
  read(json: unknown): SharedRequestFigures {
    const facts = (json ?? []) as Fact[];
    const rows = new Map<string, SharedRequestRow & { side: Fact[0] }>();
    const totals = { received: zero(), provided: zero() };
    for (const [side, other, departmentId, department, termEndsOn, answeredOn, closed, returned, n] of facts) {
      const o = requestOutcome({ termEndsOn, answeredOn, roundClosed: closed, returned });
      const key = `${side}|${other}|${departmentId}`;
      const row = rows.get(key) ?? { side, municipality: other, departmentId, department, ...zero() };
      add(row, o, n);
      rows.set(key, row);
      add(totals[side], o, n);
    }
    const order = (a: SharedRequestRow, b: SharedRequestRow) =>
      a.municipality.localeCompare(b.municipality) || a.department.localeCompare(b.department) || a.departmentId.localeCompare(b.departmentId);
    const of = (side: Fact[0]) =>
      [...rows.values()]
        .filter((r) => r.side === side)
        .map(({ side: _s, ...r }) => r)
        .sort(order);
    return { received: of('received'), provided: of('provided'), totals };
  },
};

/** The figures on their own: one statement (sharedRequestFigureSource). */
export async function sharedRequestFigures(trx: Tx, f: SharedRequestFilter): Promise<SharedRequestFigures> {
  const r = await sql<{ v: unknown }>`select (${sharedRequestFigureSource.select(f)}) as v`.execute(trx);
  return sharedRequestFigureSource.read(r.rows[0]?.v);
}
