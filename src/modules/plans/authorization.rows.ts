// The negative suite's rows for a case's plan (see src/testing/authorization.int.test.ts).
import { caseReaders, onCase, type Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  { operation: 'GET /cases/{id}/plan', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/plan') },
  {
    operation: 'PUT /cases/{id}/plan',
    allowed: ['director'],
    scope: 'resource',
    request: onCase('PUT', '/plan', () => ({ goal: 'Nieuw doel', actions: [] })),
  },
  {
    operation: 'POST /cases/{id}/plan/agreements',
    allowed: ['director', 'initiator'],
    scope: 'resource',
    request: onCase('POST', '/plan/agreements', () => ({ version: 1 })),
  },
  {
    operation: 'PATCH /cases/{id}/plan/actions/{actionId}',
    allowed: ['director'],
    scope: 'resource',
    request: onCase('PATCH', '/plan/actions/{actionId}', () => ({ status: 'done' })),
  },
];
