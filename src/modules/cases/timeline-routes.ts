import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { addNote, caseTimeline, sendMessage } from './timeline.js';

const tags = ['Tijdlijn'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

const Event = z.object({
  id: z.number().int(),
  type: z.string(),
  visibility: z.enum(['internal', 'shared']),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
});
z.globalRegistry.add(Event, { id: 'CaseEvent' });

export function timelineRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'De tijdlijn van een zaak (de initiatiefnemer ziet alleen wat met hem gedeeld is)',
        params: IdParams,
        querystring: z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ items: z.array(Event), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const page = await caseTimeline(ctxOf(deps, req), { caseId: req.params.id, after: req.query.after, limit: req.query.limit });
      return {
        nextCursor: page.next === null ? null : String(page.next),
        items: page.rows.map((e) => ({
          id: e.id,
          type: e.type,
          visibility: e.visibility,
          payload: e.payload,
          createdAt: e.created_at.toISOString(),
          actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '', role: e.actor_role ?? '' } : null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/cases/:id/notes',
    {
      schema: {
        tags,
        summary: 'Een notitie toevoegen: intern, of gedeeld met de initiatiefnemer',
        params: IdParams,
        body: z.object({ text: z.string().trim().min(1).max(10_000), visibility: z.enum(['internal', 'shared']).default('internal') }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await addNote(ctxOf(deps, req), { caseId: req.params.id, text: req.body.text, visibility: req.body.visibility });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags,
        summary: 'Een bericht sturen tussen initiatiefnemer en regisseur',
        params: IdParams,
        body: z.object({ text: z.string().trim().min(1).max(10_000) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await sendMessage(ctxOf(deps, req), { caseId: req.params.id, text: req.body.text });
      return reply.code(204).send(null);
    },
  );
}
