// The negative suite's rows for the access log (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import type { Row, World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { seedIdentityNumber } from '../identity/testing.js';
import { recordAccess } from './service.js';

/** An entry in the log of municipality `side`: its director read a fresh case's contact details. */
async function seedEntry(w: World, side: 'A' | 'B') {
  const f = await w.fresh(side);
  const ctx = ctxFor(w.deps, w.people[side].director?.actor as Actor);
  await w.deps.db.tenant(ctx.actor.municipalityId, (trx) => recordAccess(trx, ctx, { kind: 'contactDetails', caseId: f.caseId }));
  return f;
}

export const rows: Row[] = [
  // Only the admin reads who read whose personal data (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
  {
    operation: 'GET /access-log-entries',
    allowed: ['admin'],
    scope: 'collection',
    request: async (w, side) => {
      const f = await seedEntry(w, side);
      return { method: 'GET', url: `/access-log-entries?case=${f.caseId}&kind=contactDetails&from=2000-01-01&to=2200-12-31` };
    },
  },
  // Only the admin reveals a sealed BSN for the audit, with a reason (docs/product.md#revealing-a-bsn-for-the-audit).
  {
    operation: 'POST /cases/{id}/initiator/identity-number',
    allowed: ['admin'],
    scope: 'resource',
    request: async (w, side) => {
      const f = await w.fresh(side);
      const c = await w.deps.db.unsafeAdmin.selectFrom('cases').select(['initiator_id']).where('id', '=', f.caseId).executeTakeFirstOrThrow();
      await seedIdentityNumber(w.deps, { municipalityId: f.municipality.id, userId: c.initiator_id as string, kind: 'bsn', value: '111222333' });
      return { method: 'POST', url: `/cases/${f.caseId}/initiator/identity-number`, body: { reason: 'Controle door de functionaris gegevensbescherming' } };
    },
  },
];
