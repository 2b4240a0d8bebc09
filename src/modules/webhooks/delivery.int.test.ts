// Webhooks end to end on both engines (docs/product.md#webhooks): subscriptions and
// their secrets, the deliveries written with the event, a real local receiver that
// verifies the Standard Webhooks signature, retries with back-off, the dead letter and
// "opnieuw proberen", redirects not followed, and municipalities kept apart.
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../platform/context.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { recordEvent } from '../timeline/index.js';
import { unsafeDeliverDueWebhooks } from './delivery.js';
import {
  createSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  retryDelivery,
  rotateSecret,
  sendTestEvent,
  updateSubscription,
  updateWebhookSettings,
} from './service.js';
import { type Receiver, startReceiver } from './testing.js';

const { db, deps: base } = withTestDb();
const deps = { ...base, config: { ...base.config, webhooks: { allowHttp: true, maxAttempts: 3, timeoutMs: 2000 } } } as Deps & { clock: typeof base.clock };
const OIN = '00000001001234567000';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
async function receiver(answer?: Receiver['answer']) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

async function adminIn(m: TestMunicipality, oin: string | null = OIN) {
  const admin = ctxFor(deps, await actorOf('admin', { municipality: m }));
  if (oin) await updateWebhookSettings(admin, { oin });
  return admin;
}

const deliver = () => unsafeDeliverDueWebhooks(deps, {});
const deliveriesOf = (subscriptionId: string) =>
  db.unsafeAdmin.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('created_at').orderBy('kind').execute();

async function statusChange(m: TestMunicipality, caseId: string) {
  await db.tenant(m.id, (trx) =>
    recordEvent(
      trx,
      { municipalityId: m.id, actorId: null, at: deps.clock.now() },
      { caseId, visibility: 'internal', event: { type: 'case.statusChanged', payload: { from: 'intake', to: 'planning', reason: null, planDueOn: null } } },
    ),
  );
}

describe('subscriptions and their secrets', () => {
  it('needs the OIN first, then shows a whsec_ secret once and never again', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m, null);
    expect(await refusal(createSubscription(admin, { url: 'https://zaken.example.nl/in' }))).toMatchObject({ status: 409, key: 'error.webhookNeedsOin' });
    await updateWebhookSettings(admin, { oin: OIN });
    const { subscription, secret } = await createSubscription(admin, { url: 'https://zaken.example.nl/in', description: 'Zaaksysteem' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(await listSubscriptions(admin))).not.toContain(secret.slice(6));
    expect(JSON.stringify(await getSubscription(admin, subscription.id))).not.toContain(secret.slice(6));
    // Stored sealed: the database holds no copy of it.
    const row = await db.unsafeAdmin.selectFrom('webhook_subscriptions').selectAll().where('id', '=', subscription.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
    const rotated = await rotateSecret(admin, { id: subscription.id, ifMatch: 1 });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.subscription.version).toBe(2);
    expect(await refusal(rotateSecret(admin, { id: subscription.id, ifMatch: 1 }))).toMatchObject({ status: 412 });
  });

  it('refuses a bad URL, an unknown type, a bad OIN, and anyone but the admin', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const strict = { ...admin, config: { ...admin.config, webhooks: { ...admin.config.webhooks, allowHttp: false } } };
    expect(await refusal(createSubscription(strict, { url: 'http://zaken.example.nl/in', eventTypes: ['geen-type'] }))).toMatchObject({
      status: 400,
      fields: ['url', 'eventTypes'],
    });
    expect(await refusal(createSubscription(admin, { url: 'https://u:p@zaken.example.nl/in' }))).toMatchObject({ status: 400, fields: ['url'] });
    expect(await refusal(updateWebhookSettings(admin, { oin: '1234' }))).toMatchObject({ status: 400, fields: ['oin'] });
    const coordinator = ctxFor(deps, await actorOf('coordinator', { municipality: m }));
    expect(await refusal(listSubscriptions(coordinator))).toMatchObject({ status: 403 });
  });
});

