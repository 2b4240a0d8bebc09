// The negative suite's rows for the rules register (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { type Req, type Row, ruleFields, staff, type World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { createRule } from './service.js';

/** A fresh rule in the register of municipality `side`, made by its admin. */
const onRule =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const r = await createRule(ctxFor(w.deps, w.people[side].admin?.actor as Actor), { ...ruleFields(), validUntil: null });
    return { method, url: `/rules/${r.id}${tail}`, body };
  };

export const rows: Row[] = [
  // The rules register: all staff read it (they cite it), only the admin keeps it.
  { operation: 'GET /rules', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/rules' }) },
  { operation: 'POST /rules', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'POST', url: '/rules', body: ruleFields() }) },
  { operation: 'GET /rules/export', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/rules/export?format=json' }) },
  {
    operation: 'POST /rules/import',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'POST', url: '/rules/import', body: { format: 'json', content: JSON.stringify([ruleFields()]) } }),
  },
  { operation: 'GET /rules/{id}', allowed: staff, scope: 'resource', request: onRule('GET', '') },
  { operation: 'PATCH /rules/{id}', allowed: ['admin'], scope: 'resource', request: onRule('PATCH', '', { title: 'Nieuwe titel' }) },
  { operation: 'POST /rules/{id}/expiry', allowed: ['admin'], scope: 'resource', request: onRule('POST', '/expiry', { validUntil: '2099-12-31' }) },
];
