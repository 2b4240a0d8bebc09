// Webhook use-cases (docs/product.md#webhooks): the municipality's OIN, its
// subscriptions, their signing secrets, the test event, the delivery log and a
// delivery taken back from the dead letter. One transaction each, scoped to the
// actor's municipality; admin only. A secret leaves Regie only in the answer to its
// creation or rotation, never in a read and never in a log line.

import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { AppError, conflict, invalid, notFound, staleVersion } from '../../kernel/errors.js';
import { type VersionCondition, versionMatches } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import { afterCommit, type Tx } from '../../platform/db/index.js';
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from '../../platform/db/schema.js';
import { listPages } from '../../platform/secret.js';
import { cloudEventSource, cloudEventType, EVENT_NAMES, nameOf, OIN, PUBLISHED, TEST_KIND, urlProblem } from './model.js';
import { type Format, NOTIFICATIE_NAMES } from './notificaties.js';
import { authorizeWebhooks } from './policy.js';
import { newSigningSecret, sealClientSecret, sealSecret } from './secrets.js';
import { wakeWebhookWorkers } from './wake.js';

/** How many subscriptions one municipality may have. */
export const MAX_SUBSCRIPTIONS = 50;

type SubscriptionRow = Selectable<WebhookSubscriptionTable>;
type DeliveryRow = Selectable<WebhookDeliveryTable>;

export interface SubscriptionView {
  id: string;
  url: string;
  description: string;
  /** null: every published type */
  eventTypes: string[] | null;
  personalData: boolean;
  active: boolean;
  /** cloudevents, or zgw-notificaties: `url` is then a Notificaties API's base URL */
  format: Format;
  /** the ZGW client id (zgw-notificaties); null for cloudevents */
  clientId: string | null;
  /** a secret is kept (never shown) */
  hasSecret: boolean;
  version: number;
  secretRotatedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const view = (r: SubscriptionRow): SubscriptionView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.event_types,
  personalData: r.personal_data,
  active: r.active,
  format: r.format as Format,
  clientId: r.client_id,
  hasSecret: r.secret_sealed !== '',
  version: r.version,
  secretRotatedAt: r.secret_rotated_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface SubscriptionFields {
  url: string;
  description: string;
  eventTypes: string[] | null;
  personalData: boolean;
  active: boolean;
  format: Format;
  /** zgw-notificaties: the ZGW client id and secret (docs/product.md#zgw-notificaties) */
  clientId: string;
  clientSecret: string;
}

type Problem = { field: string; key: string; params?: Record<string, string | number> };

/**
 * Every problem with the fields at once: a 400 naming each field. `format` is the
 * subscription's (given at creation, kept after): a ZGW Notificaties subscription
 * needs a client id and secret and takes only the events that become a notificatie
 * (docs/product.md#zgw-notificaties); a CloudEvents one has neither.
 */
function checkFields(ctx: Ctx, f: Partial<SubscriptionFields>, format: Format, creating: boolean): void {
  const problems: Problem[] = [];
  if (f.url !== undefined) {
    const key = urlProblem(f.url, ctx.config.webhooks.allowHttp);
    if (key) problems.push({ field: 'url', key });
  }
  if (format === 'zgw-notificaties') {
    if ((creating || f.clientId !== undefined) && !f.clientId?.trim()) problems.push({ field: 'clientId', key: 'error.webhookClientIdRequired' });
    if ((creating || f.clientSecret !== undefined) && !f.clientSecret) problems.push({ field: 'clientSecret', key: 'error.webhookClientSecretRequired' });
  } else {
    if (f.clientId !== undefined) problems.push({ field: 'clientId', key: 'error.webhookZgwOnly' });
    if (f.clientSecret !== undefined) problems.push({ field: 'clientSecret', key: 'error.webhookZgwOnly' });
  }
  if (f.eventTypes) {
    const allowed = format === 'zgw-notificaties' ? NOTIFICATIE_NAMES : EVENT_NAMES;
    const unknown = f.eventTypes.filter((n) => !allowed.includes(n));
    if (unknown.length) problems.push({ field: 'eventTypes', key: 'error.webhookUnknownType', params: { names: unknown.join(', ') } });
    else if (!f.eventTypes.length) problems.push({ field: 'eventTypes', key: 'error.webhookNoTypes' });
  }
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
}

/** The subscriptions' chosen names, without doubles, in the order of the published table. */
const normalisedTypes = (names: string[] | null | undefined) => (names ? EVENT_NAMES.filter((n) => names.includes(n)) : names);

async function lockSubscription(trx: Tx, mId: string, id: string, ifMatch: VersionCondition | undefined): Promise<SubscriptionRow> {
  const row = await trx.selectFrom('webhook_subscriptions').selectAll().where('municipality_id', '=', mId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('webhook');
  if (!versionMatches(ifMatch, row.version)) throw staleVersion();
  return row;
}

// ---- the municipality as an event source -----------------------------------------------

export interface WebhookSettingsView {
  oin: string | null;
  /** urn:nld:oin:<OIN>:systeem:regie; null until the OIN is set */
  source: string | null;
  /** the published types: name and the full CloudEvent type of this municipality */
  eventTypes: { name: string; type: string; kind: string }[];
}

export async function getWebhookSettings(ctx: Ctx): Promise<WebhookSettingsView> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => settingsOf(trx, mId));
}

