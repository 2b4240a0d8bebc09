// The silence job (docs/product.md#yes-by-silence): a party that has not answered when the term ends
// is recorded as "yes by silence", as of the term end, and the round closes. It runs
// periodically and once at start, so days Regie was down are caught up exactly: the
// outcome is dated by the term end, never by the day the job happened to run.
import { dutchDate } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { startJob } from '../../platform/jobs.js';
import { agreementsInForceByIds, sharedSpecialists } from '../intermunicipal/index.js';
import { type EventRecord, recordEvents } from '../timeline/index.js';
import { silenceOutcome } from './model.js';
import { mailRoundSummaries } from './notices.js';
import type { RoundRow } from './repo.js';
import { returnExpiredSharedRequests } from './shared.js';

/**
 * Close rounds whose term has ended: every unanswered party gets a silence answer as of
 * the term end, the round closes with reason termEnded, and the timeline shows both.
 * The rounds must be locked by the caller and be open. Works on rounds of any
 * municipality (each row carries its own), in a handful of statements per batch. The
 * director of each case gets the round's summary by mail, in the same transaction: a
 * round closes once, so the summary goes out once.
 */
export async function closeRoundsBySilence(trx: Tx, rounds: readonly RoundRow[], now: Date, publicUrl: string): Promise<void> {
  if (!rounds.length) return;
  const today = dutchDate(now);
  const ids = rounds.map((r) => r.id);
  const parties = await trx
    .selectFrom('assessment_parties as p')
    .select([
      'p.id',
      'p.round_id',
      'p.name',
      'p.municipality_id',
      'p.current_answer_id',
      'p.kind',
      'p.department_id',
      'p.email',
      'p.agreement_id',
      'p.returned_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('assessment_answers as a')
        .select((e2) => e2.fn.max<number | null>('a.seq').as('n'))
        .whereRef('a.party_id', '=', 'p.id')
        .as('max_seq'),
    )
    .where('p.round_id', 'in', ids)
    .execute();
  // Departments without an active specialist now: nobody there could answer (docs/product.md#yes-by-silence).
  const deptIds = [...new Set(parties.flatMap((p) => (p.kind === 'department' && p.department_id ? [p.department_id] : [])))];
  const staffed = new Set(
    deptIds.length
      ? (
          await trx
            .selectFrom('users')
            .select('department_id')
            .where('role', '=', 'specialist')
            .where('active', '=', true)
            .where('department_id', 'in', deptIds)
            .execute()
        ).map((u) => u.department_id)
      : [],
  );
  const undelivered = await undeliveredInvitations(
    trx,
    rounds,
    parties.filter((p) => p.kind === 'outside' && p.current_answer_id === null),
  );
  // Another municipality's department (docs/product.md#ending-a-sharing-agreement): it can
  // consent by silence only while its agreement is in force and it has a specialist; a
  // returned party, or one whose agreement has ended or expired, is not reached.
  const sharedReachable = new Set<string>();
  for (const p of parties) {
    if (p.agreement_id === null || p.current_answer_id !== null || p.returned_at !== null || !p.department_id) continue;
    if (!(await agreementsInForceByIds(trx, [p.agreement_id], today)).has(p.agreement_id)) continue;
    if (staffed.has(p.department_id) || (await sharedSpecialists(trx, p.agreement_id, p.department_id)).length) sharedReachable.add(p.id);
  }
  const unreachable = (p: (typeof parties)[number]) =>
    p.current_answer_id === null &&
    (p.agreement_id !== null ? !sharedReachable.has(p.id) : p.kind === 'department' ? !staffed.has(p.department_id) : undelivered.has(p.id));
  const unreachedNames = new Map<string, string[]>();
  const events: EventRecord[] = [];
  const silent: typeof parties = [];
  const silentNames = new Map<string, string[]>();
  for (const r of rounds) {
    const mine = parties.filter((p) => p.round_id === r.id);
    const outcome = silenceOutcome(
      r.term_ends_on,
      mine.filter((p) => p.current_answer_id !== null).map((p) => p.id),
      mine.map((p) => p.id),
      today,
      mine.filter(unreachable).map((p) => p.id),
    );
    if (!outcome) throw new Error(`round ${r.id} is not due: its term ends on ${r.term_ends_on}`);
    const quiet = mine.filter((p) => outcome.partyIds.includes(p.id));
    silent.push(...quiet);
    silentNames.set(
      r.id,
      quiet.map((p) => p.name),
    );
    const base = { by: { municipalityId: r.municipality_id, actorId: null, at: now }, caseId: r.case_id, visibility: 'shared' as const };
    const unreached = mine.filter(unreachable);
    unreachedNames.set(
      r.id,
      unreached.map((p) => p.name),
    );
    if (unreached.length) {
      events.push({
        ...base,
        event: {
          type: 'assessment.notReached',
          payload: { roundId: r.id, number: r.number, asOf: outcome.asOf, parties: unreached.map((p) => ({ id: p.id, name: p.name })) },
        },
      });
    }
    if (quiet.length) {
      events.push({
        ...base,
        event: {
          type: 'assessment.silence',
          payload: { roundId: r.id, number: r.number, asOf: outcome.asOf, parties: quiet.map((p) => ({ id: p.id, name: p.name })) },
        },
      });
    }
    events.push({ ...base, event: { type: 'assessment.roundClosed', payload: { roundId: r.id, number: r.number, reason: 'termEnded' } } });
  }
  const termEnd = new Map(rounds.map((r) => [r.id, r.term_ends_on]));
  for (let i = 0; i < silent.length; i += 500) {
    await trx
      .insertInto('assessment_answers')
      .values(
        silent.slice(i, i + 500).map((p) => ({
          municipality_id: p.municipality_id,
          round_id: p.round_id,
          party_id: p.id,
          seq: (p.max_seq ?? 0) + 1,
          kind: 'silence' as const,
          rules: '[]',
          answered_at: now,
          as_of: termEnd.get(p.round_id) as string,
          answered_by: null,
          answered_by_name: p.name,
        })),
      )
      .execute();
  }
  if (silent.length) {
    // Point each silent party at its silence answer (one statement for the batch).
    await trx
      .updateTable('assessment_parties as p')
      .from('assessment_answers as a')
      .set((eb) => ({ current_answer_id: eb.ref('a.id') }))
      .whereRef('a.party_id', '=', 'p.id')
      .where('a.kind', '=', 'silence')
      .where('p.round_id', 'in', ids)
      .where('p.current_answer_id', 'is', null)
      .execute();
  }
  const closed = await trx
    .updateTable('assessment_rounds')
    .set({ closed_at: now, closed_reason: 'termEnded' })
    .where('id', 'in', ids)
    .where('closed_at', 'is', null)
    .returning('id')
    .execute();
  await recordEvents(trx, events);
  const closedIds = new Set(closed.map((r) => r.id));
  await mailRoundSummaries(
    trx,
    publicUrl,
    rounds
      .filter((r) => closedIds.has(r.id))
      .map((r) => ({ round: r, reason: 'termEnded' as const, silent: silentNames.get(r.id) ?? [], unreached: unreachedNames.get(r.id) ?? [] })),
  );
}

/**
 * The outside parties whose invitation never reached them (docs/product.md#yes-by-silence): the
 * outbox still holds their request mail — to their address, about this case, with the
 * answer link — undelivered after a failed attempt. Nobody read the question, so their
 * silence is no yes.
 */
async function undeliveredInvitations(
  trx: Tx,
  rounds: readonly RoundRow[],
  outside: readonly { id: string; round_id: string; municipality_id: string; email: string | null }[],
): Promise<Set<string>> {
  if (!outside.length) return new Set();
  const refs = new Map(
    (
      await trx
        .selectFrom('assessment_rounds as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .select(['r.id', 'c.reference'])
        .where(
          'r.id',
          'in',
          rounds.map((r) => r.id),
        )
        .execute()
    ).map((r) => [r.id, r.reference]),
  );
  const failed = await trx
    .selectFrom('outbox')
    .select(['municipality_id', 'to_address', 'subject'])
    .where('status', '=', 'pending')
    .where('last_error', 'is not', null)
    .where('body_text', 'like', '%/toets/%')
    .where('municipality_id', 'in', [...new Set(outside.map((p) => p.municipality_id))])
    .execute();
  return new Set(
    outside
      .filter((p) =>
        failed.some(
          (m) =>
            m.municipality_id === p.municipality_id && m.to_address.trim().toLowerCase() === p.email && m.subject.includes(refs.get(p.round_id) ?? '\u0000'),
        ),
      )
      .map((p) => p.id),
  );
}

/**
 * One run of the job: close up to `limit` due rounds (open, term ended before today in
 * the Netherlands), in batches of `batch` rounds per transaction. Rows are claimed with
 * `for update skip locked`, so two runs at once (two servers) share the work and never
 * close a round twice; a round an answer is being given on right now is skipped and
 * left to that use-case, which closes it itself. This crosses municipalities, like the
 * outbox worker, and therefore runs outside the tenant scope. Returns rounds closed.
 */
export async function closeDueRounds(deps: Deps, opts: { limit?: number; batch?: number } = {}): Promise<number> {
  const limit = opts.limit ?? 1000;
  const batch = Math.min(opts.batch ?? 200, limit);
  let closed = 0;
  while (closed < limit) {
    const n = await deps.db.unsafeTransaction(async (trx) => {
      const now = deps.clock.now();
      const rounds = await trx
        .selectFrom('assessment_rounds')
        .selectAll()
        .where('closed_at', 'is', null)
        .where('term_ends_on', '<', dutchDate(now))
        .orderBy('term_ends_on')
        .orderBy('id')
        .limit(Math.min(batch, limit - closed))
        .forUpdate()
        .skipLocked()
        .execute();
      await closeRoundsBySilence(trx, rounds, now, deps.config.publicUrl);
      return rounds.length;
    });
    closed += n;
    if (n === 0) break;
  }
  return closed;
}

export interface AssessmentWorker {
  /** Run now and wait for it (tests, shutdown). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Run the silence job at start and then every `intervalMs` (default: every ten
 * minutes; a term ends at the end of a day, so this is more than exact enough).
 */
export function startAssessmentWorker(deps: Deps, intervalMs = 600_000): AssessmentWorker {
  const job = startJob({
    name: 'assessments: silence job',
    intervalMs,
    run: async (job) => {
      // An agreement that expired returns its open requests (docs/product.md#ending-a-sharing-agreement).
      await returnExpiredSharedRequests(deps);
      let total = 0;
      for (;;) {
        const n = await closeDueRounds(deps, { limit: 1000 });
        total += n;
        if (n < 1000 || job.stopping) return total;
      }
    },
  });
  return { runOnce: job.runNow, stop: job.stop };
}
