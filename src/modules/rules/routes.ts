// Thin HTTP layer for the rules register: validate → authenticate → call one
// use-case → present. camelCase JSON; If-Match/ETag on changes; problem+json errors.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { dutchDate } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import { IsoDate, patchBody, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { CODE_PATTERN, DOMAINS, isCitable, pickRuleFields, TEXT_MAX } from './model.js';
import { createRule, endRuleValidity, exportRules, getRule, importRules, listRules, type RuleView, updateRule } from './service.js';

const tags = ['Regelregister'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 412: Problem };

const ruleFields = {
  code: z.string().trim().max(40).regex(CODE_PATTERN, 'Hoogstens 40 tekens: letters, cijfers en . _ : / -').describe('code, bijvoorbeeld "OP-4.12"'),
  title: singleLine().trim().min(1).max(TEXT_MAX),
  legalSource: singleLine().trim().min(1).max(TEXT_MAX).describe('bron, bijvoorbeeld "Omgevingsplan artikel 4.12", "APV artikel 2:48" of "Wet Bibob"'),
  domain: z.enum(DOMAINS),
  strict: z.boolean().describe('veiligheid, openbare orde, criminaliteit: de regel geldt zoals hij er staat; een bezwaar erop kan niet worden overruled'),
  validFrom: IsoDate.describe('eerste dag waarop de regel mag worden aangehaald'),
  validUntil: IsoDate.nullable().describe('laatste dag waarop de regel mag worden aangehaald; leeg: geen einde'),
};
export const CreateRuleBody = z.object({ ...ruleFields, validUntil: ruleFields.validUntil.optional() });
export const UpdateRuleBody = patchBody(z.object(ruleFields).partial().shape);
export const EndRuleValidityBody = z.object({ validUntil: IsoDate.describe('laatste dag waarop de regel mag worden aangehaald: vandaag of later') });
export const ImportRulesBody = z.object({
  format: z.enum(['csv', 'json']),
  content: z
    .string()
    .min(1)
    .max(1_000_000)
    .describe('CSV met kopregel code,title,legalSource,domain,strict,validFrom,validUntil, of een JSON-lijst met dezelfde velden'),
});

