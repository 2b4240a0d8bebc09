// Webhooks to a ZGW Notificaties API on both engines (docs/product.md#zgw-notificaties,
// docs/integrations.md#zgw-notificaties-api), contract-tested against a fake built
// from the official notificaties-1.0.0.yaml that verifies the ZGW JWT and every body:
// which events become notificaties, the hoofdObject before and after the zaak is
// registered, retries and the dead letter through the same outbox, at least once
// after a crash, and the client secret never shown.
import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../platform/context.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { type FakeNotificaties, startFakeNotificaties } from '../../testing/fake-notificaties.js';
import { submitCase } from '../cases/index.js';
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

const { db, deps: base } = withTestDb();
const deps = { ...base, config: { ...base.config, webhooks: { allowHttp: true, maxAttempts: 3, timeoutMs: 2000 } } } as Deps & { clock: typeof base.clock };
const OIN = '00000001001234567000';
const CLIENT_ID = 'regie-notificaties';
const CLIENT_SECRET = 'een-geheim-dat-alleen-de-nrc-kent-0123456789';

const fakes: FakeNotificaties[] = [];
afterEach(async () => {
  for (const f of fakes) expect(f.violations).toEqual([]);
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
async function fakeNrc(secret = CLIENT_SECRET) {
  const f = await startFakeNotificaties({ clientId: CLIENT_ID, secret });
  fakes.push(f);
  return f;
}

async function adminIn(m: TestMunicipality) {
  const admin = ctxFor(deps, await actorOf('admin', { municipality: m }));
  await updateWebhookSettings(admin, { oin: OIN });
  return admin;
}

const subscribe = (admin: Awaited<ReturnType<typeof adminIn>>, url: string, eventTypes?: string[]) =>
  createSubscription(admin, { format: 'zgw-notificaties', url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, eventTypes });

const deliver = (opts: Parameters<typeof unsafeDeliverDueWebhooks>[1] = {}) => unsafeDeliverDueWebhooks(deps, opts);
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

/** The case registered in the zaaksysteem, as the ZGW registration leaves it. */
async function registerZaak(m: TestMunicipality, caseId: string) {
  const zaakUrl = `https://zaken.voorbeeld.nl/zaken/api/v1/zaken/${caseId}`;
  const zaaktype = 'https://ztc.voorbeeld.nl/catalogi/api/v1/zaaktypen/0119dd4e';
  await db.unsafeAdmin.insertInto('zgw_settings').values({ municipality_id: m.id, enabled: false, rsin: '002564440', zaaktype_url: zaaktype }).execute();
  await db.unsafeAdmin.insertInto('zgw_zaken').values({ municipality_id: m.id, case_id: caseId, zaak_url: zaakUrl }).execute();
  return { zaakUrl, zaaktype };
}

describe('notificaties on the kanaal zaken', () => {
  it('turns a confirmed case and its status changes into valid notificaties, with the zaak as hoofdObject once it is registered', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription, secret } = await subscribe(admin, nrc.url);
    expect(secret).toBeNull();
    const c = await buildCase({
      municipality: m,
      deps,
      status: 'intake',
      initiator: { name: 'Fatima de Vries', email: 'fatima.devries@example.nl' },
      title: 'Terras aan de haven',
    });
    // Submitted unconfirmed (no zaak yet), confirmed, assigned (no notificatie), to intake.
    expect((await deliveriesOf(subscription.id)).map((d) => d.kind).sort()).toEqual(['case.confirmed', 'case.statusChanged']);
    expect(await deliver()).toBe(2);

    const caseUrl = `http://regie.test/api/v1/cases/${c.id}`;
    const byResource = Object.fromEntries(nrc.notificaties.map((n) => [n.resource, n]));
    expect(byResource.zaak).toEqual({
      kanaal: 'zaken',
      hoofdObject: caseUrl,
      resource: 'zaak',
      resourceUrl: caseUrl,
      actie: 'create',
      aanmaakdatum: expect.any(String),
    });
    expect(byResource.status).toMatchObject({ kanaal: 'zaken', hoofdObject: caseUrl, resource: 'status', actie: 'create' });
    expect(String(byResource.status?.resourceUrl)).toMatch(new RegExp(`^${caseUrl}/events#\\d{20}$`));
    for (const r of nrc.requests) {
      expect(r.path).toBe('/api/v1/notificaties');
      expect(String(r.headers.authorization)).toMatch(/^Bearer /);
      for (const personal of ['Fatima', 'Vries', 'fatima.devries', 'Terras']) expect(JSON.stringify(r.body)).not.toContain(personal);
    }
    expect((await deliveriesOf(subscription.id)).every((d) => d.status === 'delivered' && d.attempts === 1 && d.last_status === 200)).toBe(true);

    // Registered in the zaaksysteem: from now on the zaak is the hoofdObject.
    const { zaakUrl, zaaktype } = await registerZaak(m, c.id);
    await statusChange(m, c.id);
    expect(await deliver()).toBe(1);
    expect(nrc.notificaties.at(-1)).toMatchObject({
      hoofdObject: zaakUrl,
      resource: 'status',
      actie: 'create',
      kenmerken: { bronorganisatie: '002564440', zaaktype },
    });
  });

  it('reports a case registered at the desk as a zaak at once, and a public intake only once it is confirmed', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription } = await subscribe(admin, nrc.url);
    const desk = await actorOf('coordinator', { municipality: m });
    const filed = await submitCase(
      deps,
      {
        municipalityId: m.id,
        initiator: { name: 'Sem de Boer', email: 'sem.deboer@example.nl' },
        title: 'Markt op zondag',
        description: 'Een markt.',
        location: 'Plein 1',
        channel: 'desk',
      },
      desk,
    );
    expect(filed.confirmed).toBe(true);
    const pub = await submitCase(deps, {
      municipalityId: m.id,
      initiator: { name: 'Iemand', email: 'iemand@example.nl' },
      title: 'Nog niet bevestigd',
      description: 'Een aanvraag.',
      location: 'Plein 2',
      channel: 'web',
    });
    expect(pub.confirmed).toBe(false);
    expect((await deliveriesOf(subscription.id)).map((d) => d.kind)).toEqual(['case.submitted']);
    await deliver();
    expect(nrc.notificaties).toEqual([
      expect.objectContaining({ resource: 'zaak', actie: 'create', hoofdObject: `http://regie.test/api/v1/cases/${filed.id}` }),
    ]);
  });

  it('reports a confirmed public intake as a zaak, and its suspension as a partial update', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription } = await subscribe(admin, nrc.url);
    const c = await buildCase({ municipality: m, deps });
    await db.tenant(m.id, (trx) =>
      recordEvent(
        trx,
        { municipalityId: m.id, actorId: null, at: deps.clock.now() },
        { caseId: c.id, visibility: 'internal', event: { type: 'clock.suspended', payload: { since: '2026-03-02', reason: 'Wacht op stukken' } } },
      ),
    );
    expect((await deliveriesOf(subscription.id)).map((d) => d.kind).sort()).toEqual(['case.confirmed', 'clock.suspended']);
    await deliver();
    expect(nrc.notificaties.map((n) => `${n.resource} ${n.actie}`).sort()).toEqual(['zaak create', 'zaak partial_update']);
    expect(JSON.stringify(nrc.notificaties)).not.toContain('Wacht op stukken');
  });

  it('leaves a CloudEvents subscription of the same municipality as it was', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const zgw = (await subscribe(admin, nrc.url)).subscription;
    const plain = (await createSubscription(admin, { url: 'https://ontvanger.voorbeeld.nl/regie' })).subscription;
    await buildCase({ municipality: m, deps, status: 'intake' });
    expect(await deliveriesOf(plain.id)).toHaveLength(4);
    expect(await deliveriesOf(zgw.id)).toHaveLength(2);
    const listed = (await listSubscriptions(admin)).map((s) => ({ format: s.format, clientId: s.clientId, hasSecret: s.hasSecret }));
    expect(listed.sort((a, b) => a.format.localeCompare(b.format))).toEqual([
      { format: 'cloudevents', clientId: null, hasSecret: true },
      { format: 'zgw-notificaties', clientId: CLIENT_ID, hasSecret: true },
    ]);
  });
});

