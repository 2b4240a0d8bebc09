// The read side of commitments across cases: the workspaces (docs/product.md#workspaces: the
// executive's own commitments, the coordinator's and mandate holders' commitments
// awaiting confirmation, the overdue ones) with cursor pagination like the case list,
// and the municipality's register as CSV (docs/product.md#commitments-on-record).
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { writeCsv } from '../../kernel/csv.js';
import { label } from '../../kernel/format.js';
import { ROLE_LABEL } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import { listPages } from '../../platform/secret.js';
import { recordAccess } from '../audit/index.js';
import { loadMandates, mandateInForce, mandatesHeldBy } from '../mandates/index.js';
import { type Decision, isOverdue, OPEN_STATUSES, STATUS_NL } from './model.js';
import { commitmentPolicy } from './policy.js';
import { type CommitmentRow, commitmentsQuery, decisionOf } from './repo.js';
import { type CommitmentView, present, staffSubjects } from './view.js';

export const LIST_SCOPES = ['mine', 'awaitingConfirmation', 'overdue', 'all'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/**
 * One page of commitments, newest first, keyset-paginated on (created_at, id).
 * - mine: made by the actor (the executive's workspace);
 * - awaitingConfirmation: needing confirmation that the actor may confirm (a covering
 *   mandate in force today); the coordinator sees all of them;
 * - overdue: open and past the due date; the coordinator sees all, a director those on
 *   their cases and their own, anyone else those they made or recorded;
 * - all: the municipality's register.
 */
export async function listCommitments(
  ctx: Ctx,
  f: { scope: ListScope; cursor?: string; limit: number },
): Promise<{ items: CommitmentView[]; nextCursor: string | null }> {
  commitmentPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const me = ctx.actor;
  const today = dutchDate(ctx.clock.now());
  return ctx.db.tenant(mId, async (trx) => {
    const [mandates, staff] = await Promise.all([loadMandates(trx, mId), staffSubjects(trx, mId)]);
    let q = commitmentsQuery(trx, mId)
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(f.limit + 1);
    switch (f.scope) {
      case 'mine':
        q = q.where('k.made_by_user_id', '=', me.userId);
        break;
      case 'awaitingConfirmation': {
        q = q.where('k.status', '=', 'needsConfirmation');
        if (me.role !== 'coordinator') {
          const mine = mandatesHeldBy({ userId: me.userId, role: me.role }, mandates).filter((m) => mandateInForce(m, today));
          const upTo = Math.max(-1, ...mine.map((m) => (m.scope.kind === 'commitMoney' ? m.scope.upToCents : -1)));
          const codes = mine.flatMap((m) => (m.scope.kind === 'grantExemption' ? [m.scope.ruleCode] : []));
          const plans = mine.some((m) => m.scope.kind === 'agreePlan');
          q = q.where((eb) =>
            eb.or([
              eb.and([eb('k.decision_kind', '=', 'commitMoney'), eb('k.amount_cents', '<=', upTo)]),
              ...(codes.length ? [eb.and([eb('k.decision_kind', '=', 'grantExemption'), eb('k.rule_code', 'in', codes)])] : []),
              ...(plans ? [eb('k.decision_kind', '=', 'agreePlan')] : []),
            ]),
          );
        }
        break;
      }
      case 'overdue':
        q = q.where('k.status', 'in', [...OPEN_STATUSES]).where('k.due_on', '<', today);
        if (me.role === 'director')
          q = q.where((eb) => eb.or([eb('c.director_id', '=', me.userId), eb('k.made_by_user_id', '=', me.userId), eb('k.recorded_by', '=', me.userId)]));
        else if (me.role !== 'coordinator') q = q.where((eb) => eb.or([eb('k.made_by_user_id', '=', me.userId), eb('k.recorded_by', '=', me.userId)]));
        break;
      case 'all':
        break;
    }
    if (f.cursor) {
      const cur = listPages(ctx.config, 'commitments').decode(f.cursor);
      q = q.where((eb) => eb(eb.refTuple('k.created_at', 'k.id'), '<', eb.tuple(new Date(cur.s), cur.i)));
    }
    const { page, nextCursor } = listPages(ctx.config, 'commitments').page(await q.execute(), f.limit, (r) => ({ s: r.created_at.toISOString(), i: r.id }));
    return { items: page.map((r) => present(ctx, r, mandates, staff)), nextCursor };
  });
}

const VIA_NL = { meeting: 'overleg', phone: 'telefoon', letter: 'brief', email: 'e-mail' } as const;
const DECISION_NL: Record<Decision['kind'], string> = { commitMoney: 'geld', grantExemption: 'ontheffing', agreePlan: 'plan accorderen', other: 'overig' };

export const EXPORT_HEADER = [
  'zaaknummer',
  'zaak',
  'gedaan door',
  'rol',
  'gedaan aan',
  'toezegging',
  'uiterlijk',
  'gedaan via',
  'gedaan op',
  'soort besluit',
  'bedrag (eurocent)',
  'regelcode',
  'status',
  'reden',
  'mandaten',
  'bevestigd door',
  'afgewezen door',
  'te laat',
  'versie',
  'vastgelegd op',
] as const;

/**
 * The municipality's commitments register as CSV (RFC 4180, CRLF, Dutch headers),
 * by case and then in the order recorded. A cell a spreadsheet would run as a formula
 * gets a leading `'` (writeCsv, OWASP CSV injection): what people typed is data.
 */
/** Who confirmed or declined: the mandate holder, or the delegating body with the coordinator who recorded its decision. */
const decidedBy = (r: CommitmentRow): string =>
  !r.confirmed_by ? '' : r.confirmed_by_body ? `bestuursorgaan (vastgelegd door ${r.confirmed_by_name ?? ''})` : (r.confirmed_by_name ?? '');

/** The file name of the register's CSV export. */
export const COMMITMENTS_EXPORT_NAME = 'toezeggingenregister.csv';

export async function exportCommitments(ctx: Ctx): Promise<string> {
  commitmentPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const today: IsoDate = dutchDate(ctx.clock.now());
  const rows = await ctx.db.tenant(mId, async (trx) => {
    // The register names the people commitments were made to: the export is logged
    // (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    await recordAccess(trx, ctx, { kind: 'export', exportName: COMMITMENTS_EXPORT_NAME });
    return commitmentsQuery(trx, mId).orderBy('c.reference').orderBy('k.created_at').orderBy('k.id').execute();
  });
  return writeCsv([
    EXPORT_HEADER,
    ...rows.map((r) => {
      const d = decisionOf(r);
      return [
        r.case_reference,
        r.case_title,
        r.made_by_name,
        // A staff maker's role key in Dutch ("bestuurder"); an outside person's role as typed.
        r.made_by_user_id ? label(ROLE_LABEL, r.made_by_role) : r.made_by_role,
        r.made_to_name,
        r.what,
        r.due_on,
        VIA_NL[r.made_via],
        r.made_on,
        DECISION_NL[d.kind],
        d.kind === 'commitMoney' ? String(d.amountCents) : '',
        d.kind === 'grantExemption' ? d.ruleCode : '',
        STATUS_NL[r.status],
        r.status_reason ?? '',
        r.mandate_ids.join(' '),
        r.status === 'declined' ? '' : decidedBy(r),
        r.status === 'declined' ? decidedBy(r) : '',
        isOverdue(r.status, r.due_on, today) ? 'ja' : 'nee',
        String(r.version),
        r.created_at.toISOString(),
      ];
    }),
  ]);
}
