// The negative suite's rows for commitments (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { caseReaders, onCase, type Req, type Row, type World } from '../../testing/authorization.js';
import { buildCommitment, commitmentFields } from '../../testing/factories.js';

/**
 * A fresh commitment on a fresh case of `side`, recorded by its director, made to the
 * initiator by an outside person ("other": needs confirmation by the coordinator).
 */
const onCommitment =
  (method: Req['method'], tail: string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const f = await w.fresh(side);
    const k = await buildCommitment({ deps: w.deps, by: w.people[side].director?.actor as Actor, caseId: f.caseId });
    return { method, url: `/commitments/${k.id}${tail}`, body };
  };

export const rows: Row[] = [
  // Commitments: recorded by those on the case (its director, coordinator,
  // specialist, executive, admin); ended and amended by the case's director, the coordinator,
  // the maker and the recorder; confirmed only by the holder of a covering mandate (for an
  // outside person's "other" commitment: the coordinator). The initiator sees those made to them.
  {
    operation: 'POST /cases/{id}/commitments',
    allowed: ['director', 'coordinator', 'specialist', 'executive', 'admin'],
    scope: 'resource',
    request: onCase('POST', '/commitments', () => ({ ...commitmentFields })),
  },
  { operation: 'GET /cases/{id}/commitments', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/commitments') },
  { operation: 'GET /commitments', allowed: caseReaders, scope: 'collection', request: async () => ({ method: 'GET', url: '/commitments?scope=all' }) },
  { operation: 'GET /commitments/export', allowed: caseReaders, scope: 'collection', request: async () => ({ method: 'GET', url: '/commitments/export' }) },
  { operation: 'GET /commitments/{id}', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCommitment('GET', '') },
  {
    operation: 'POST /commitments/{id}/amendments',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/amendments', { dueOn: '2027-01-31', reason: 'Later besproken' }),
  },
  {
    operation: 'POST /commitments/{id}/confirmation',
    allowed: ['coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/confirmation', { decision: 'confirm' }),
  },
  {
    operation: 'POST /commitments/{id}/outcome',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCommitment('POST', '/outcome', { status: 'kept' }),
  },
];