describe('retries, the dead letter and duplicates', () => {
  it('retries an outage with back-off, logs a problem answer’s detail, gives up after the last attempt, and loses nothing', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription } = await subscribe(admin, nrc.url, ['zaak-status-gewijzigd']);
    const c = await buildCase({ municipality: m, deps });
    await statusChange(m, c.id);
    const start = deps.clock.now();
    try {
      nrc.cutNext(1);
      expect(await deliver()).toBe(0);
      let [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
      expect(d?.next_attempt_at.getTime()).toBe(start.getTime() + 30_000);
      await deliver();
      expect(nrc.requests).toHaveLength(0);

      deps.clock.set(new Date(start.getTime() + 30_000));
      nrc.refuseNext(1, 400, 'Kanaal zaken bestaat niet.');
      await deliver();
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 2, last_status: 400 });
      expect(d?.last_error).toContain('Kanaal zaken bestaat niet.');

      deps.clock.set(new Date(start.getTime() + 90_000));
      nrc.refuseNext(1, 500, 'Storing.');
      await deliver();
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'dead', attempts: 3, last_status: 500 });
      const log = await listDeliveries(admin, { id: subscription.id, status: 'dead', limit: 10 });
      expect(log.items).toMatchObject([{ id: d?.id, status: 'dead', eventType: 'zaak-status-gewijzigd', lastError: expect.stringContaining('Storing.') }]);

      await retryDelivery(admin, { id: subscription.id, deliveryId: d?.id as string });
      expect(await deliver()).toBe(1);
      [d] = await deliveriesOf(subscription.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_status: 200, last_error: null });
      // Nothing lost, nothing doubled: the one status change arrived once.
      expect(nrc.notificaties).toHaveLength(1);
      expect(nrc.notificaties[0]).toMatchObject({ resource: 'status', actie: 'create' });
    } finally {
      deps.clock.set(start);
    }
  });

  it('sends the same notificatie again after a process died between the answer and marking it delivered (at least once)', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription } = await subscribe(admin, nrc.url, ['zaak-status-gewijzigd']);
    const c = await buildCase({ municipality: m, deps });
    await statusChange(m, c.id);
    expect(await deliver()).toBe(1);
    const [d] = await deliveriesOf(subscription.id);
    // What a process leaves that died after the POST: the row still leased in its name, pending.
    await db.unsafeAdmin
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', delivered_at: null, leased_by: 'process-gone', attempts: 1, next_attempt_at: new Date(deps.clock.now().getTime() + 60_000) })
      .where('id', '=', d?.id as string)
      .execute();
    const now = deps.clock.now();
    await db.unsafeAdmin
      .insertInto('regie_processes')
      .values({ id: 'process-one', started_at: now, seen_at: now, pid: 1, host: 'test' })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: now }))
      .execute();
    expect(await deliver({ owner: 'process-one' })).toBe(1);
    expect(nrc.notificaties).toHaveLength(2);
    expect(nrc.notificaties[1]).toEqual(nrc.notificaties[0]);
    expect(await deliveriesOf(subscription.id)).toMatchObject([{ id: d?.id, status: 'delivered', attempts: 2 }]);
    // Delivered now: another round sends nothing.
    expect(await deliver({ owner: 'process-one' })).toBe(0);
    expect(nrc.notificaties).toHaveLength(2);
  });
});