const RuleOut = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  legalSource: z.string(),
  domain: z.enum(DOMAINS),
  strict: z.boolean(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  citableToday: z.boolean().describe('mag vandaag in een nieuw bezwaar worden aangehaald'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
z.globalRegistry.add(RuleOut, { id: 'Rule' });
const RuleDetail = RuleOut.extend({
  abilities: z.object({ update: z.boolean(), endValidity: z.boolean() }),
  history: z.array(z.object({ at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), change: z.record(z.string(), z.unknown()) })),
});
z.globalRegistry.add(RuleDetail, { id: 'RuleDetail' });

export function rulesRoutes(app: App, deps: Deps) {
  const present = (r: RuleView): z.infer<typeof RuleOut> => ({
    id: r.id,
    ...pickRuleFields(r),
    citableToday: isCitable(r, dutchDate(deps.clock.now())),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  });
  const withEtag = (reply: FastifyReply, r: RuleView) => {
    reply.header('ETag', etag(r.version));
    return present(r);
  };
  const detail = async (req: import('fastify').FastifyRequest, reply: FastifyReply, id: string): Promise<z.infer<typeof RuleDetail>> => {
    const d = await getRule(ctxOf(deps, req), id);
    reply.header('ETag', etag(d.rule.version));
    return {
      ...present(d.rule),
      abilities: d.abilities,
      history: d.history.map((h) => ({ at: h.created_at.toISOString(), actorId: h.actor_id, actorName: h.actor_name, change: h.change })),
    };
  };

  app.get(
    '/api/v1/rules',
    {
      schema: {
        tags,
        summary: 'Regels uit het regelregister zoeken en filteren (op code, dan begindatum)',
        querystring: z.object({
          domain: z.enum(DOMAINS).optional(),
          strict: z
            .enum(['true', 'false'])
            .optional()
            .transform((s) => (s === undefined ? undefined : s === 'true')),
          validOn: IsoDate.optional().describe('alleen regels die op deze dag mogen worden aangehaald'),
          q: singleLine().max(200).optional().describe('vrije tekst in code of titel'),
        }),
        response: { 200: z.object({ items: z.array(RuleOut) }), ...errors },
      },
    },
    async (req) => {
      const items = await listRules(ctxOf(deps, req), req.query);
      return { items: items.map(present) };
    },
  );

  app.post(
    '/api/v1/rules',
    { schema: { tags, summary: 'Een regel aan het regelregister toevoegen (beheerder)', body: CreateRuleBody, response: { 201: RuleOut, ...errors } } },
    async (req, reply) => {
      const r = await createRule(ctxOf(deps, req), { ...req.body, validUntil: req.body.validUntil ?? null });
      return reply.code(201).header('Location', `/api/v1/rules/${r.id}`).send(withEtag(reply, r));
    },
  );

  app.get(
    '/api/v1/rules/export',
    {
      schema: {
        tags,
        summary: 'Het regelregister downloaden als CSV of JSON (alle versies)',
        querystring: z.object({ format: z.enum(['csv', 'json']).default('csv') }),
        response: {
          200: {
            description: 'Het regelregister: CSV (format=csv, standaard) of JSON (format=json)',
            content: {
              'text/csv': { schema: z.string().describe('RFC 4180, kopregel code,title,legalSource,domain,strict,validFrom,validUntil') },
              'application/json': { schema: z.array(z.object(ruleFields)).describe('alle versies van alle regels') },
            },
          },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const text = await exportRules(ctxOf(deps, req), req.query.format);
      const csv = req.query.format === 'csv';
      // The body is the finished document: send it as it is, not JSON-encoded again.
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="regelregister.${req.query.format}"`)
        .serializer((body: string) => body)
        .send(text);
    },
  );

  app.post(
    '/api/v1/rules/import',
    {
      schema: {
        tags,
        summary: 'Regels importeren uit CSV of JSON: alles of niets, met per regel van het bestand wat er mis is',
        body: ImportRulesBody,
        response: { 200: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }), ...errors },
      },
    },
    async (req) => {
      const r = await importRules(ctxOf(deps, req), req.body);
      if (!r.ok) {
        const fields = r.problems.map((p) => ({ field: `line ${p.line}, ${p.field}`, key: p.key, params: p.params }));
        throw new AppError(400, 'invalid-import', 'error.importHasErrors', {}, fields);
      }
      return { created: r.created, updated: r.updated, unchanged: r.unchanged };
    },
  );

  app.get(
    '/api/v1/rules/:id',
    {
      schema: {
        tags,
        summary: 'Eén regel, met zijn wijzigingsgeschiedenis en wat de gebruiker ermee mag',
        params: IdParams,
        response: { 200: RuleDetail, ...errors },
      },
    },
    async (req, reply) => detail(req, reply, req.params.id),
  );

  app.patch(
    '/api/v1/rules/:id',
    {
      schema: {
        tags,
        summary: 'Een regel wijzigen (beheerder; If-Match met de versie)',
        params: IdParams,
        body: UpdateRuleBody,
        response: { 200: RuleDetail, ...errors },
      },
    },
    async (req, reply) => {
      await updateRule(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), changes: req.body });
      return detail(req, reply, req.params.id);
    },
  );

  app.post(
    '/api/v1/rules/:id/expiry',
    {
      schema: {
        tags,
        summary: 'De geldigheid van een regel beëindigen: na deze dag kan hij niet meer worden aangehaald (regels worden nooit verwijderd)',
        params: IdParams,
        body: EndRuleValidityBody,
        response: { 200: RuleDetail, ...errors },
      },
    },
    async (req, reply) => {
      await endRuleValidity(ctxOf(deps, req), { id: req.params.id, ifMatch: ifMatch(req), validUntil: req.body.validUntil });
      return detail(req, reply, req.params.id);
    },
  );
}
