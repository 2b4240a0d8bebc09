// The negative suite's rows for cases, their timeline, notes and messages (see src/testing/authorization.int.test.ts).
import { caseReaders, onCase, type Row } from '../../testing/authorization.js';

export const rows: Row[] = [
  {
    operation: 'POST /cases',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({
      method: 'POST',
      url: '/cases',
      body: {
        municipality: w.munis[s].slug,
        initiator: { name: 'Jan', email: 'jan@example.nl' },
        title: 'Bankje',
        description: 'Een bankje in het park graag.',
        location: 'Park',
      },
    }),
  },
  // Initiators list only their own cases (tested in cases/routes.int.test.ts).
  {
    operation: 'GET /cases',
    allowed: [...caseReaders, 'initiator', 'otherInitiator'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/cases' }),
  },
  // The export is for staff; initiators follow their own cases on their own pages.
  { operation: 'GET /cases/export', allowed: caseReaders, scope: 'collection', request: async () => ({ method: 'GET', url: '/cases/export' }) },
  { operation: 'GET /cases/{id}', allowed: [...caseReaders, 'initiator'], scope: 'resource', request: onCase('GET', '') },
  {
    operation: 'POST /cases/{id}/status',
    allowed: ['director', 'coordinator', 'initiator'],
    scope: 'resource',
    request: onCase('POST', '/status', () => ({ status: 'withdrawn', reason: 'Test van de autorisatie' })),
  },
  { operation: 'GET /cases/{id}/director-proposal', allowed: ['coordinator'], scope: 'resource', request: onCase('GET', '/director-proposal') },
  {
    operation: 'PUT /cases/{id}/director',
    allowed: ['coordinator'],
    scope: 'resource',
    request: async (w, s) => {
      const f = await w.fresh(s);
      return { method: 'PUT', url: `/cases/${f.caseId}/director`, body: { directorId: w.people[s].otherDirector?.actor.userId, reason: 'Werkverdeling' } };
    },
  },
  {
    operation: 'PUT /cases/{id}/place',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('PUT', '/place', () => ({ place: { addressId: null, lon: 5.3872, lat: 52.1552 } })),
  },
  {
    operation: 'POST /cases/{id}/suspension',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: onCase('POST', '/suspension', () => ({ reason: 'Wacht op stukken' })),
  },
  {
    operation: 'DELETE /cases/{id}/suspension',
    allowed: ['director', 'coordinator'],
    scope: 'resource',
    request: async (w, s) => ({ method: 'DELETE', url: `/cases/${(await w.fresh(s, { suspended: true })).caseId}/suspension` }),
  },
  {
    operation: 'GET /team-board',
    allowed: ['coordinator', 'director', 'otherDirector'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/team-board' }),
  },
  // a case's timeline, notes and messages
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
