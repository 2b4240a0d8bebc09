// Thin HTTP layer for attachments: multipart uploads streamed into the file store,
// the list per case, the download and the limits (docs/product.md#attachments).
import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import { caughtInHoneypot, HONEYPOT_FIELD } from '../../platform/http/honeypot.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { ATTACHMENT_ON, downloadHeaders, LIMIT_BOUNDS, safeFileName } from './model.js';
import type { AttachmentRow } from './repo.js';
import {
  type AttachmentView,
  addAttachment,
  addIntakeAttachment,
  attachmentLimits,
  changeAttachmentLimits,
  listAttachments,
  openAttachment,
  removeAttachment,
  StorageUnavailable,
  type Upload,
} from './service.js';
import type { FileStore } from './store.js';

const tags = ['Bijlagen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const uploadErrors = { ...errors, 413: Problem, 415: Problem, 503: Problem };

/**
 * The file store out of reach (an object store that is down or refuses Regie's key):
 * the answer is a 503 problem; the operator's log says why, by the service's error
 * code, and the client may try again later (docs/integrations.md#bestanden-in-s3-compatibele-opslag).
 */
const storageTrouble = {
  onError: async (req: FastifyRequest, reply: FastifyReply, err: Error) => {
    if (!(err instanceof StorageUnavailable)) return;
    reply.header('Retry-After', '30');
    req.log.warn({ route: req.routeOptions?.url ?? null, reason: err.reason }, 'file store unavailable');
  },
};

/** The largest file any municipality may allow (LIMIT_BOUNDS), the bound of the documented field. */
const LARGEST_FILE = LIMIT_BOUNDS.maxFileMb.max * 1024 * 1024;

/**
 * The multipart request body, as the OpenAPI document shows it. The route reads the
 * parts itself, streaming (the file never sits in memory), so the schema validates
 * nothing and only documents.
 */
const multipartBody = (fields: Record<string, unknown> = {}) =>
  z.any().meta({
    type: 'object',
    required: ['file'],
    properties: {
      ...fields,
      file: {
        type: 'string',
        format: 'binary',
        maxLength: LARGEST_FILE,
        description: 'het bestand: PDF, PNG, JPEG, WebP of HEIC, herkend aan de inhoud (niet aan de naam); hoogstens de maximale grootte van de gemeente',
      },
    },
  });

const AttachmentOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  on: z.enum(ATTACHMENT_ON).describe('waar het bestand bij hoort: de aanvraag, het gesprek, het antwoord van een afdeling of een toezegging'),
  targetId: z.uuid().nullable().describe('de gevraagde partij (antwoord) of de toezegging; null bij aanvraag en gesprek'),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  abilities: z.object({ remove: z.boolean() }),
});
z.globalRegistry.add(AttachmentOut, { id: 'Attachment' });

const LimitsOut = z.object({
  maxFileMb: z.number().int().describe('grootste bestand in MB'),
  maxFiles: z.number().int().describe('hoogstens zoveel bestanden per aanvraag, gesprek, antwoord of toezegging'),
});
z.globalRegistry.add(LimitsOut, { id: 'AttachmentLimits' });

const present = (r: AttachmentRow, abilities: AttachmentView['abilities']): z.infer<typeof AttachmentOut> => ({
  id: r.id,
  caseId: r.case_id,
  on: r.kind as z.infer<typeof AttachmentOut>['on'],
  targetId: r.target_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: Number(r.size_bytes),
  sha256: r.sha256,
  uploadedAt: r.uploaded_at.toISOString(),
  uploadedBy: { id: r.uploaded_by, name: r.uploaded_by_name },
  abilities,
});

/** The one file of a multipart request, with the fields sent before it. */
async function fileOf(req: FastifyRequest, maxBytes = LARGEST_FILE): Promise<Upload & { fields: Record<string, string> }> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'unsupported-media-type', 'error.invalidInput', {}, [{ field: 'body', key: 'error.multipartExpected' }]);
  }
  // One byte over the limit is enough for the store to refuse it (413); the rest is read and dropped.
  const part = await req.file({ limits: { files: 1, fields: 5, fieldSize: 1_000, parts: 6, fileSize: maxBytes + 1, headerPairs: 50 } }).catch(() => {
    throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'body', key: 'error.multipartBroken' }]);
  });
  if (!part) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'file', key: 'error.required' }]);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field' && typeof f.value === 'string') fields[k] = f.value;
  }
  return { stream: part.file, fileName: part.filename, fields };
}

