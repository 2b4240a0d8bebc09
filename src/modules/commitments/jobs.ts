// Reminders before a commitment's due date (docs/product.md#commitments-on-record).
// A scheduled job, safe to run at any time and as often as wanted:
// each commitment version is reminded once (the commitment_reminders row is written
// first, in the transaction that enqueues the mail), and a job that runs late still
// reminds every open commitment that is not yet past its due date.
import { addDays } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { startJob } from '../../platform/jobs.js';
import { caseLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { mails } from '../notifications/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { OPEN_STATUSES, REMINDER_WORKING_DAYS, reminderDue } from './model.js';
import { commitmentsQuery, referenceOf } from './repo.js';
import type { CommitmentEvent } from './service.js';

/**
 * What the reminders need of a collaboration for its agreements
 * (docs/product.md#agreements-within-a-collaboration): its page, and its own timeline for
 * the reminder's event. The collaborations module provides it; the composition root
 * passes it in, so this module does not depend on that one.
 */
export interface CollaborationReminders {
  link(publicUrl: string, collaborationId: string): string;
  recordEvent(trx: Tx, at: { municipalityId: string; now: Date }, collaborationId: string, event: CommitmentEvent): Promise<void>;
}

/** n working days never span more than 2n + 14 calendar days (see kernel isDueSoon). */
const HORIZON_DAYS = 2 * REMINDER_WORKING_DAYS + 14;

/**
 * Send the reminders that are due today, in every municipality: to the user who made
 * the commitment and the case's director, or for an agreement within a collaboration the
 * collaboration's owner (the recorder when neither is a user). Returns the number of
 * commitments reminded. Without `collaborations` an agreement within a collaboration is
 * left for a run that has it.
 */
export async function remindCommitments(deps: Deps, collaborations?: CollaborationReminders): Promise<number> {
  const today = dutchDate(deps.clock.now());
  const until = addDays(today, HORIZON_DAYS);
  // Which municipalities have anything due: the one look across tenants, ids only.
  const municipalities = await deps.db.unsafeAdmin
    .selectFrom('commitments')
    .select('municipality_id')
    .distinct()
    .where('status', 'in', [...OPEN_STATUSES])
    .where('due_on', '>=', today)
    .where('due_on', '<=', until)
    .execute();
  let reminded = 0;
  for (const { municipality_id: mId } of municipalities) {
    reminded += await deps.db.tenant(mId, async (trx) => {
      const m = await getMunicipality(trx, mId);
      const cal = calendarOf(m);
      const candidates = await commitmentsQuery(trx, mId)
        .where('k.status', 'in', [...OPEN_STATUSES])
        .where('k.due_on', '>=', today)
        .where('k.due_on', '<=', until)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('commitment_reminders as cr')
                .select('cr.commitment_id')
                .whereRef('cr.commitment_id', '=', 'k.id')
                .whereRef('cr.version', '=', 'k.version'),
            ),
          ),
        )
        .$if(!collaborations, (q) => q.where('k.case_id', 'is not', null))
        .orderBy('k.due_on')
        .execute();
      let n = 0;
      for (const k of candidates) {
        if (!reminderDue(cal, k.status, k.due_on, today)) continue;
        // Claim this version first: a concurrent run finds the row and sends nothing.
        const claimed = await trx
          .insertInto('commitment_reminders')
          .values({ municipality_id: mId, commitment_id: k.id, version: k.version, sent_at: deps.clock.now() })
          .onConflict((oc) => oc.columns(['commitment_id', 'version']).doNothing())
          .returning('commitment_id')
          .executeTakeFirst();
        if (!claimed) continue;
        const ids = [...new Set([k.made_by_user_id, k.case_director_id, k.collaboration_owner_user_id].filter((x): x is string => x !== null))];
        const people = await trx
          .selectFrom('users')
          .select(['id', 'name', 'email', 'locale'])
          .where('municipality_id', '=', mId)
          .where('active', '=', true)
          .where('role', '<>', 'initiator')
          .where('id', 'in', ids.length ? ids : [k.recorded_by])
          .execute();
        for (const p of people) {
          await enqueueMail(trx, {
            municipalityId: mId,
            to: p.email,
            ...mails.commitmentReminder(p.locale, {
              name: p.name,
              reference: referenceOf(k),
              what: k.what,
              dueOn: k.due_on,
              link:
                k.case_id !== null
                  ? caseLink(deps.config.publicUrl, k.case_id)
                  : (collaborations as CollaborationReminders).link(deps.config.publicUrl, k.collaboration_id as string),
              municipality: m.name,
            }),
          });
        }
        const event = {
          type: 'commitment.reminded',
          payload: { commitmentId: k.id, version: k.version, dueOn: k.due_on, to: people.map((p) => p.name) },
        } as const;
        if (k.case_id !== null)
          await recordEvent(trx, { municipalityId: mId, actorId: null, at: deps.clock.now() }, { caseId: k.case_id, visibility: 'internal', event });
        else await collaborations?.recordEvent(trx, { municipalityId: mId, now: deps.clock.now() }, k.collaboration_id as string, event);
        n++;
      }
      return n;
    });
  }
  return reminded;
}

export interface ReminderWorker {
  /** Run now and wait for it (tests, shutdown). */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

/** Run the reminder job a second after start and then every `intervalMs` (default: hourly). */
export function startCommitmentReminders(deps: Deps, intervalMs = 3_600_000, collaborations?: CollaborationReminders): ReminderWorker {
  const job = startJob({ name: 'commitments: reminder round', intervalMs, firstRunAfterMs: 1_000, run: () => remindCommitments(deps, collaborations) });
  return { runNow: job.runNow, stop: job.stop };
}
