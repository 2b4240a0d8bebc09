// The negative suite's rows for a case's timeline, notes and messages (see src/testing/authorization.int.test.ts).
import { caseReaders, onCase, type Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  { operation: 'GET /cases/{id}/events', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '/events') },
  {
    operation: 'POST /cases/{id}/notes',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/notes', () => ({ text: 'Notitie', visibility: 'internal' })),
  },
  {
    operation: 'POST /cases/{id}/messages',
    allowed: ['initiator', 'director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/messages', () => ({ text: 'Hallo' })),
  },
];