export function attachmentRoutes(app: App, deps: Deps, files: FileStore) {
  app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 5, fieldSize: 1_000, parts: 6, fileSize: LARGEST_FILE + 1 } });

    scope.post(
      '/api/v1/cases/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Een bestand toevoegen aan de aanvraag, het gesprek, het antwoord van een afdeling of een toezegging (multipart/form-data)',
          description:
            'Het soort bestand wordt aan de inhoud herkend; een ander soort dan PDF, PNG, JPEG, WebP of HEIC: 415. Groter dan de gemeente toestaat: 413. Al het maximale aantal bestanden: 409. Bestandsopslag niet bereikbaar: 503. Er wordt niets half bewaard.',
          params: IdParams,
          querystring: z.object({
            on: z.enum(ATTACHMENT_ON).describe('intake: de aanvraag; message: het gesprek; answer: het antwoord van een afdeling; commitment: een toezegging'),
            target: z.uuid().optional().describe('bij answer de gevraagde partij, bij commitment de toezegging'),
          }),
          consumes: ['multipart/form-data'],
          body: multipartBody(),
          response: { 201: AttachmentOut, ...uploadErrors },
        },
        ...storageTrouble,
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const upload = await fileOf(req);
        const row = await addAttachment(ctx, files, { caseId: req.params.id, on: req.query.on, targetId: req.query.target ?? null }, upload);
        return reply
          .code(201)
          .header('Location', `/api/v1/attachments/${row.id}/content`)
          .send(present(row, { remove: true }));
      },
    );

    scope.post(
      '/api/v1/public/municipalities/:slug/cases/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Een bestand meesturen met een zojuist ingediende publieke aanvraag (publiek, multipart/form-data)',
          description:
            'Alleen voor een aanvraag die via het webformulier binnenkwam, nog niet is bevestigd en hoogstens een uur oud is; anders 404. Het veld "website" laat een mens leeg. Verder als het toevoegen van een bestand aan de aanvraag.',
          security: [],
          params: z.object({ slug: z.string().min(1).max(100).describe('de gemeente, bijvoorbeeld "voorbeeld"'), id: z.uuid() }),
          consumes: ['multipart/form-data'],
          body: multipartBody({
            [HONEYPOT_FIELD]: {
              type: 'string',
              maxLength: 200,
              description: 'laat leeg: alleen robots vullen dit verborgen veld in (vóór het bestand sturen)',
            },
          }),
          response: { 201: AttachmentOut, ...uploadErrors, 429: Problem },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        ...storageTrouble,
      },
      async (req, reply) => {
        const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select('id').where('slug', '=', req.params.slug).executeTakeFirst();
        if (!m) throw notFound('municipality');
        const upload = await fileOf(req);
        if (caughtInHoneypot(upload.fields[HONEYPOT_FIELD])) {
          // Answered like a real upload; nothing is stored.
          upload.stream.resume();
          await new Promise((resolve) => upload.stream.on('end', resolve));
          const now = deps.clock.now().toISOString();
          return reply.code(201).send({
            id: randomUUID(),
            caseId: req.params.id,
            on: 'intake' as const,
            targetId: null,
            fileName: safeFileName(upload.fileName, 'application/pdf'),
            mediaType: 'application/pdf',
            size: 0,
            sha256: '0'.repeat(64),
            uploadedAt: now,
            uploadedBy: { id: null, name: '' },
            abilities: { remove: false },
          });
        }
        const row = await addIntakeAttachment(deps, files, { municipalityId: m.id, caseId: req.params.id }, upload);
        return reply.code(201).send(present(row, { remove: false }));
      },
    );
  });

  app.get(
    '/api/v1/cases/:id/attachments',
    {
      schema: {
        tags,
        summary: 'De bestanden bij een zaak die u mag zien: bij de aanvraag, het gesprek, antwoorden van afdelingen en toezeggingen',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AttachmentOut) }), ...errors },
      },
    },
    async (req) => {
      const items = await listAttachments(ctxOf(deps, req), req.params.id);
      return { items: items.map((v) => present(v.row, v.abilities)) };
    },
  );

  app.get(
    '/api/v1/attachments/:id/content',
    {
      schema: {
        tags,
        summary: 'Een bestand downloaden: altijd als bijlage (Content-Disposition: attachment), nooit als pagina',
        params: IdParams,
        produces: ['application/octet-stream'],
        response: { 200: z.string().describe('de inhoud, met het herkende soort als Content-Type'), ...errors, 503: Problem },
      },
      ...storageTrouble,
    },
    async (req, reply) => {
      const { row, stream } = await openAttachment(ctxOf(deps, req), files, req.params.id);
      // Fastify streams it as it is; the schema only says what the document shows.
      return reply.headers(downloadHeaders(row.file_name, row.media_type, Number(row.size_bytes))).send(stream as unknown as string);
    },
  );

  app.delete(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Een bestand weghalen (wie het toevoegde, of de regisseur of coördinator)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeAttachment(ctxOf(deps, req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/attachment-settings',
    { schema: { tags, summary: 'De grenzen voor bestanden van de gemeente', response: { 200: LimitsOut, ...errors } } },
    async (req) => attachmentLimits(ctxOf(deps, req)),
  );

  app.put(
    '/api/v1/attachment-settings',
    {
      schema: {
        tags,
        summary: 'De grenzen voor bestanden instellen (beheerder)',
        body: z.object({
          maxFileMb: z.number().int().min(LIMIT_BOUNDS.maxFileMb.min).max(LIMIT_BOUNDS.maxFileMb.max).describe('grootste bestand in MB'),
          maxFiles: z
            .number()
            .int()
            .min(LIMIT_BOUNDS.maxFiles.min)
            .max(LIMIT_BOUNDS.maxFiles.max)
            .describe('bestanden per aanvraag, gesprek, antwoord of toezegging'),
        }),
        response: { 200: LimitsOut, ...errors },
      },
    },
    async (req) => changeAttachmentLimits(ctxOf(deps, req), req.body),
  );
}
