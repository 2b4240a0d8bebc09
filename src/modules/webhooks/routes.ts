// Thin HTTP layer of webhooks (docs/product.md#webhooks): the municipality's OIN, its
// subscriptions, the signing secret (in the answer to creation and rotation only),
// the test event, the delivery log and "opnieuw proberen". Admin only.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { patchBody, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { EVENT_NAMES, URL_MAX } from './model.js';
import { CLIENT_ID_MAX, CLIENT_SECRET_MAX, FORMATS } from './notificaties.js';
import {
  createSubscription,
  type DeliveryCounts,
  type DeliveryView,
  deleteSubscription,
  getSubscription,
  getWebhookSettings,
  listDeliveries,
  listSubscriptions,
  retryDelivery,
  rotateSecret,
  type SubscriptionView,
  sendTestEvent,
  updateSubscription,
  updateWebhookSettings,
} from './service.js';

const tags = ['Webhooks'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };

const EventName = z.enum(EVENT_NAMES as [string, ...string[]]).describe('een gepubliceerd gebeurtenistype (het laatste deel van het CloudEvents-type)');
const fields = {
  url: singleLine()
    .trim()
    .min(1)
    .max(URL_MAX)
    .describe('het adres waarheen Regie de gebeurtenissen stuurt: https (http alleen als de installatie dat toestaat), zonder gebruikersnaam of wachtwoord'),
  description: singleLine().trim().max(500).describe('waarvoor de koppeling is'),
  eventTypes: z
    .array(EventName)
    .min(1)
    .max(EVENT_NAMES.length)
    .nullable()
    .describe('de gebeurtenistypen die de koppeling krijgt; leeg (null): alle, ook typen die later bijkomen'),
  personalData: z.boolean().describe('persoonsgegevens (namen, vrije tekst) mogen mee; standaard niet: alleen ids en links'),
  active: z.boolean().describe('false: gepauzeerd; wat intussen gebeurt wacht tot de koppeling weer aan staat'),
  format: z
    .enum(FORMATS)
    .describe(
      'cloudevents (standaard): NL GOV CloudEvents naar de url; zgw-notificaties: notificaties op het kanaal zaken van een ZGW Notificaties API, met url als basisadres van die API',
    ),
  clientId: singleLine().trim().max(CLIENT_ID_MAX).describe('zgw-notificaties: de client-id waarmee Regie zich bij de Notificaties API meldt (ZGW JWT)'),
  clientSecret: singleLine().max(CLIENT_SECRET_MAX).describe('zgw-notificaties: het geheim bij de client-id; alleen te schrijven, Regie geeft het nooit terug'),
};
const CreateBody = z.object({
  url: fields.url,
  description: fields.description.optional(),
  eventTypes: fields.eventTypes.optional(),
  personalData: fields.personalData.optional(),
  active: fields.active.optional(),
  format: fields.format.optional(),
  clientId: fields.clientId.optional(),
  clientSecret: fields.clientSecret.optional(),
});
const UpdateBody = patchBody({
  url: fields.url.optional(),
  description: fields.description.optional(),
  eventTypes: fields.eventTypes.optional(),
  personalData: fields.personalData.optional(),
  active: fields.active.optional(),
  clientId: fields.clientId.optional(),
  clientSecret: fields.clientSecret.optional(),
});

const Counts = z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() });
const SubscriptionOut = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).nullable(),
    personalData: z.boolean(),
    active: z.boolean(),
    format: z.enum(FORMATS),
    clientId: z.string().nullable().describe('zgw-notificaties: de client-id; leeg bij cloudevents'),
    hasSecret: z.boolean().describe('er is een geheim bewaard; het geheim zelf wordt nooit getoond'),
    version: z.number().int(),
    secretRotatedAt: z.string().describe('wanneer het geheim is gemaakt of vernieuwd; het geheim zelf wordt nooit meer getoond'),
    createdAt: z.string(),
    updatedAt: z.string(),
    counts: Counts.describe('aantal afleveringen per stand'),
  })
  .describe('Een webhook-abonnement (zonder het geheim)');
z.globalRegistry.add(SubscriptionOut, { id: 'WebhookSubscription' });
const WithSecretOut = SubscriptionOut.extend({
  secret: z
    .string()
    .nullable()
    .describe('het ondertekeningsgeheim (whsec_…): alleen in dit antwoord, daarna nooit meer; leeg bij zgw-notificaties (het geheim gaf de beheerder zelf)'),
});
z.globalRegistry.add(WithSecretOut, { id: 'WebhookSubscriptionWithSecret' });

