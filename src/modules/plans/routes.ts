import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { IsoDate, multiLine, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, etag, IdParams, ifMatch, Problem } from '../../platform/http/server.js';
import { agreePlan, getPlan, savePlan, setActionStatus } from './service.js';

const tags = ['Plan van aanpak'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem };
const OWNER_KINDS = ['initiator', 'director', 'department', 'external'] as const;
const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

const Action = z.object({
  id: z.string(),
  position: z.number().int(),
  description: z.string(),
  ownerKind: z.enum(OWNER_KINDS),
  ownerDepartmentId: z.string().nullable(),
  ownerDepartmentName: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
});
z.globalRegistry.add(Action, { id: 'PlanAction' });
const Version = z.object({
  id: z.string(),
  version: z.number().int(),
  goal: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  initiatorAgreedAt: z.string().nullable(),
  directorAgreedAt: z.string().nullable(),
  agreed: z.boolean(),
  commitsCents: z.number().int().nullable().describe('geld dat het plan de gemeente laat toezeggen, in eurocenten'),
  exemptionRuleCodes: z.array(z.string()).describe('regels waarvan het plan ontheffing verleent'),
  actions: z.array(Action),
});
z.globalRegistry.add(Version, { id: 'PlanVersion' });
const Plan = z.object({
  caseId: z.string(),
  current: Version.nullable(),
  agreedVersion: z.number().int().nullable(),
  versions: z.array(Version),
  abilities: z.object({
    agree: z.boolean().describe('mag nu akkoord geven op de nieuwste versie'),
    agreeBlockedBy: z
      .enum(['standingObjection'])
      .nullable()
      .describe('waarom niemand nu akkoord kan geven: standingObjection = er staat een bezwaar uit de integrale toets'),
    standingObjectionsOf: z.array(z.string()).describe('de partijen van wie een bezwaar staat'),
  }),
  missingMandates: z
    .array(
      z.object({
        kind: z.enum(['agreePlan', 'commitMoney', 'grantExemption']),
        amountCents: z.number().int().optional(),
        ruleCode: z.string().optional(),
      }),
    )
    .describe('waarom u dit plan niet namens de gemeente kunt accorderen: de mandaten die u vandaag mist (leeg: geen mandaat nodig of u heeft het)'),
});
z.globalRegistry.add(Plan, { id: 'Plan' });

export const SavePlanBody = z.object({
  goal: multiLine().trim().min(1).max(5000),
  actions: z
    .array(
      z.object({
        description: multiLine().trim().min(1).max(2000),
        ownerKind: z.enum(OWNER_KINDS),
        ownerDepartmentId: z.uuid().nullish(),
        ownerName: singleLine().trim().max(200).nullish(),
        dueOn: IsoDate,
        status: z.enum(ACTION_STATUSES).optional(),
      }),
    )
    .max(100),
  commitsCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().describe('geld dat het plan de gemeente laat toezeggen, in eurocenten'),
  exemptionRuleCodes: z.array(singleLine().trim().min(1).max(50)).max(20).optional().describe('codes van regels waarvan het plan ontheffing verleent'),
});

type PlanData = Awaited<ReturnType<typeof getPlan>>;
function present(p: PlanData): z.infer<typeof Plan> {
  const v = (x: PlanData['versions'][number]) => ({
    id: x.id,
    version: x.version,
    goal: x.goal,
    createdAt: x.created_at.toISOString(),
    updatedAt: x.updated_at.toISOString(),
    initiatorAgreedAt: x.initiator_agreed_at?.toISOString() ?? null,
    directorAgreedAt: x.director_agreed_at?.toISOString() ?? null,
    agreed: x.agreed,
    commitsCents: x.commits_cents === null ? null : Number(x.commits_cents),
    exemptionRuleCodes: x.exemption_rule_codes,
    actions: x.actions.map((a) => ({
      id: a.id,
      position: a.position,
      description: a.description,
      ownerKind: a.owner_kind,
      ownerDepartmentId: a.owner_department_id,
      ownerDepartmentName: a.owner_department_name,
      ownerName: a.owner_name,
      dueOn: a.due_on,
      status: a.status,
    })),
  });
  return {
    caseId: p.caseId,
    current: p.current ? v(p.current) : null,
    agreedVersion: p.agreedVersion,
    versions: p.versions.map(v),
    missingMandates: p.missingMandates.map((d) =>
      d.kind === 'commitMoney'
        ? { kind: d.kind, amountCents: d.amountCents }
        : d.kind === 'grantExemption'
          ? { kind: d.kind, ruleCode: d.ruleCode }
          : { kind: 'agreePlan' as const },
    ),
    abilities: p.abilities,
  };
}

export function planRoutes(app: App, deps: Deps) {
  const respond = async (req: Parameters<typeof ctxOf>[1], reply: { header(k: string, v: string): unknown }, caseId: string) => {
    const p = await getPlan(ctxOf(deps, req), caseId);
    reply.header('ETag', etag(p.current?.version ?? 0));
    return present(p);
  };

  app.get(
    '/api/v1/cases/:id/plan',
    { schema: { tags, summary: 'Het plan van aanpak met alle versies', params: IdParams, response: { 200: Plan, ...errors } } },
    async (req, reply) => respond(req, reply, req.params.id),
  );

  app.put(
    '/api/v1/cases/:id/plan',
    {
      schema: {
        tags,
        summary: 'Het plan opslaan; een geaccordeerde versie wordt nooit overschreven maar krijgt een nieuwe versie',
        params: IdParams,
        body: SavePlanBody,
        response: { 200: Plan, ...errors },
      },
    },
    async (req, reply) => {
      await savePlan(ctxOf(deps, req), {
        caseId: req.params.id,
        goal: req.body.goal,
        actions: req.body.actions,
        commitsCents: req.body.commitsCents,
        exemptionRuleCodes: req.body.exemptionRuleCodes,
        ifMatch: ifMatch(req),
      });
      return respond(req, reply, req.params.id);
    },
  );

  app.post(
    '/api/v1/cases/:id/plan/agreements',
    {
      schema: {
        tags,
        summary: 'Akkoord geven op een versie van het plan (initiatiefnemer of regisseur)',
        params: IdParams,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: Plan, ...errors },
      },
    },
    async (req, reply) => {
      await agreePlan(ctxOf(deps, req), { caseId: req.params.id, version: req.body.version });
      return respond(req, reply, req.params.id);
    },
  );

  app.patch(
    '/api/v1/cases/:id/plan/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'De voortgang van een actie bijwerken (open, gedaan, vervallen)',
        params: z.object({ id: z.uuid(), actionId: z.uuid() }),
        body: z.object({ status: z.enum(ACTION_STATUSES) }),
        response: { 200: Plan, ...errors },
      },
    },
    async (req, reply) => {
      await setActionStatus(ctxOf(deps, req), { caseId: req.params.id, actionId: req.params.actionId, status: req.body.status });
      return respond(req, reply, req.params.id);
    },
  );
}
