// Thin HTTP layer for an outside party's read access (docs/product.md#an-outside-partys-read-access):
// asking for a login link, using it, and the read-only pages. These routes read the
// party's own cookie; the staff authentication never does, so a party session opens no
// staff endpoint, and a staff login opens none of these (403).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, unauthenticated } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import { caughtInHoneypot, HONEYPOT_FIELD, honeypot } from '../../platform/http/honeypot.js';
import { email, IsoDate, singleLine } from '../../platform/http/schemas.js';
import { type App, IdParams, Problem } from '../../platform/http/server.js';
import { CommitmentOut } from '../commitments/index.js';
import { PHASES } from './model.js';
import {
  endPartySession,
  getPartyCollaboration,
  listPartyCollaborations,
  PARTY_COOKIE,
  type PartySession,
  partySessionOf,
  partySheet,
  redeemPartyLoginLink,
  requestPartyLoginLink,
} from './party-access.js';

const tags = ['Samenwerkingen: externe partij'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export const PartyLoginLinkBody = z.object({
  municipality: singleLine().trim().min(1).max(100).describe('de gemeente (slug), bijvoorbeeld "voorbeeld"'),
  email: email().describe('het e-mailadres van de contactpersoon van de partij'),
  [HONEYPOT_FIELD]: honeypot(),
});
export const PartySessionBody = z.object({ token: z.string().min(1).max(200).describe('het token uit de inloglink') });

const Side = z.object({ name: z.string(), staff: z.boolean().describe('een medewerker, genoemd als de gemeente') });
const PartyAgreementOut = z.object({
  id: z.uuid(),
  madeBy: Side,
  madeTo: Side,
  what: z.string(),
  dueOn: IsoDate,
  madeOn: IsoDate,
  status: CommitmentOut.shape.status,
  statusReason: z.string().nullable(),
  overdue: z.boolean(),
});
export const Summary = z.object({
  id: z.uuid(),
  name: z.string(),
  phase: z.enum(PHASES),
  startOn: IsoDate,
  endOn: IsoDate,
  ownerName: z.string(),
  parties: z.array(z.string()).describe('de eigen partij(en) in deze samenwerking'),
});
const Contribution = z.object({ kind: z.string(), amount: z.number().nullable(), description: z.string() });
export const PartyCollaborationOut = Summary.extend({
  municipality: z.string(),
  description: z.string(),
  goal: z.string(),
  endKind: z.enum(['end', 'review']),
  phaseSince: IsoDate,
  targets: z.array(
    z.object({
      id: z.uuid(),
      indicator: z.string(),
      baseline: z.number(),
      targetValue: z.number(),
      unit: z.string(),
      targetOn: IsoDate,
      readings: z.array(z.object({ id: z.uuid(), readOn: IsoDate, value: z.number(), note: z.string() })),
    }),
  ),
  sheetParties: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      name: z.string(),
      orgType: z.string(),
      contributions: z.array(Contribution),
      decidesAlone: z.array(z.string()),
      decidesTogether: z.array(z.string()),
      finalSay: z.array(z.string()),
      yield: z.string(),
    }),
  ),
  agreements: z.array(PartyAgreementOut),
});
z.globalRegistry.add(PartyCollaborationOut, { id: 'PartyCollaboration' });

/** The party's session, or 401 (nobody) / 403 (a staff or resident login: not this door). */
async function sessionOf(deps: Deps, req: FastifyRequest): Promise<PartySession> {
  const s = await partySessionOf(deps, req.cookies[PARTY_COOKIE]);
  if (s) return s;
  if (req.actor) throw new AppError(403, 'forbidden', 'error.forbidden');
  throw unauthenticated();
}

export function partyRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/party-login-links',
    {
      schema: {
        tags,
        summary: 'Een eenmalige inloglink aanvragen als contactpersoon van een partij; het antwoord is altijd hetzelfde',
        security: [],
        body: PartyLoginLinkBody,
        response: { 202: z.object({ sent: z.literal(true) }), 400: Problem },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!caughtInHoneypot(req.body[HONEYPOT_FIELD])) await requestPartyLoginLink(deps, req.body);
      return reply.code(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/v1/party-sessions',
    {
      schema: {
        tags,
        summary: 'Inloggen met de eenmalige inloglink van een partij (zet de sessiecookie van de partij)',
        security: [],
        body: PartySessionBody,
        response: { 204: z.null().describe('ingelogd'), 400: Problem, 401: Problem },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await redeemPartyLoginLink(deps, req.body.token);
      reply.setCookie(PARTY_COOKIE, s.cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: s.expiresAt });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/party-sessions/current',
    {
      schema: {
        tags,
        summary: 'Uitloggen als partij (ook zonder sessie: dan verandert er niets)',
        security: [],
        response: { 204: z.null().describe('uitgelogd'), ...errors },
      },
    },
    async (req, reply) => {
      await endPartySession(deps, req.cookies[PARTY_COOKIE]);
      reply.clearCookie(PARTY_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/party/collaborations',
    {
      schema: {
        tags,
        summary: 'De samenwerkingen waarin de ingelogde partij partij is',
        security: [],
        response: { 200: z.object({ municipality: z.string(), items: z.array(Summary) }), ...errors },
      },
    },
    async (req) => listPartyCollaborations(deps, await sessionOf(deps, req)),
  );

  app.get(
    '/api/v1/party/collaborations/:id',
    {
      schema: {
        tags,
        summary: 'Het samenwerkingsblad voor de partij, met de afspraken van en aan haar',
        security: [],
        params: IdParams,
        response: { 200: PartyCollaborationOut, ...errors },
      },
    },
    async (req) => getPartyCollaboration(deps, await sessionOf(deps, req), req.params.id),
  );

  app.get(
    '/api/v1/party/collaborations/:id/sheet.pdf',
    {
      schema: {
        tags,
        summary: 'Het samenwerkingsblad als PDF, voor de partij',
        security: [],
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.string().describe('PDF-document (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      const s = await partySheet(deps, await sessionOf(deps, req), req.params.id);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="samenwerkingsblad.pdf"`)
        .send(s.pdf as unknown as string);
    },
  );
}
