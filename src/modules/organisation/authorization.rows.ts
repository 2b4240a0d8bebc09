// The negative suite's rows for the municipality's set-up (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { type Req, type Row, staff, uniq, type World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { createDepartment, createNamed, createUser, updateSettings } from './service.js';

/** A fresh department, area, theme or user of the admin's municipality, then a call on it. */
const onOrg =
  (kind: 'departments' | 'areas' | 'themes' | 'users', method: Req['method'], body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const ctx = ctxFor(w.deps, w.people[side].admin?.actor as Actor);
    const id =
      kind === 'departments'
        ? (await createDepartment(ctx, { name: `Afdeling ${uniq()}`, domain: 'social' })).id
        : kind === 'users'
          ? (await createUser(ctx, { email: `u-${uniq()}@example.nl`, name: 'Collega', role: 'director' })).id
          : (await createNamed(ctx, kind, `Naam ${uniq()}`)).id;
    return { method, url: `/${kind}/${id}`, body };
  };

export const rows: Row[] = [
  // The municipality's set-up: every staff member reads it, only the admin changes it.
  { operation: 'GET /municipalities', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/municipalities' }) },
  {
    operation: 'GET /municipalities/{slug}',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}` }),
  },
  {
    // The logo is public like the page frame it appears in; the admin sets it first.
    operation: 'GET /municipalities/{slug}/logo',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>').toString('base64');
      await updateSettings(ctxFor(w.deps, w.people[s].admin?.actor as Actor), { logo });
      return { method: 'GET', url: `/municipalities/${w.munis[s].slug}/logo` };
    },
  },
  {
    operation: 'GET /municipalities/{slug}/theme.css',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}/theme.css` }),
  },
  { operation: 'GET /organisation', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/organisation' }) },
  {
    operation: 'POST /departments',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/departments', body: { name: `Afdeling ${uniq()}`, domain: 'social' } }),
  },
  { operation: 'PATCH /departments/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('departments', 'PATCH', { name: 'Hernoemd' }) },
  { operation: 'DELETE /departments/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('departments', 'DELETE') },
  {
    operation: 'POST /areas',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/areas', body: { name: `Gebied ${uniq()}` } }),
  },
  { operation: 'PATCH /areas/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('areas', 'PATCH', { name: `Hernoemd ${uniq()}` }) },
  { operation: 'DELETE /areas/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('areas', 'DELETE') },
  {
    operation: 'POST /themes',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/themes', body: { name: `Thema ${uniq()}` } }),
  },
  { operation: 'PATCH /themes/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('themes', 'PATCH', { name: `Hernoemd ${uniq()}` }) },
  { operation: 'DELETE /themes/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('themes', 'DELETE') },
  { operation: 'GET /users', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/users' }) },
  {
    operation: 'POST /users',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({
      method: 'POST',
      url: '/users',
      body: { email: `nieuw-${uniq()}@example.nl`, name: 'Nieuwe collega', role: 'director', password: 'een-lang-wachtwoord' },
    }),
  },
  { operation: 'PATCH /users/{id}', allowed: ['admin'], scope: 'resource', request: onOrg('users', 'PATCH', { name: 'Andere naam' }) },
  // An account's history is the admin's (docs/product.md#an-accounts-history).
  {
    operation: 'GET /users/{id}/history',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/users/${w.people[s].director?.actor.userId}/history` }),
  },
  { operation: 'GET /settings', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/settings' }) },
  {
    operation: 'PATCH /settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PATCH', url: '/settings', body: { planTermDays: 42, primaryColor: '#01689b', contactEmail: 'info@example.nl' } }),
  },
];