async function settingsOf(trx: Tx, mId: string): Promise<WebhookSettingsView> {
  const m = await trx
    .selectFrom('municipalities as m')
    .leftJoin('webhook_settings as s', 's.municipality_id', 'm.id')
    .select(['m.slug', 's.oin'])
    .where('m.id', '=', mId)
    .executeTakeFirstOrThrow();
  return {
    oin: m.oin,
    source: m.oin ? cloudEventSource(m.oin) : null,
    eventTypes: [
      ...Object.entries(PUBLISHED).map(([kind, p]) => ({ kind, name: p.name, type: cloudEventType(m.slug, p.name) })),
      { kind: TEST_KIND, name: 'test', type: cloudEventType(m.slug, 'test') },
    ],
  };
}

export async function updateWebhookSettings(ctx: Ctx, input: { oin: string }): Promise<WebhookSettingsView> {
  authorizeWebhooks(ctx.actor);
  if (!OIN.test(input.oin)) throw invalid('oin', 'error.webhookOin');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    await trx
      .insertInto('webhook_settings')
      .values({ municipality_id: mId, oin: input.oin, updated_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ oin: input.oin, updated_at: ctx.clock.now() }))
      .execute();
    return settingsOf(trx, mId);
  });
}

// ---- subscriptions ----------------------------------------------------------------------

export interface DeliveryCounts {
  pending: number;
  delivered: number;
  dead: number;
}

export async function listSubscriptions(ctx: Ctx): Promise<(SubscriptionView & { counts: DeliveryCounts })[]> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const rows = await trx.selectFrom('webhook_subscriptions').selectAll().where('municipality_id', '=', mId).orderBy('created_at').orderBy('id').execute();
    const counts = await countsOf(
      trx,
      mId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...view(r), counts: counts.get(r.id) ?? { pending: 0, delivered: 0, dead: 0 } }));
  });
}

async function countsOf(trx: Tx, mId: string, ids: string[]): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>();
  if (!ids.length) return out;
  const rows = await trx
    .selectFrom('webhook_deliveries')
    .select(['subscription_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('municipality_id', '=', mId)
    .where('subscription_id', 'in', ids)
    .groupBy(['subscription_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.subscription_id) ?? { pending: 0, delivered: 0, dead: 0 };
    c[r.status] = r.n;
    out.set(r.subscription_id, c);
  }
  return out;
}

export async function getSubscription(ctx: Ctx, id: string): Promise<SubscriptionView & { counts: DeliveryCounts }> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await trx.selectFrom('webhook_subscriptions').selectAll().where('municipality_id', '=', mId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('webhook');
    const counts = (await countsOf(trx, mId, [id])).get(id) ?? { pending: 0, delivered: 0, dead: 0 };
    return { ...view(row), counts };
  });
}

