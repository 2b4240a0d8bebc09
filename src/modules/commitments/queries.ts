// The read side of commitments across cases: the workspaces (docs/product.md#workspaces: the
// executive's own commitments, the coordinator's and mandate holders' commitments
// awaiting confirmation, the overdue ones) with cursor pagination like the case list,
// and the municipality's register as CSV (docs/product.md#commitments-on-record).
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { type CsvSeparator, writeCsv } from '../../kernel/csv.js';
import { spreadsheetDateTime } from '../../kernel/dates.js';
import { spreadsheetAmount, spreadsheetDate } from '../../kernel/format.js';
import type { Ctx } from '../../platform/context.js';
import { type Locale, translate } from '../../platform/i18n.js';
import { listPages } from '../../platform/secret.js';
import { recordAccess } from '../audit/index.js';
import { loadMandates, mandateInForce, mandatesByIds, mandatesHeldBy } from '../mandates/index.js';
import { isOverdue, OPEN_STATUSES } from './model.js';
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

/**
 * The register's columns: catalogue keys (src/platform/i18n.ts). A `csv.X` key says what
 * the web app's `X` says, so a header reads as the same field on the screen.
 */
export const EXPORT_COLUMNS = [
  'csv.case.reference',
  'csv.export.case',
  'csv.commitment.madeBy',
  'csv.export.role',
  'csv.commitment.madeTo',
  'csv.commitment.what',
  'csv.commitment.dueOn',
  'csv.export.madeVia',
  'csv.export.madeOn',
  'csv.commitment.decision',
  'csv.export.amount',
  'csv.export.ruleCode',
  'csv.case.status',
  'csv.commitment.statusReason',
  'csv.export.mandates',
  'csv.export.confirmedBy',
  'csv.export.declinedBy',
  'csv.export.overdue',
  'csv.export.version',
  'csv.export.recordedAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * The municipality's commitments register as CSV for a spreadsheet: a UTF-8 byte-order
 * mark, `;` between cells unless asked otherwise, the interface's words in the user's
 * language, amounts as "1234,50", dates as dd-mm-jjjj, names instead of ids; by case
 * and then in the order recorded. A cell a spreadsheet would run as a formula gets a
 * leading `'` (writeCsv, OWASP CSV injection): what people typed is data.
 */
/** The file name of the register's CSV export. */
export const COMMITMENTS_EXPORT_NAME = 'toezeggingenregister.csv';

export async function exportCommitments(ctx: Ctx, opts: { locale?: Locale; separator?: CsvSeparator } = {}): Promise<string> {
  commitmentPolicy.authorize(ctx.actor, null, 'list');
  const mId = ctx.actor.municipalityId;
  const locale = opts.locale ?? ctx.actor.locale;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const today: IsoDate = dutchDate(ctx.clock.now());
  const { rows, mandates } = await ctx.db.tenant(mId, async (trx) => {
    // The register names the people commitments were made to: the export is logged
    // (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    await recordAccess(trx, ctx, { kind: 'export', exportName: COMMITMENTS_EXPORT_NAME });
    const rows = await commitmentsQuery(trx, mId).orderBy('c.reference').orderBy('co.name').orderBy('k.created_at').orderBy('k.id').execute();
    return {
      rows,
      mandates: await mandatesByIds(
        trx,
        mId,
        rows.flatMap((r) => r.mandate_ids),
      ),
    };
  });
  const mandateText = (id: string) => {
    const m = mandates.find((x) => x.id === id);
    if (!m) return '';
    const holder = m.holder.kind === 'person' ? (m.holderName ?? '') : t(`csv.role.${m.holder.role}`);
    return t('csv.export.mandate', { holder, delegatedBy: m.delegatedBy });
  };
  /** Who confirmed or declined: the mandate holder, or the delegating body with the coordinator who recorded its decision. */
  const decidedBy = (r: CommitmentRow): string =>
    !r.confirmed_by ? '' : r.confirmed_by_body ? t('csv.export.byBody', { name: r.confirmed_by_name ?? '' }) : (r.confirmed_by_name ?? '');
  return writeCsv(
    [
      EXPORT_COLUMNS.map((k) => t(k)),
      ...rows.map((r) => {
        const d = decisionOf(r);
        const cells: Record<ExportColumn, string> = {
          // An agreement within a collaboration has no case: the collaboration is named instead.
          'csv.case.reference': r.case_reference ?? '',
          'csv.export.case': r.case_title ?? t('csv.export.collaboration', { name: r.collaboration_name ?? '' }),
          'csv.commitment.madeBy': r.made_by_name,
          // A staff maker's role in the interface's words ("Bestuurder"); an outside person's role as typed.
          'csv.export.role': r.made_by_user_id ? t(`csv.role.${r.made_by_role}`) : r.made_by_role,
          'csv.commitment.madeTo': r.made_to_name,
          'csv.commitment.what': r.what,
          'csv.commitment.dueOn': spreadsheetDate(r.due_on),
          'csv.export.madeVia': t(`csv.madeVia.${r.made_via}`),
          'csv.export.madeOn': spreadsheetDate(r.made_on),
          'csv.commitment.decision': t(`csv.decision.${d.kind}`),
          'csv.export.amount': d.kind === 'commitMoney' ? spreadsheetAmount(d.amountCents) : '',
          'csv.export.ruleCode': d.kind === 'grantExemption' ? d.ruleCode : '',
          'csv.case.status': t(`csv.commitmentStatus.${r.status}`),
          'csv.commitment.statusReason': r.status_reason ?? '',
          'csv.export.mandates': r.mandate_ids.map(mandateText).join('; '),
          'csv.export.confirmedBy': r.status === 'declined' ? '' : decidedBy(r),
          'csv.export.declinedBy': r.status === 'declined' ? decidedBy(r) : '',
          'csv.export.overdue': t(isOverdue(r.status, r.due_on, today) ? 'csv.export.yes' : 'csv.export.no'),
          'csv.export.version': String(r.version),
          'csv.export.recordedAt': spreadsheetDateTime(r.created_at),
        };
        return EXPORT_COLUMNS.map((k) => cells[k]);
      }),
    ],
    { separator: opts.separator ?? ';', bom: true },
  );
}
