// The negative suite's rows for the server's own operations (see src/testing/authorization.int.test.ts).
import type { Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  { operation: 'GET /health', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/health' }) },
  { operation: 'GET /openapi.json', allowed: 'public', scope: 'collection', request: async () => ({ method: 'GET', url: '/openapi.json' }) },
];