describe('delivery', () => {
  it('writes a delivery with each event and POSTs a signed NL GOV CloudEvent without personal data', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const r = await receiver();
    const { subscription, secret } = await createSubscription(admin, { url: r.url });
    const c = await buildCase({
      municipality: m,
      deps,
      status: 'intake',
      initiator: { name: 'Fatima de Vries', email: 'fatima.devries@example.nl' },
      title: 'Terras aan de haven',
    });
    expect((await deliveriesOf(subscription.id)).map((d) => d.kind).sort()).toEqual([
      'case.assigned',
      'case.confirmed',
      'case.statusChanged',
      'case.submitted',
    ]);

    expect(await deliver()).toBe(4);
    expect(r.received).toHaveLength(4);
    const wh = new Webhook(secret);
    const ids = new Set<string>();
    for (const got of r.received) {
      // Throws unless the signature over "id.timestamp.body" is right and recent.
      const event = wh.verify(got.body, got.headers as Record<string, string>) as Record<string, unknown>;
      expect(got.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(event).toMatchObject({
        specversion: '1.0',
        id: got.headers['webhook-id'],
        source: `urn:nld:oin:${OIN}:systeem:regie`,
        subject: c.id,
        datacontenttype: 'application/json',
        dataref: `http://regie.test/api/v1/cases/${c.id}`,
        data: { caseId: c.id, reference: c.reference },
      });
      expect(String(event.type)).toMatch(new RegExp(`^nl\\.${m.slug}\\.regie\\.zaak-`));
      for (const personal of ['Fatima', 'Vries', 'fatima.devries', 'Terras']) expect(got.body).not.toContain(personal);
      ids.add(String(got.headers['webhook-id']));
    }
    expect(ids.size).toBe(4);
    expect((await deliveriesOf(subscription.id)).every((d) => d.status === 'delivered' && d.attempts === 1 && d.last_status === 204)).toBe(true);
  });

  it('includes personal data only where the subscription allows it, and only the types it chose', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const r = await receiver();
    await createSubscription(admin, { url: r.url, personalData: true, eventTypes: ['zaak-regisseur-toegewezen'] });
    await buildCase({ municipality: m, deps, status: 'intake' });
    expect(await deliver()).toBe(1);
    const event = JSON.parse(r.received[0]?.body ?? '{}');
    expect(event.type).toBe(`nl.${m.slug}.regie.zaak-regisseur-toegewezen`);
    expect(event.data.details.directorName).toEqual(expect.any(String));
  });

  it('never writes nor sends one municipality’s events to another’s subscription', async () => {
    const a = await buildMunicipality(db);
    const b = await buildMunicipality(db);
    const ra = await receiver();
    const rb = await receiver();
    const subA = (await createSubscription(await adminIn(a), { url: ra.url })).subscription;
    const subB = (await createSubscription(await adminIn(b), { url: rb.url })).subscription;
    await buildCase({ municipality: a, deps });
    await deliver();
    expect(ra.received.length).toBeGreaterThan(0);
    expect(rb.received).toHaveLength(0);
    expect(await deliveriesOf(subB.id)).toHaveLength(0);
    expect((await deliveriesOf(subA.id)).length).toBe(ra.received.length);
  });

  it('writes nothing when the event’s transaction rolls back', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const { subscription } = await createSubscription(admin, { url: 'https://zaken.example.nl/in' });
    const c = await buildCase({ municipality: m, deps });
    const before = (await deliveriesOf(subscription.id)).length;
    await expect(
      db.tenant(m.id, async (trx) => {
        await recordEvent(
          trx,
          { municipalityId: m.id, actorId: null, at: deps.clock.now() },
          { caseId: c.id, visibility: 'internal', event: { type: 'note.added', payload: { text: 'x' } } },
        );
        throw new Error('the use-case fails after its event');
      }),
    ).rejects.toThrow('fails');
    expect(await deliveriesOf(subscription.id)).toHaveLength(before);
  });

  it('retries with back-off under the same webhook-id, gives up after the last attempt, and tries again on request', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    let failing = true;
    const r = await receiver(() => (failing ? 503 : 200));
    const { subscription } = await createSubscription(admin, { url: r.url, eventTypes: ['zaak-status-gewijzigd'] });
    const c = await buildCase({ municipality: m, deps });
    await statusChange(m, c.id);
    const start = deps.clock.now();
    try {
      expect(await deliver()).toBe(0);
      let [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status: 503, last_error: 'HTTP 503' });
      expect(d?.next_attempt_at.getTime()).toBe(start.getTime() + 30_000);

      // Not due yet: nothing is sent.
      await deliver();
      expect(r.received).toHaveLength(1);
      deps.clock.set(new Date(start.getTime() + 30_000));
      await deliver();
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 2 });
      expect(d?.next_attempt_at.getTime()).toBe(start.getTime() + 30_000 + 60_000);
      deps.clock.set(new Date(start.getTime() + 90_000));
      await deliver();
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'dead', attempts: 3 });
      expect(r.received).toHaveLength(3);
      expect(new Set(r.received.map((x) => x.headers['webhook-id']))).toEqual(new Set([d?.id]));

      // The log shows it, and "opnieuw proberen" sends it again.
      const log = await listDeliveries(admin, { id: subscription.id, status: 'dead', limit: 10 });
      expect(log.items).toMatchObject([{ id: d?.id, status: 'dead', attempts: 3, lastStatus: 503, eventType: 'zaak-status-gewijzigd' }]);
      failing = false;
      expect(await retryDelivery(admin, { id: subscription.id, deliveryId: d?.id as string })).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await deliver()).toBe(1);
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_status: 200, last_error: null });
      expect(r.received[3]?.headers['webhook-id']).toBe(d?.id);
      expect(await refusal(retryDelivery(admin, { id: subscription.id, deliveryId: d?.id as string }))).toMatchObject({ status: 409 });
    } finally {
      deps.clock.set(start);
    }
  });

  it('does not follow a redirect', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const elsewhere = await receiver();
    const r = await receiver(() => ({ redirect: elsewhere.url }));
    const { subscription } = await createSubscription(admin, { url: r.url });
    await sendTestEvent(admin, { id: subscription.id });
    expect(await deliver()).toBe(0);
    expect(r.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    const [d] = await deliveriesOf(subscription.id);
    expect(d).toMatchObject({ status: 'pending', last_status: 302, last_error: 'redirect not followed (HTTP 302)' });
  });

  it('keeps a paused subscription’s deliveries until it is resumed, and writes none for events while it is paused', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const r = await receiver();
    const { subscription } = await createSubscription(admin, { url: r.url, eventTypes: ['zaak-status-gewijzigd'] });
    const c = await buildCase({ municipality: m, deps });
    await statusChange(m, c.id);
    await updateSubscription(admin, { id: subscription.id, changes: { active: false } });
    await deliver();
    expect(r.received).toHaveLength(0);
    await statusChange(m, c.id);
    expect(await deliveriesOf(subscription.id)).toHaveLength(1);
    expect(await refusal(sendTestEvent(admin, { id: subscription.id }))).toMatchObject({ status: 409 });
    await updateSubscription(admin, { id: subscription.id, changes: { active: true } });
    expect(await deliver()).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it('pages the delivery log newest first with a signed cursor', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const { subscription } = await createSubscription(admin, { url: 'https://zaken.example.nl/in' });
    const start = deps.clock.now();
    try {
      for (let i = 0; i < 5; i++) {
        deps.clock.set(new Date(start.getTime() + i * 1000));
        await sendTestEvent(admin, { id: subscription.id });
      }
    } finally {
      deps.clock.set(start);
    }
    const first = await listDeliveries(admin, { id: subscription.id, limit: 2 });
    const second = await listDeliveries(admin, { id: subscription.id, limit: 2, cursor: first.nextCursor as string });
    const third = await listDeliveries(admin, { id: subscription.id, limit: 2, cursor: second.nextCursor as string });
    const all = [...first.items, ...second.items, ...third.items];
    expect(all).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
    expect(all.map((d) => d.createdAt.getTime())).toEqual([4, 3, 2, 1, 0].map((i) => start.getTime() + i * 1000));
    const other = await adminIn(await buildMunicipality(db));
    expect(await refusal(listDeliveries(other, { id: subscription.id, limit: 2 }))).toMatchObject({ status: 404 });
  });

  it('delivers each row once when two processes deliver at the same time, and takes over a dead process’s lease', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const r = await receiver();
    const { subscription } = await createSubscription(admin, { url: r.url });
    for (let i = 0; i < 12; i++) await sendTestEvent(admin, { id: subscription.id });
    // Two live processes: each beats its heart (processes.ts), so neither takes the other's leases.
    const now = deps.clock.now();
    await db.unsafeAdmin
      .insertInto('regie_processes')
      .values(['process-one', 'process-two'].map((id) => ({ id, started_at: now, seen_at: now, pid: 1, host: 'test' })))
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: now }))
      .execute();
    const [one, two] = await Promise.all([
      unsafeDeliverDueWebhooks(deps, { owner: 'process-one', batch: 3, concurrency: 2 }),
      unsafeDeliverDueWebhooks(deps, { owner: 'process-two', batch: 3, concurrency: 2 }),
    ]);
    expect(one + two).toBe(12);
    expect(r.received).toHaveLength(12);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(12);

    // A row leased by a process that is no longer seen is free at once, lease or not.
    const d = await sendTestEvent(admin, { id: subscription.id });
    await db.unsafeAdmin
      .updateTable('webhook_deliveries')
      .set({ leased_by: 'process-gone', attempts: 1, next_attempt_at: new Date(deps.clock.now().getTime() + 60_000) })
      .where('id', '=', d.id)
      .execute();
    expect(await unsafeDeliverDueWebhooks(deps, { owner: 'process-one' })).toBe(1);
    expect(r.received.at(-1)?.headers['webhook-id']).toBe(d.id);
  });
});
