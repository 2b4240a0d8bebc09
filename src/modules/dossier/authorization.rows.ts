// The negative suite's rows for the case dossier (see src/testing/authorization.int.test.ts).
import { caseReaders, onCase, type Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  // The case dossier PDF: staff who read the case file.
  { operation: 'GET /cases/{id}/dossier', allowed: caseReaders, scope: 'resource', request: onCase('GET', '/dossier') },
];
