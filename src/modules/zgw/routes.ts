// Thin HTTP layer of the ZGW registration (docs/product.md#zgw-registration,
// docs/zgw.md): the municipality's settings (the client secret is written, never
// read), the zaaktypen and informatieobjecttypen to choose from, the status page of
// pending and failed tasks and "opnieuw proberen" (admin only); and the zaak of a case
// (staff who may read the case).
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { TASK_STEPS } from './model.js';
import {
  caseZaak,
  getZgwSettings,
  listInformatieobjecttypen,
  listZaaktypen,
  listZgwTasks,
  retryZgwTask,
  updateZgwSettings,
  type ZgwSettingsView,
  type ZgwTaskView,
} from './service.js';

const tags = ['ZGW'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };
const catalogiErrors = { ...errors, 502: Problem };

const url = (what: string, max = 1000) => singleLine().trim().max(max).describe(what);
const SettingsBody = z.object({
  enabled: z.boolean().optional().describe('zaken registreren aan (true) of uit; standaard uit'),
  zakenUrl: url('basisadres van de Zaken API, bijvoorbeeld https://openzaak.example/zaken/api/v1', 500).optional(),
  catalogiUrl: url('basisadres van de Catalogi API', 500).optional(),
  documentenUrl: url('basisadres van de Documenten API', 500).optional(),
  zaaktypeUrl: url('het zaaktype (adres in de Catalogi API)').optional(),
  statustypeIntakeUrl: url('het statustype bij intake; leeg: geen status bij deze stap').optional(),
  statustypePlanAgreedUrl: url('het statustype bij een akkoord plan; leeg: geen status bij deze stap').optional(),
  statustypeClosedUrl: url('het statustype bij afsluiten; leeg: geen status bij deze stap').optional(),
  informatieobjecttypeUrl: url('het informatieobjecttype van het dossier en de bijlagen; leeg: geen documenten', 200).optional(),
  rsin: singleLine().trim().max(9).optional().describe('RSIN van de gemeente (9 cijfers, elfproef): bronorganisatie en verantwoordelijke organisatie'),
  clientId: singleLine().trim().max(200).optional().describe('client id voor de ZGW-JWT'),
  clientSecret: singleLine().max(500).optional().describe('het geheim voor de ZGW-JWT; wordt bewaard maar nooit teruggegeven'),
});

const SettingsOut = z
  .object({
    enabled: z.boolean(),
    zakenUrl: z.string(),
    catalogiUrl: z.string(),
    documentenUrl: z.string(),
    zaaktypeUrl: z.string(),
    statustypeIntakeUrl: z.string(),
    statustypePlanAgreedUrl: z.string(),
    statustypeClosedUrl: z.string(),
    informatieobjecttypeUrl: z.string(),
    rsin: z.string(),
    clientId: z.string(),
    hasSecret: z.boolean().describe('of er een geheim is bewaard; het geheim zelf wordt nooit getoond'),
    version: z.number().int().describe('0: nog nooit opgeslagen'),
  })
  .describe('De ZGW-instellingen van de gemeente (zonder het geheim)');
z.globalRegistry.add(SettingsOut, { id: 'ZgwSettings' });

const TaskOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  step: z
    .enum(TASK_STEPS)
    .describe(
      'create: zaak aanmaken; intake, planAgreed, closed: een status zetten; dossier: het zaakdossier als document; attachment: een bijlage als document',
    ),
  status: z.enum(['pending', 'done', 'failed']).describe('pending: wacht op (een nieuwe) poging; failed: opgegeven na het maximum aantal pogingen'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
z.globalRegistry.add(TaskOut, { id: 'ZgwTask' });

const Statustype = z.object({ url: z.string(), omschrijving: z.string(), volgnummer: z.number().int() });
const Zaaktype = z
  .object({
    url: z.string(),
    identificatie: z.string(),
    omschrijving: z.string(),
    statustypen: z.array(Statustype).describe('de statustypen van dit zaaktype, op volgnummer'),
  })
  .describe('Een definitief zaaktype uit de Catalogi API');
z.globalRegistry.add(Zaaktype, { id: 'ZgwZaaktype' });
const Informatieobjecttype = z.object({ url: z.string(), omschrijving: z.string() });
const CaseZaak = z
  .object({
    zaakUrl: z.string().nullable().describe('de zaak in het zaaksysteem; null zolang die er (nog) niet is'),
    pending: z.number().int().describe('taken van deze zaak die nog wachten'),
    failed: z.number().int().describe('taken van deze zaak die zijn opgegeven'),
  })
  .describe('De zaak van een Regie-zaak in het zaaksysteem');
z.globalRegistry.add(CaseZaak, { id: 'ZgwCaseZaak' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentTask = (t: ZgwTaskView): z.infer<typeof TaskOut> => ({
  ...t,
  nextAttemptAt: iso(t.nextAttemptAt),
  lastAttemptAt: iso(t.lastAttemptAt),
  createdAt: t.createdAt.toISOString(),
});

export function zgwRoutes(app: App, deps: Deps) {
  const withEtag = (reply: { header: (k: string, v: string) => unknown }, s: ZgwSettingsView) => {
    reply.header('ETag', etag(s.version));
    return s;
  };
  app.get(
    '/api/v1/zgw/settings',
    { schema: { tags, summary: 'De ZGW-instellingen van de gemeente (beheerder)', response: { 200: SettingsOut, ...errors } } },
    async (req, reply) => withEtag(reply, await getZgwSettings(ctxOf(deps, req))),
  );
  app.put(
    '/api/v1/zgw/settings',
    {
      schema: {
        tags,
        summary: 'De ZGW-instellingen vastleggen; weggelaten velden blijven zoals ze zijn (beheerder; If-Match met de versie)',
        body: SettingsBody,
        response: { 200: SettingsOut, ...errors },
      },
    },
    async (req, reply) => withEtag(reply, await updateZgwSettings(ctxOf(deps, req), req.body, ifMatch(req))),
  );
  app.get(
    '/api/v1/zgw/zaaktypen',
    {
      schema: {
        tags,
        summary: 'De definitieve zaaktypen uit de Catalogi API, elk met zijn statustypen (beheerder); 502 als de Catalogi API niet antwoordt',
        response: { 200: z.object({ items: z.array(Zaaktype) }), ...catalogiErrors },
      },
    },
    async (req) => ({ items: await listZaaktypen(ctxOf(deps, req)) }),
  );
  app.get(
    '/api/v1/zgw/informatieobjecttypen',
    {
      schema: {
        tags,
        summary: 'De definitieve informatieobjecttypen uit de Catalogi API (beheerder); 502 als de Catalogi API niet antwoordt',
        response: { 200: z.object({ items: z.array(Informatieobjecttype) }), ...catalogiErrors },
      },
    },
    async (req) => ({ items: await listInformatieobjecttypen(ctxOf(deps, req)) }),
  );
  app.get(
    '/api/v1/cases/:id/zgw',
    {
      schema: {
        tags,
        summary: 'De zaak in het zaaksysteem bij deze zaak, en hoeveel taken nog wachten of zijn mislukt (medewerkers die de zaak mogen lezen)',
        params: IdParams,
        response: { 200: CaseZaak, ...errors },
      },
    },
    async (req) => caseZaak(ctxOf(deps, req), req.params.id),
  );
  app.get(
    '/api/v1/zgw/tasks',
    {
      schema: {
        tags,
        summary: 'Wat nog naar het zaaksysteem moet of is mislukt, oudste eerst (beheerder)',
        response: { 200: z.object({ items: z.array(TaskOut), done: z.number().int().describe('aantal afgeronde taken') }), ...errors },
      },
    },
    async (req) => {
      const page = await listZgwTasks(ctxOf(deps, req));
      return { items: page.items.map(presentTask), done: page.done };
    },
  );
  app.post(
    '/api/v1/zgw/tasks/:id/retry',
    { schema: { tags, summary: 'Een wachtende of mislukte taak nu opnieuw proberen (beheerder)', params: IdParams, response: { 200: TaskOut, ...errors } } },
    async (req) => presentTask(await retryZgwTask(ctxOf(deps, req), req.params.id)),
  );
}
