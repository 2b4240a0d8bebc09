// The negative suite's rows for attachments (see src/testing/authorization.int.test.ts).
// An upload is a multipart request: the row sends a real PNG as the web app does.
import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/index.js';
import { caseReaders, type Req, type Row, type World } from '../../testing/authorization.js';
import { ctxFor } from '../../testing/factories.js';
import { submitCase } from '../cases/index.js';
import { fileStoreFor } from './configured-store.js';
import { addAttachment } from './service.js';
import { fixture, multipart } from './testing.js';

const png = () => multipart({ name: 'schets.png', content: fixture('tekening.png'), type: 'image/png' });

/** A file the initiator of a fresh case put on its intake; the request names it. */
const onFile =
  (method: Req['method'], tail: string) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const f = await w.fresh(side);
    const initiator = w.people[side].initiator?.actor as Actor;
    const a = await addAttachment(
      ctxFor(w.deps, initiator),
      fileStoreFor(w.deps.config),
      { caseId: f.caseId, on: 'intake' },
      { stream: Readable.from([fixture('tekening.pdf')]), fileName: 'tekening.pdf' },
    );
    return { method, url: `/attachments/${a.id}${tail}` };
  };

export const rows: Row[] = [
  // Files hang on a thing and follow its rules (docs/product.md#attachments): on the
  // conversation the initiator, the case's director and the coordinators add them, every
  // reader of the case sees them; the one who added it, the director or a coordinator
  // removes one. The limits: read by everyone who adds files, set by the administrator.
  {
    operation: 'POST /cases/{id}/attachments',
    allowed: ['director', 'coordinator', 'initiator'],
    scope: 'resource',
    request: async (w, side) => {
      const f = await w.fresh(side);
      return { method: 'POST', url: `/cases/${f.caseId}/attachments?on=message`, ...png() };
    },
  },
  {
    operation: 'GET /cases/{id}/attachments',
    allowed: [...caseReaders, 'initiator'],
    scope: 'resource',
    request: async (w, side) => ({ method: 'GET', url: `/cases/${(await w.fresh(side)).caseId}/attachments` }),
  },
  { operation: 'GET /attachments/{id}/content', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onFile('GET', '/content') },
  { operation: 'DELETE /attachments/{id}', allowed: ['initiator', 'director', 'coordinator'], scope: 'resource', request: onFile('DELETE', '') },
  {
    // a public intake of a moment ago, by someone without an account
    operation: 'POST /public/municipalities/{slug}/cases/{id}/attachments',
    allowed: 'public',
    scope: 'resource',
    request: async (w, side) => {
      const m = w.munis[side];
      const c = await submitCase(w.deps, {
        municipalityId: m.id,
        initiator: { name: 'Iemand', email: `iemand-${Math.random().toString(36).slice(2)}@example.nl` },
        title: 'Dakkapel',
        description: 'Een dakkapel aan de achterkant.',
        location: 'Dorpsstraat 3',
        channel: 'web',
      });
      return { method: 'POST', url: `/public/municipalities/${m.slug}/cases/${c.id}/attachments`, ...png() };
    },
  },
  {
    operation: 'GET /attachment-settings',
    allowed: ['admin', 'coordinator', 'director', 'otherDirector', 'specialist', 'executive', 'initiator', 'otherInitiator'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/attachment-settings' }),
  },
  {
    operation: 'PUT /attachment-settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PUT', url: '/attachment-settings', body: { maxFileMb: 10, maxFiles: 10 } }),
  },
];