const DeliveryOut = z.object({
  id: z.uuid().describe('ook de webhook-id en het CloudEvents-id: bij elke poging hetzelfde'),
  eventType: z.string(),
  eventId: z.number().int().nullable().describe('de gebeurtenis in het logboek; leeg: een testbericht'),
  status: z
    .enum(['pending', 'delivered', 'dead'])
    .describe('pending: wacht op (een nieuwe) poging; delivered: afgeleverd; dead: opgegeven na het maximum aantal pogingen'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable().describe('de HTTP-status van het laatste antwoord'),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
z.globalRegistry.add(DeliveryOut, { id: 'WebhookDelivery' });

const SettingsOut = z.object({
  oin: z.string().nullable().describe('het OIN van de gemeente (20 cijfers); leeg: nog niet ingevuld'),
  source: z.string().nullable().describe('de CloudEvents-source: urn:nld:oin:<OIN>:systeem:regie'),
  eventTypes: z.array(z.object({ name: z.string(), type: z.string(), kind: z.string() })).describe('de gepubliceerde gebeurtenistypen'),
});
z.globalRegistry.add(SettingsOut, { id: 'WebhookSettings' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const present = (s: SubscriptionView & { counts?: DeliveryCounts }): z.infer<typeof SubscriptionOut> => ({
  id: s.id,
  url: s.url,
  description: s.description,
  eventTypes: s.eventTypes,
  personalData: s.personalData,
  active: s.active,
  format: s.format,
  clientId: s.clientId,
  hasSecret: s.hasSecret,
  version: s.version,
  secretRotatedAt: s.secretRotatedAt.toISOString(),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  counts: s.counts ?? { pending: 0, delivered: 0, dead: 0 },
});
const presentDelivery = (d: DeliveryView): z.infer<typeof DeliveryOut> => ({
  id: d.id,
  eventType: d.eventType,
  eventId: d.eventId,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastAttemptAt: iso(d.lastAttemptAt),
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
});

export function webhookRoutes(app: App, deps: Deps) {
  const withEtag = (reply: FastifyReply, s: SubscriptionView & { counts?: DeliveryCounts }) => {
    reply.header('ETag', etag(s.version));
    return present(s);
  };

  app.get(
    '/api/v1/webhooks/settings',
    { schema: { tags, summary: 'Het OIN van de gemeente en de gepubliceerde gebeurtenistypen (beheerder)', response: { 200: SettingsOut, ...errors } } },
    async (req) => getWebhookSettings(ctxOf(deps, req)),
  );
  app.put(
    '/api/v1/webhooks/settings',
    {
      schema: {
        tags,
        summary: 'Het OIN van de gemeente vastleggen: de bron (source) van haar CloudEvents (beheerder)',
        body: z.object({ oin: z.string().max(20).describe('Organisatie-identificatienummer: 20 cijfers') }),
        response: { 200: SettingsOut, ...errors },
      },
    },
    async (req) => updateWebhookSettings(ctxOf(deps, req), req.body),
  );

  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'De webhook-abonnementen van de gemeente (beheerder)',
        response: { 200: z.object({ items: z.array(SubscriptionOut) }), ...errors },
      },
    },
    async (req) => ({ items: (await listSubscriptions(ctxOf(deps, req))).map(present) }),
  );
  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Een webhook-abonnement aanmaken; het antwoord bevat eenmalig het ondertekeningsgeheim (beheerder)',
        body: CreateBody,
        response: { 201: WithSecretOut, ...errors },
      },
    },
    async (req, reply) => {
      const { subscription, secret } = await createSubscription(ctxOf(deps, req), req.body);
      const out = withEtag(reply, subscription);
      return reply
        .code(201)
        .header('Location', `/api/v1/webhooks/${subscription.id}`)
        .send({ ...out, secret });
    },
  );
  app.get(
    '/api/v1/webhooks/:id',
    { schema: { tags, summary: 'Eén webhook-abonnement, zonder het geheim (beheerder)', params: IdParams, response: { 200: SubscriptionOut, ...errors } } },
    async (req, reply) => withEtag(reply, await getSubscription(ctxOf(deps, req), req.params.id)),
  );
  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Een webhook-abonnement wijzigen, pauzeren of weer aanzetten (beheerder; If-Match met de versie)',
        params: IdParams,
        body: UpdateBody,
        response: { 200: SubscriptionOut, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      await updateSubscription(ctx, { id: req.params.id, ifMatch: ifMatch(req), changes: req.body });
      return withEtag(reply, await getSubscription(ctx, req.params.id));
    },
  );
  app.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Een webhook-abonnement verwijderen, met zijn afleverlog (beheerder; If-Match met de versie)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteSubscription(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req) });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/webhooks/:id/secret',
    {
      schema: {
        tags,
        summary: 'Het ondertekeningsgeheim vernieuwen; het antwoord bevat eenmalig het nieuwe geheim, dat meteen geldt (beheerder; If-Match met de versie)',
        params: IdParams,
        response: { 200: WithSecretOut, ...errors },
      },
    },
    async (req, reply) => {
      const { subscription, secret } = await rotateSecret(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req) });
      return { ...withEtag(reply, subscription), secret };
    },
  );
  app.post(
    '/api/v1/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Een testbericht sturen; het verschijnt in het afleverlog (beheerder)',
        params: IdParams,
        response: { 202: DeliveryOut, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(presentDelivery(await sendTestEvent(ctxOf(deps, req), { id: req.params.id }))),
  );
  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Het afleverlog van een webhook-abonnement: nieuwste eerst, cursor-paginering (beheerder)',
        params: IdParams,
        querystring: z.object({
          status: z.enum(['pending', 'delivered', 'dead']).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(DeliveryOut), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const r = await listDeliveries(ctxOf(deps, req), { id: req.params.id, ...req.query });
      return { items: r.items.map(presentDelivery), nextCursor: r.nextCursor };
    },
  );
  app.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Opnieuw proberen: een opgegeven aflevering (dead letter) opnieuw versturen (beheerder)',
        params: z.object({ id: z.uuid(), deliveryId: z.uuid() }),
        response: { 200: DeliveryOut, ...errors },
      },
    },
    async (req) => presentDelivery(await retryDelivery(ctxOf(deps, req), { id: req.params.id, deliveryId: req.params.deliveryId })),
  );
}
