// Thin HTTP layer for the case dossier: authenticate → one use-case → the PDF.
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { makeDossier } from './service.js';

const tags = ['Zaken'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function dossierRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:id/dossier',
    {
      schema: {
        tags,
        summary: 'Het zaakdossier als PDF: zaak, plan, toets, toezeggingen en tijdlijn, met datum en SHA-256 van de inhoud',
        params: IdParams,
        produces: ['application/pdf'],
        response: {
          200: z.string().describe('PDF-document (application/pdf), als bijlage met het zaakkenmerk in de bestandsnaam'),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const d = await makeDossier(ctxOf(deps, req), req.params.id);
      // Fastify sends a Buffer as it is (the zod serializer is not involved); the
      // schema's string type is only what the document says about the body.
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="zaakdossier-${d.reference}.pdf"`)
        .send(d.pdf as unknown as string);
    },
  );
}
