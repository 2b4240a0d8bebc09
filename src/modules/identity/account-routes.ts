// Thin HTTP layer for staff passwords, "Mijn account" and fresh links in place of
// expired ones (docs/product.md#staff-accounts, docs/product.md#links-in-mail).
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { email, singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, Problem } from '../../platform/http/server.js';
import { getOwnAccount, updateOwnAccount } from './account.js';
import { type ResendForCase, unsafeResendLoginLink } from './mail-links.js';
import { changeOwnPassword, unsafeRequestPasswordReset, unsafeSetPasswordWithLink } from './passwords.js';

const tags = ['Inloggen'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem };
const password = z.string().min(1).max(200);
const OwnAccount = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() });
z.globalRegistry.add(OwnAccount, { id: 'OwnAccount' });

/** `resendForCase` answers for an intake's confirmation link (wired in app.ts: the cases module owns intakes). */
export function accountRoutes(app: App, deps: Deps, resendForCase?: ResendForCase) {
  app.post(
    '/api/v1/auth/login-links/resend',
    {
      schema: {
        tags,
        summary: 'Een nieuwe inloglink in plaats van een verlopen of gebruikte (initiatiefnemers)',
        description:
          'Mailt een nieuwe link naar het adres waarvoor de oude link was, voor dezelfde zaak. Het antwoord is altijd hetzelfde, of de oude link nu bekend is of niet.',
        security: [],
        body: z.object({ token: z.string().min(20).max(200) }),
        response: { 202: z.object({ status: z.literal('sent-if-known') }), ...errors },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await unsafeResendLoginLink(deps, req.body.token, resendForCase);
      return reply.code(202).send({ status: 'sent-if-known' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-resets',
    {
      schema: {
        tags,
        summary: 'Wachtwoord vergeten: een link om een nieuw wachtwoord in te stellen per e-mail aanvragen (medewerkers)',
        description: 'Het antwoord is altijd hetzelfde, of het adres nu bij een medewerker hoort of niet.',
        security: [],
        body: z.object({ email: email() }),
        response: { 202: z.object({ status: z.literal('sent-if-known') }), ...errors },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await unsafeRequestPasswordReset(deps, { email: req.body.email });
      return reply.code(202).send({ status: 'sent-if-known' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-resets/redeem',
    {
      schema: {
        tags,
        summary: 'Een wachtwoord instellen met een uitnodigings- of herstellink (één keer geldig)',
        description: 'Beëindigt alle sessies van het account en start een nieuwe sessie in deze browser.',
        security: [],
        body: z.object({ token: z.string().min(20).max(200), password }),
        response: { 200: z.object({ status: z.literal('password-set') }), ...errors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await unsafeSetPasswordWithLink(deps, req.body);
      reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: s.expiresAt });
      return { status: 'password-set' as const };
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Mijn wachtwoord wijzigen (huidig wachtwoord vereist; andere sessies eindigen)',
        body: z.object({ current: password, password }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(ctxOf(deps, req), { ...req.body, sessionToken: req.cookies[SESSION_COOKIE] });
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/me/account', { schema: { tags, summary: 'Mijn accountgegevens', response: { 200: OwnAccount, ...errors } } }, async (req) =>
    getOwnAccount(ctxOf(deps, req)),
  );

  app.patch(
    '/api/v1/me/account',
    {
      schema: {
        tags,
        summary: 'Mijn telefoonnummer wijzigen (staat in de mail aan de initiatiefnemer over de case-regisseur)',
        body: z.object({ phone: singleLine().trim().max(40).nullable() }),
        response: { 200: OwnAccount, ...errors },
      },
    },
    async (req) => updateOwnAccount(ctxOf(deps, req), req.body),
  );
}