/**
 * A new subscription and, for CloudEvents, its signing secret: the only time the
 * secret is shown, besides rotation. A ZGW Notificaties subscription shows none: its
 * client secret came from the admin (docs/product.md#zgw-notificaties).
 */
export async function createSubscription(
  ctx: Ctx,
  input: Partial<SubscriptionFields> & { url: string; format?: 'cloudevents' },
): Promise<{ subscription: SubscriptionView; secret: string }>;
export async function createSubscription(
  ctx: Ctx,
  input: Partial<SubscriptionFields> & { url: string },
): Promise<{ subscription: SubscriptionView; secret: string | null }>;
export async function createSubscription(
  ctx: Ctx,
  input: Partial<SubscriptionFields> & { url: string },
): Promise<{ subscription: SubscriptionView; secret: string | null }> {
  authorizeWebhooks(ctx.actor);
  const format = input.format ?? 'cloudevents';
  checkFields(ctx, input, format, true);
  const mId = ctx.actor.municipalityId;
  // A CloudEvents subscription gets a signing secret of Regie's making, shown once; a
  // ZGW one keeps the client secret the admin gave, and shows nothing.
  const zgw = format === 'zgw-notificaties';
  const secret = zgw ? null : newSigningSecret();
  const sealed = zgw ? sealClientSecret(ctx.config, input.clientSecret as string) : sealSecret(ctx.config, secret as string);
  return ctx.db.tenant(mId, async (trx) => {
    // One subscription at a time per municipality, so the limit holds under concurrency.
    const settings = await trx.selectFrom('webhook_settings').select('oin').where('municipality_id', '=', mId).forUpdate().executeTakeFirst();
    if (!settings) throw conflict('error.webhookNeedsOin');
    const { n } = await trx
      .selectFrom('webhook_subscriptions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', mId)
      .executeTakeFirstOrThrow();
    if (n >= MAX_SUBSCRIPTIONS) throw conflict('error.webhookTooMany', { max: MAX_SUBSCRIPTIONS });
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('webhook_subscriptions')
      .values({
        municipality_id: mId,
        url: input.url,
        description: input.description ?? '',
        event_types: normalisedTypes(input.eventTypes) ?? null,
        personal_data: input.personalData ?? false,
        active: input.active ?? true,
        format,
        client_id: zgw ? (input.clientId as string).trim() : null,
        secret_sealed: sealed,
        secret_rotated_at: now,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { subscription: view(row), secret };
  });
}

export async function updateSubscription(
  ctx: Ctx,
  input: { id: string; ifMatch?: VersionCondition; changes: Partial<SubscriptionFields> },
): Promise<SubscriptionView> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  const c = input.changes;
  return ctx.db.tenant(mId, async (trx) => {
    const row = await lockSubscription(trx, mId, input.id, input.ifMatch);
    checkFields(ctx, c, row.format as Format, false);
    const updated = await trx
      .updateTable('webhook_subscriptions')
      .set({
        ...(c.url !== undefined ? { url: c.url } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.eventTypes !== undefined ? { event_types: normalisedTypes(c.eventTypes) ?? null } : {}),
        ...(c.personalData !== undefined ? { personal_data: c.personalData } : {}),
        ...(c.active !== undefined ? { active: c.active } : {}),
        ...(c.clientId !== undefined ? { client_id: c.clientId.trim() } : {}),
        ...(c.clientSecret !== undefined ? { secret_sealed: sealClientSecret(ctx.config, c.clientSecret), secret_rotated_at: ctx.clock.now() } : {}),
        version: row.version + 1,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Resumed: what waited while it was paused goes out now.
    if (c.active && !row.active) wakeAfterCommit(trx);
    return view(updated);
  });
}

/** Deletes the subscription and its delivery log; what was not delivered is not sent. */
export async function deleteSubscription(ctx: Ctx, input: { id: string; ifMatch?: VersionCondition }): Promise<void> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const row = await lockSubscription(trx, mId, input.id, input.ifMatch);
    await trx.deleteFrom('webhook_deliveries').where('municipality_id', '=', mId).where('subscription_id', '=', row.id).execute();
    await trx.deleteFrom('webhook_subscriptions').where('id', '=', row.id).execute();
  });
}