describe('the client id and secret', () => {
  it('keeps the secret sealed and write-only, uses it for the JWT, and takes a new one only through the subscription', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const nrc = await fakeNrc();
    const { subscription } = await subscribe(admin, nrc.url, ['zaak-status-gewijzigd']);
    expect(subscription).toMatchObject({ format: 'zgw-notificaties', clientId: CLIENT_ID, hasSecret: true });
    expect(JSON.stringify(await listSubscriptions(admin))).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(await getSubscription(admin, subscription.id))).not.toContain(CLIENT_SECRET);
    const row = await db.unsafeAdmin.selectFrom('webhook_subscriptions').selectAll().where('id', '=', subscription.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(CLIENT_SECRET);
    // No whsec_ of Regie's making and no test message: the secret and the subject are the API's.
    expect(await refusal(rotateSecret(admin, { id: subscription.id }))).toMatchObject({ status: 409, key: 'error.webhookZgwSecretGiven' });
    expect(await refusal(sendTestEvent(admin, { id: subscription.id }))).toMatchObject({ status: 409, key: 'error.webhookZgwNoTest' });

    // The API got a new secret; until Regie has it too, its JWT is refused, and the log says so without the secret.
    const c = await buildCase({ municipality: m, deps });
    const renewed = await fakeNrc('het-nieuwe-geheim-van-de-nrc-9876543210');
    await updateSubscription(admin, { id: subscription.id, changes: { url: renewed.url } });
    await statusChange(m, c.id);
    await deliver();
    renewed.violations.splice(0);
    const [d] = await deliveriesOf(subscription.id);
    expect(d).toMatchObject({ status: 'pending', last_status: 400 });
    expect(d?.last_error).toContain('JWT');
    expect(JSON.stringify(await listDeliveries(admin, { id: subscription.id, limit: 10 }))).not.toContain(CLIENT_SECRET);

    await updateSubscription(admin, { id: subscription.id, changes: { clientSecret: 'het-nieuwe-geheim-van-de-nrc-9876543210' } });
    deps.clock.set(new Date(deps.clock.now().getTime() + 30_000));
    try {
      expect(await deliver()).toBe(1);
    } finally {
      deps.clock.set(new Date(deps.clock.now().getTime() - 30_000));
    }
    expect(renewed.notificaties).toHaveLength(1);
  });

  it('refuses a missing client id or secret, a plain-http URL where only https is allowed, and events that make no notificatie', async () => {
    const m = await buildMunicipality(db);
    const admin = await adminIn(m);
    const strict = { ...admin, config: { ...admin.config, webhooks: { ...admin.config.webhooks, allowHttp: false } } };
    expect(await refusal(createSubscription(admin, { format: 'zgw-notificaties', url: 'https://nrc.voorbeeld.nl/api/v1' }))).toMatchObject({
      status: 400,
      fields: ['clientId', 'clientSecret'],
    });
    expect(
      await refusal(createSubscription(strict, { format: 'zgw-notificaties', url: 'http://nrc.voorbeeld.nl/api/v1', clientId: CLIENT_ID, clientSecret: 'x' })),
    ).toMatchObject({ status: 400, fields: ['url'] });
    expect(await refusal(subscribe(admin, 'https://nrc.voorbeeld.nl/api/v1', ['notitie-toegevoegd']))).toMatchObject({ status: 400, fields: ['eventTypes'] });
    expect(await refusal(createSubscription(admin, { url: 'https://ontvanger.voorbeeld.nl/regie', clientId: CLIENT_ID }))).toMatchObject({
      status: 400,
      fields: ['clientId'],
    });
    const { subscription } = await subscribe(admin, 'https://nrc.voorbeeld.nl/api/v1');
    expect(await refusal(updateSubscription(admin, { id: subscription.id, changes: { clientId: '  ' } }))).toMatchObject({ status: 400, fields: ['clientId'] });
  });
});
