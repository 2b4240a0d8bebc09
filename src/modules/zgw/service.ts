// ZGW use-cases (docs/product.md#zgw-registration, docs/zgw.md): the municipality's
// settings, the zaaktypen and informatieobjecttypen of its Catalogi API to choose from,
// the list of pending and failed registration tasks, "opnieuw proberen" and the zaak
// of one case.
// One transaction each, scoped to the actor's municipality; admin only. The client
// secret is written, never read back: the view says only whether one is set.
import type { Selectable } from 'kysely';
import { AppError, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { ZgwSettingsTable, ZgwTaskTable } from '../../platform/db/schema.js';
import { loadCaseFor } from '../cases/index.js';
import { type InformatieobjecttypeChoice, informatieobjecttypen, statustypenOf, type ZaaktypeChoice, zaaktypen } from './catalogi.js';
import { type Call, ZgwFailure } from './client.js';
import { baseUrlProblem, isRsin, type TaskStep, trimSlash, zgwJwt } from './model.js';
import { authorizeZgw, zgwPolicy } from './policy.js';
import { openSecret, sealSecret } from './secrets.js';
import { wakeZgwWorkers } from './wake.js';

export interface ZgwSettingsView {
  enabled: boolean;
  zakenUrl: string;
  catalogiUrl: string;
  documentenUrl: string;
  zaaktypeUrl: string;
  statustypeIntakeUrl: string;
  statustypePlanAgreedUrl: string;
  statustypeClosedUrl: string;
  /** the informatieobjecttype of every document sent (docs/zgw.md#documents) */
  informatieobjecttypeUrl: string;
  rsin: string;
  clientId: string;
  /** whether a client secret is kept; the secret itself is never shown */
  hasSecret: boolean;
  version: number;
}

export type ZgwSettingsInput = Partial<Omit<ZgwSettingsView, 'hasSecret' | 'version'>> & { clientSecret?: string };

const view = (r: Selectable<ZgwSettingsTable> | undefined): ZgwSettingsView => ({
  enabled: r?.enabled ?? false,
  zakenUrl: r?.zaken_url ?? '',
  catalogiUrl: r?.catalogi_url ?? '',
  documentenUrl: r?.documenten_url ?? '',
  zaaktypeUrl: r?.zaaktype_url ?? '',
  statustypeIntakeUrl: r?.statustype_intake_url ?? '',
  statustypePlanAgreedUrl: r?.statustype_plan_agreed_url ?? '',
  statustypeClosedUrl: r?.statustype_closed_url ?? '',
  informatieobjecttypeUrl: r?.informatieobjecttype_url ?? '',
  rsin: r?.rsin ?? '',
  clientId: r?.client_id ?? '',
  hasSecret: !!r?.secret_sealed,
  version: r?.version ?? 0,
});

export async function getZgwSettings(ctx: Ctx): Promise<ZgwSettingsView> {
  authorizeZgw(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => view(await trx.selectFrom('zgw_settings').selectAll().where('municipality_id', '=', mId).executeTakeFirst()));
}

const URL_FIELDS = [
  'zakenUrl',
  'catalogiUrl',
  'documentenUrl',
  'zaaktypeUrl',
  'statustypeIntakeUrl',
  'statustypePlanAgreedUrl',
  'statustypeClosedUrl',
  'informatieobjecttypeUrl',
] as const;

const STATUSTYPE_FIELDS = ['statustypeIntakeUrl', 'statustypePlanAgreedUrl', 'statustypeClosedUrl'] as const;

/** Every problem at once, as a 400 naming each field; switching on needs everything a zaak needs. */
function check(next: ZgwSettingsView & { hasSecret: boolean }, input: ZgwSettingsInput): void {
  const problems: { field: string; key: string }[] = [];
  for (const f of URL_FIELDS) {
    const key = baseUrlProblem(next[f]);
    if (key) problems.push({ field: f, key });
  }
  if (next.rsin !== '' && !isRsin(next.rsin)) problems.push({ field: 'rsin', key: 'error.zgwRsin' });
  if (next.enabled) {
    for (const f of ['zakenUrl', 'zaaktypeUrl', 'rsin', 'clientId'] as const) {
      if (next[f] === '' && !problems.some((p) => p.field === f)) problems.push({ field: f, key: 'error.zgwRequiredWhenEnabled' });
    }
    if (!next.hasSecret) problems.push({ field: 'clientSecret', key: 'error.zgwRequiredWhenEnabled' });
  }
  if (input.clientSecret !== undefined && input.clientSecret.length < 16) problems.push({ field: 'clientSecret', key: 'error.zgwSecretShort' });
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
}

/** Keep the settings (If-Match with the version, 0 before the first save). */
export async function updateZgwSettings(ctx: Ctx, input: ZgwSettingsInput, ifMatch?: VersionCondition): Promise<ZgwSettingsView> {
  authorizeZgw(ctx.actor);
  const mId = ctx.actor.municipalityId;
  // Asked before the transaction: no network call while rows are locked.
  await checkStatustypen(ctx, input);
  return ctx.db.tenant(mId, async (trx) => {
    const row = await trx.selectFrom('zgw_settings').selectAll().where('municipality_id', '=', mId).forUpdate().executeTakeFirst();
    const current = view(row);
    if (!versionMatches(ifMatch, current.version)) throw staleVersion();
    const next = { ...current };
    for (const [k, v] of Object.entries(input)) {
      if (k !== 'clientSecret' && v !== undefined) (next as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
    }
    for (const f of ['zakenUrl', 'catalogiUrl', 'documentenUrl'] as const) next[f] = trimSlash(next[f]);
    if (input.clientSecret !== undefined) next.hasSecret = true;
    check(next, input);
    const values = {
      enabled: next.enabled,
      zaken_url: next.zakenUrl,
      catalogi_url: next.catalogiUrl,
      documenten_url: next.documentenUrl,
      zaaktype_url: next.zaaktypeUrl,
      statustype_intake_url: next.statustypeIntakeUrl,
      statustype_plan_agreed_url: next.statustypePlanAgreedUrl,
      statustype_closed_url: next.statustypeClosedUrl,
      informatieobjecttype_url: next.informatieobjecttypeUrl,
      rsin: next.rsin,
      client_id: next.clientId,
      ...(input.clientSecret !== undefined ? { secret_sealed: sealSecret(ctx.config, input.clientSecret) } : {}),
      updated_at: ctx.clock.now(),
    };
    if (row)
      await trx
        .updateTable('zgw_settings')
        .set({ ...values, version: row.version + 1 })
        .where('municipality_id', '=', mId)
        .execute();
    else
      await trx
        .insertInto('zgw_settings')
        .values({ municipality_id: mId, ...values })
        .execute();
    return view(await trx.selectFrom('zgw_settings').selectAll().where('municipality_id', '=', mId).executeTakeFirstOrThrow());
  });
}

export interface ZgwTaskView {
  id: string;
  caseId: string;
  caseReference: string;
  step: TaskStep;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

const taskView = (r: Selectable<ZgwTaskTable> & { reference: string }): ZgwTaskView => ({
  id: r.id,
  caseId: r.case_id,
  caseReference: r.reference,
  step: r.step as TaskStep,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastAttemptAt: r.last_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

/** The status page: pending and failed tasks (oldest first), and how many are done. */
export async function listZgwTasks(ctx: Ctx): Promise<{ items: ZgwTaskView[]; done: number }> {
  authorizeZgw(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const rows = await trx
      .selectFrom('zgw_tasks as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .selectAll('t')
      .select('c.reference')
      .where('t.municipality_id', '=', mId)
      .where('t.status', 'in', ['pending', 'failed'])
      .orderBy('t.created_at')
      .orderBy('t.event_id')
      .orderBy('t.id')
      .limit(500)
      .execute();
    const done = await trx
      .selectFrom('zgw_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', mId)
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    return { items: rows.map(taskView), done: Number(done.n) };
  });
}

async function taskOf(trx: Tx, mId: string, id: string) {
  const row = await trx
    .selectFrom('zgw_tasks as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .selectAll('t')
    .select('c.reference')
    .where('t.municipality_id', '=', mId)
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('zgwTask');
  return row;
}

/** "Opnieuw proberen": a failed or waiting task is due now (its attempts start again). */
export async function retryZgwTask(ctx: Ctx, id: string): Promise<ZgwTaskView> {
  authorizeZgw(ctx.actor);
  const mId = ctx.actor.municipalityId;
  const out = await ctx.db.tenant(mId, async (trx) => {
    const row = await taskOf(trx, mId, id);
    if (row.status === 'done') return taskView(row);
    await trx
      .updateTable('zgw_tasks')
      .set({ status: 'pending', attempts: 0, next_attempt_at: ctx.clock.now(), leased_by: null })
      .where('id', '=', id)
      .execute();
    return taskView(await taskOf(trx, mId, id));
  });
  wakeZgwWorkers();
  return out;
}

/** The settings as they would be after `input`, with the means to call the Catalogi API. */
async function catalogiCall(ctx: Ctx, input: ZgwSettingsInput = {}): Promise<{ call: Call | null; settings: ZgwSettingsView }> {
  const mId = ctx.actor.municipalityId;
  const row = await ctx.db.tenant(mId, (trx) => trx.selectFrom('zgw_settings').selectAll().where('municipality_id', '=', mId).executeTakeFirst());
  const settings = view(row);
  for (const [k, v] of Object.entries(input)) {
    if (k !== 'clientSecret' && typeof v === 'string') (settings as unknown as Record<string, unknown>)[k] = v.trim();
  }
  settings.catalogiUrl = trimSlash(settings.catalogiUrl);
  let secret = input.clientSecret;
  if (secret === undefined && row?.secret_sealed) {
    try {
      secret = openSecret(ctx.config, row.secret_sealed);
    } catch {
      secret = undefined;
    }
  }
  if (!settings.catalogiUrl || baseUrlProblem(settings.catalogiUrl) || !settings.clientId || !secret) return { call: null, settings };
  // the JWT's iat is the real time, whatever the domain clock says (as the worker's signClock)
  return { call: { base: settings.catalogiUrl, token: await zgwJwt(settings.clientId, secret, new Date()), timeoutMs: 10_000 }, settings };
}

const catalogiUnreachable = (detail: string) => new AppError(502, 'zgw-catalogi-unreachable', 'error.zgwCatalogiUnreachable', { detail: detail.slice(0, 200) });
const catalogiNotConfigured = () => new AppError(409, 'conflict', 'error.zgwCatalogiNotConfigured');

/**
 * A chosen status type must be one of the chosen zaaktype's (docs/product.md#zgw-zaaktype-choice).
 * Asked only when the Catalogi API can be reached: when it cannot, the addresses typed
 * in are kept as they are.
 */
async function checkStatustypen(ctx: Ctx, input: ZgwSettingsInput): Promise<void> {
  const touched = ['zaaktypeUrl', 'catalogiUrl', ...STATUSTYPE_FIELDS].some((f) => input[f as keyof ZgwSettingsInput] !== undefined);
  if (!touched) return;
  const { call, settings } = await catalogiCall(ctx, input);
  const chosen = STATUSTYPE_FIELDS.filter((f) => settings[f] !== '');
  if (!call || !settings.zaaktypeUrl || !chosen.length || baseUrlProblem(settings.zaaktypeUrl)) return;
  let known: Set<string>;
  try {
    known = new Set((await statustypenOf(call, settings.zaaktypeUrl)).map((t) => t.url));
  } catch (err) {
    if (err instanceof ZgwFailure) return;
    throw err;
  }
  const problems = chosen.filter((f) => !known.has(settings[f])).map((field) => ({ field, key: 'error.zgwStatustypeOfOtherZaaktype' }));
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
}

async function fromCatalogi<T>(ctx: Ctx, read: (c: Call) => Promise<T>): Promise<T> {
  authorizeZgw(ctx.actor);
  const { call } = await catalogiCall(ctx);
  if (!call) throw catalogiNotConfigured();
  try {
    return await read(call);
  } catch (err) {
    if (err instanceof ZgwFailure) throw catalogiUnreachable(err.message);
    throw err;
  }
}

/** The definitive zaaktypen of the municipality's Catalogi API with their status types (admin). */
export const listZaaktypen = (ctx: Ctx): Promise<ZaaktypeChoice[]> => fromCatalogi(ctx, zaaktypen);

/** The definitive informatieobjecttypen of the municipality's Catalogi API (admin). */
export const listInformatieobjecttypen = (ctx: Ctx): Promise<InformatieobjecttypeChoice[]> => fromCatalogi(ctx, informatieobjecttypen);

export interface CaseZaakView {
  /** the zaak in the zaaksysteem; null while it is not (yet) registered */
  zaakUrl: string | null;
  /** tasks of this case still waiting */
  pending: number;
  /** tasks of this case given up after the last attempt */
  failed: number;
}

/** The zaak of one case, for staff who may read the case (docs/product.md#zgw-zaak-on-case). */
export async function caseZaak(ctx: Ctx, caseId: string): Promise<CaseZaakView> {
  zgwPolicy.authorize(ctx.actor, null, 'viewCaseZaak');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'viewInternal');
    const zaak = await trx.selectFrom('zgw_zaken').select('zaak_url').where('municipality_id', '=', mId).where('case_id', '=', c.id).executeTakeFirst();
    const counts = await trx
      .selectFrom('zgw_tasks')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', mId)
      .where('case_id', '=', c.id)
      .where('status', 'in', ['pending', 'failed'])
      .groupBy('status')
      .execute();
    const n = (status: string) => Number(counts.find((r) => r.status === status)?.n ?? 0);
    return { zaakUrl: zaak?.zaak_url ?? null, pending: n('pending'), failed: n('failed') };
  });
}
