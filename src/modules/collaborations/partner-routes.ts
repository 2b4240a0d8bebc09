// Thin HTTP layer for a collaboration read by a municipality that is one of its parties
// (docs/product.md#a-partner-municipality-reads-a-collaboration): the overview's list,
// the sheet as a page and as a PDF. Read-only; any other collaboration is not found.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { getPartnerCollaboration, listPartnerCollaborations, partnerSheet } from './partner.js';
import { PartyCollaborationOut, Summary } from './party-routes.js';
import { sendSheet } from './sheet-download.js';

const tags = ['Samenwerkingen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const PartnerSummary = Summary.extend({ municipality: z.string().describe('de gemeente van wie de samenwerking is') }).describe(
  'een samenwerking van een andere gemeente waarin de eigen gemeente partij is',
);

export function partnerRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/partner-collaborations',
    {
      schema: {
        tags,
        summary: 'De samenwerkingen van andere gemeenten waarin de eigen gemeente partij is (alleen lezen)',
        response: { 200: z.object({ items: z.array(PartnerSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await listPartnerCollaborations(ctxOf(deps, req)) }),
  );

  app.get(
    '/api/v1/partner-collaborations/:id',
    {
      schema: {
        tags,
        summary:
          'Het samenwerkingsblad van een samenwerking van een andere gemeente waarin de eigen gemeente partij is, met de afspraken van en aan de eigen gemeente',
        params: IdParams,
        response: { 200: PartyCollaborationOut, ...errors },
      },
    },
    async (req) => getPartnerCollaboration(ctxOf(deps, req), req.params.id),
  );

  app.get(
    '/api/v1/partner-collaborations/:id/sheet.pdf',
    {
      schema: {
        tags,
        summary: 'Het samenwerkingsblad als PDF, zoals elke partij het ziet',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.string().describe('PDF-document (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      return sendSheet(reply, await partnerSheet(ctxOf(deps, req), req.params.id));
    },
  );
}
