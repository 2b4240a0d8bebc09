// The retention term (docs/product.md#bewaartermijn): once an ended case is longer
// past its end than the municipality's term, its initiator's personal data is
// replaced by a pseudonym. Figures stay as they were: the case, its status, dates,
// themes, area, commitments and amounts, and the kinds of its timeline events.
import { sql } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { type Job, startJob } from '../../platform/jobs.js';
import { forgetCachedActors } from '../identity/index.js';
import { recordEvent } from '../timeline/index.js';
import { ENDED_STATUSES, pseudonymOf, retentionCutoff } from './model.js';

/** Cases handled per transaction: a run over years of backlog commits as it goes. */
const BATCH = 50;

interface DueCase {
  id: string;
  /** null: a public intake that was never confirmed */
  initiator_id: string | null;
}

/**
 * Replace one case's personal data by the pseudonym, in the transaction that claimed
 * it. The initiator's account follows once none of their cases still holds personal data.
 */
async function pseudonymiseCase(trx: Tx, deps: Deps, mId: string, c: DueCase, retentionMonths: number): Promise<void> {
  const now = deps.clock.now();
  // An intake that was never confirmed has no account: its pseudonym is the case's own.
  const p = pseudonymOf(c.initiator_id ?? c.id);
  await trx.updateTable('cases').set({ personal_data_removed_at: now }).where('municipality_id', '=', mId).where('id', '=', c.id).execute();
  // What the intake said about the person, as given.
  await trx
    .updateTable('case_intakes')
    .set({ name: p.name, email: p.email, phone: null, company: null, kvk_number: null, acting_name: null, acting_pseudonym: null })
    .where('municipality_id', '=', mId)
    .where('case_id', '=', c.id)
    .execute();
  await trx.deleteFrom('login_links').where('municipality_id', '=', mId).where('case_id', '=', c.id).execute();
  // Correspondence with the initiator is about them: its text goes, the event stays.
  await trx
    .updateTable('events')
    .set({ payload: sql`jsonb_set(payload, '{text}', '""')` })
    .where('municipality_id', '=', mId)
    .where('case_id', '=', c.id)
    .where('type', '=', 'message.sent')
    .execute();
  // The open answer to the report mark is the initiator's own words: it goes; the marks
  // stay for the figures (docs/product.md#the-report-mark).
  await trx.updateTable('surveys').set({ comment: null }).where('municipality_id', '=', mId).where('case_id', '=', c.id).execute();
  await recordEvent(
    trx,
    { municipalityId: mId, actorId: null, at: now },
    { caseId: c.id, visibility: 'internal', event: { type: 'case.personalDataRemoved', payload: { retentionMonths } } },
  );
  const initiatorId = c.initiator_id;
  if (initiatorId === null) return;

  // Commitments made to or by the initiator name them; the what, dates and amounts stay.
  await trx
    .updateTable('commitments')
    .set({ made_to_name: p.name, made_to_email: null })
    .where('municipality_id', '=', mId)
    .where('case_id', '=', c.id)
    .where('made_to_user_id', '=', initiatorId)
    .execute();
  await trx
    .updateTable('commitments')
    .set({ made_by_name: p.name })
    .where('municipality_id', '=', mId)
    .where('case_id', '=', c.id)
    .where('made_by_user_id', '=', initiatorId)
    .execute();

  const remaining = await trx
    .selectFrom('cases')
    .select('id')
    .where('municipality_id', '=', mId)
    .where('initiator_id', '=', initiatorId)
    .where('personal_data_removed_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (remaining) return;
  const u = await trx
    .selectFrom('users')
    .select(['email', 'role', 'pseudonymised_at'])
    .where('municipality_id', '=', mId)
    .where('id', '=', initiatorId)
    .executeTakeFirst();
  if (!u || u.role !== 'initiator' || u.pseudonymised_at) return;
  // Mail sent to them is gone with the address; mail still waiting is not sent.
  await trx.deleteFrom('outbox').where('municipality_id', '=', mId).where('to_address', '=', u.email).execute();
  await trx
    .updateTable('users')
    .set({ name: p.name, email: p.email, phone: null, company: null, kvk_number: null, password_hash: null, active: false, pseudonymised_at: now })
    .where('municipality_id', '=', mId)
    .where('id', '=', initiatorId)
    .execute();
  // The account can no longer be used: no session, token or login link survives.
  await trx.deleteFrom('sessions').where('municipality_id', '=', mId).where('user_id', '=', initiatorId).execute();
  await trx.deleteFrom('api_tokens').where('municipality_id', '=', mId).where('user_id', '=', initiatorId).execute();
  await trx.deleteFrom('login_links').where('municipality_id', '=', mId).where('user_id', '=', initiatorId).execute();
  forgetCachedActors(initiatorId);
}

/**
 * One run over every municipality with a term: claim due cases in batches with
 * `for update skip locked`, so two processes never handle the same case, and a case
 * once handled is never due again. Returns the number of cases pseudonymised.
 */
export async function applyRetention(deps: Deps, job: { readonly stopping: boolean } = { stopping: false }): Promise<number> {
  const municipalities = await deps.db.unsafeAdmin
    .selectFrom('municipalities')
    .select(['id', 'personal_data_retention_months'])
    .where('personal_data_retention_months', 'is not', null)
    .execute();
  let done = 0;
  for (const m of municipalities) {
    const months = m.personal_data_retention_months as number;
    const cutoff = retentionCutoff(deps.clock.now(), months) as Date;
    for (;;) {
      if (job.stopping) return done;
      const n = await deps.db.tenant(m.id, async (trx) => {
        const due = await trx
          .selectFrom('cases')
          .select(['id', 'initiator_id'])
          .where('municipality_id', '=', m.id)
          .where('status', 'in', [...ENDED_STATUSES])
          .where('personal_data_removed_at', 'is', null)
          .where('closed_at', '<', cutoff)
          .orderBy('closed_at')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const c of due) await pseudonymiseCase(trx, deps, m.id, c, months);
        return due.length;
      });
      done += n;
      if (n < BATCH) break;
    }
  }
  return done;
}

/** Daily; the first run a minute after start, so a start is not slowed by it. */
export function startRetentionJob(deps: Deps, opts: { intervalMs?: number; firstRunAfterMs?: number | null } = {}): Job {
  return startJob({
    name: 'retention',
    intervalMs: opts.intervalMs ?? 24 * 60 * 60 * 1000,
    firstRunAfterMs: opts.firstRunAfterMs === undefined ? 60_000 : opts.firstRunAfterMs,
    run: (job) => applyRetention(deps, job),
  });
}
