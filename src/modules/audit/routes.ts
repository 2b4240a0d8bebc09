// Thin HTTP layer for the access log: the admin reads it, nobody writes it through the
// API (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
import { z } from 'zod';
import { ROLES } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { IsoDate, multiLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { ACCESS_KINDS } from './model.js';
import { listAccessLog, revealIdentityNumber } from './service.js';

const tags = ['Inzage in persoonsgegevens'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

const AccessLogEntry = z.object({
  id: z.uuid(),
  at: z.string().describe('moment van inzage'),
  kind: z
    .enum(ACCESS_KINDS)
    .describe(
      'contactDetails: contactgegevens van de initiatiefnemer; dossier: het zaakdossier; export: een export; crossMunicipality: een verzoek van of aan een andere gemeente onder een samenwerkingsafspraak; attachment: een gedownloade bijlage; identityNumber: het BSN of KvK-nummer van een initiatiefnemer getoond voor de audit',
    ),
  actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.enum(ROLES) }).describe('wie de gegevens inzag, met de rol op dat moment'),
  case: z.object({ id: z.string(), reference: z.string().nullable() }).nullable(),
  initiator: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('wiens gegevens; na de bewaartermijn het pseudoniem'),
  exportName: z.string().nullable().describe('de bestandsnaam van een export'),
  attachmentId: z.string().nullable().describe('het id van een gedownloade bijlage (nooit de inhoud)'),
  clientAddress: z.string().nullable().describe('het IP-adres van waaraf werd ingezien'),
  reason: z.string().nullable().describe('waarom een BSN of KvK-nummer werd getoond'),
});
z.globalRegistry.add(AccessLogEntry, { id: 'AccessLogEntry' });

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/access-log-entries',
    {
      schema: {
        tags,
        summary: 'Wie welke persoonsgegevens inzag en wanneer (beheerder; nieuwste eerst, cursor-paginering)',
        querystring: z.object({
          actor: z.uuid().optional().describe('alleen inzage door deze medewerker'),
          case: z.uuid().optional().describe('alleen inzage in deze zaak'),
          initiator: z.uuid().optional().describe('alleen inzage in de gegevens van deze initiatiefnemer'),
          kind: z.enum(ACCESS_KINDS).optional(),
          from: IsoDate.optional().describe('vanaf deze dag (Nederlandse tijd)'),
          to: IsoDate.optional().describe('tot en met deze dag (Nederlandse tijd)'),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(AccessLogEntry), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listAccessLog(ctxOf(deps, req), {
        actorId: q.actor,
        caseId: q.case,
        initiatorId: q.initiator,
        kind: q.kind,
        from: q.from,
        to: q.to,
        cursor: q.cursor,
        limit: q.limit,
      });
      return {
        nextCursor: page.nextCursor,
        items: page.page.map((r) => ({
          id: r.id,
          at: r.created_at.toISOString(),
          kind: r.kind,
          actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
          case: r.case_id ? { id: r.case_id, reference: r.case_reference } : null,
          initiator: r.initiator_id ? { id: r.initiator_id, name: r.initiator_name } : null,
          exportName: r.export_name,
          attachmentId: r.attachment_id,
          clientAddress: r.client_address,
          reason: r.reason,
        })),
      };
    },
  );

  // docs/product.md#revealing-a-bsn-for-the-audit
  app.post(
    '/api/v1/cases/:id/initiator/identity-number',
    {
      schema: {
        tags,
        summary: 'Het BSN of KvK-nummer van de initiatiefnemer tonen voor de audit (beheerder; met reden, wordt gelogd)',
        description:
          'Alleen voor een initiatiefnemer die met DigiD of eHerkenning inlogde. Elke keer komt er een regel in het logboek inzage persoonsgegevens, met wie, wanneer en de reden; het nummer zelf staat in dit antwoord en nergens anders.',
        params: IdParams,
        body: z.object({ reason: multiLine().trim().min(1).max(1000).describe('waarom het nummer nodig is') }),
        response: { 200: z.object({ kind: z.enum(['bsn', 'kvk']), value: z.string() }), ...errors },
      },
    },
    async (req) => revealIdentityNumber(ctxOf(deps, req), { caseId: req.params.id, reason: req.body.reason }),
  );
}