/**
 * A new signing secret, in force at once: every attempt from now on, also of
 * deliveries made earlier, is signed with it. Shown once, in this answer.
 */
export async function rotateSecret(ctx: Ctx, input: { id: string; ifMatch?: VersionCondition }): Promise<{ subscription: SubscriptionView; secret: string }> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  const secret = newSigningSecret();
  return ctx.db.tenant(mId, async (trx) => {
    const row = await lockSubscription(trx, mId, input.id, input.ifMatch);
    if (row.format === 'zgw-notificaties') throw conflict('error.webhookZgwSecretGiven');
    const now = ctx.clock.now();
    const updated = await trx
      .updateTable('webhook_subscriptions')
      .set({ secret_sealed: sealSecret(ctx.config, secret), secret_rotated_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { subscription: view(updated), secret };
  });
}

// ---- deliveries -------------------------------------------------------------------------

export interface DeliveryView {
  id: string;
  kind: string;
  /** the published name (the end of the CloudEvent type) */
  eventType: string;
  eventId: number | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const deliveryView = (r: DeliveryRow): DeliveryView => ({
  id: r.id,
  kind: r.kind,
  eventType: nameOf(r.kind) ?? r.kind,
  eventId: r.event_id === null ? null : Number(r.event_id),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
});

/** The worker delivers at once after the commit, instead of at its next round. */
const wakeAfterCommit = (trx: Tx) => afterCommit(trx, wakeWebhookWorkers);

/** The "test event" button: one delivery of a test CloudEvent to this subscription, through the same outbox. */
export async function sendTestEvent(ctx: Ctx, input: { id: string }): Promise<DeliveryView> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const sub = await trx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'active', 'format'])
      .where('municipality_id', '=', mId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!sub) throw notFound('webhook');
    if (!sub.active) throw conflict('error.webhookPaused');
    if (sub.format === 'zgw-notificaties') throw conflict('error.webhookZgwNoTest');
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('webhook_deliveries')
      .values({ municipality_id: mId, subscription_id: sub.id, event_id: null, kind: TEST_KIND, created_at: now, next_attempt_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    wakeAfterCommit(trx);
    return deliveryView(row);
  });
}

export interface DeliveryFilter {
  id: string;
  status?: DeliveryView['status'];
  cursor?: string;
  limit: number;
}

/** The delivery log of one subscription: newest first, a signed cursor per page. */
export async function listDeliveries(ctx: Ctx, f: DeliveryFilter): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  const pages = listPages(ctx.config, 'webhook-deliveries');
  const cur = f.cursor ? pages.decode(f.cursor) : null;
  return ctx.db.tenant(mId, async (trx) => {
    const sub = await trx.selectFrom('webhook_subscriptions').select('id').where('municipality_id', '=', mId).where('id', '=', f.id).executeTakeFirst();
    if (!sub) throw notFound('webhook');
    let q = trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('subscription_id', '=', f.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1);
    if (f.status) q = q.where('status', '=', f.status);
    if (cur) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(cur.s), cur.i)));
    const { page, nextCursor } = pages.page(await q.execute(), f.limit, (r) => ({ s: r.created_at.toISOString(), i: r.id }));
    return { items: page.map(deliveryView), nextCursor };
  });
}

/**
 * "Opnieuw proberen": a delivery from the dead letter is due again at once, with a
 * fresh count of attempts. One that is delivered or still being tried: 409.
 */
export async function retryDelivery(ctx: Ctx, input: { id: string; deliveryId: string }): Promise<DeliveryView> {
  authorizeWebhooks(ctx.actor);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const d = await trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('municipality_id', '=', mId)
      .where('subscription_id', '=', input.id)
      .where('id', '=', input.deliveryId)
      .forUpdate()
      .executeTakeFirst();
    if (!d) throw notFound('delivery');
    if (d.status !== 'dead') throw conflict('error.webhookNotDead');
    const row = await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: ctx.clock.now(), leased_by: null })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    wakeAfterCommit(trx);
    return deliveryView(row);
  });
}
