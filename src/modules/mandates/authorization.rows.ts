// The negative suite's rows for the mandate register (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { type Req, type Row, staff, type World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { createMandate } from './service.js';

/** A fresh mandate in the register of municipality `side`, made by its admin. */
const onMandate =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const m = await createMandate(ctxFor(w.deps, w.people[side].admin?.actor as Actor), {
      holder: { kind: 'role', role: 'executive' },
      scope: { kind: 'commitMoney', upToCents: 100_000 },
      delegatedBy: 'het college',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    return { method, url: `/mandates/${m.id}${tail}`, body };
  };

export const rows: Row[] = [
  // The mandate register: all staff read it, only the admin keeps it.
  { operation: 'GET /mandates', allowed: staff, scope: 'collection', request: async () => ({ method: 'GET', url: '/mandates' }) },
  {
    operation: 'POST /mandates',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({
      method: 'POST',
      url: '/mandates',
      body: { holder: { kind: 'role', role: 'coordinator' }, scope: { kind: 'agreePlan' }, delegatedBy: 'de gemeentesecretaris', validFrom: '2026-01-01' },
    }),
  },
  { operation: 'GET /mandates/{id}', allowed: staff, scope: 'resource', request: onMandate('GET', '') },
  { operation: 'PATCH /mandates/{id}', allowed: ['admin'], scope: 'resource', request: onMandate('PATCH', '', { delegatedBy: 'de burgemeester' }) },
  { operation: 'POST /mandates/{id}/expiry', allowed: ['admin'], scope: 'resource', request: onMandate('POST', '/expiry', { validUntil: '2099-12-31' }) },
];
