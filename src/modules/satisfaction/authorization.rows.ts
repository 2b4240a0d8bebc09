// The negative suite's rows for the report mark (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import type { Row, World } from '../../testing/authorization.js';
import { answerSurvey } from './service.js';
import { closedCaseWithSurvey, surveyIdOf } from './testing.js';

const survey = (w: World, side: 'A' | 'B') =>
  closedCaseWithSurvey(w.deps, w.munis[side], { director: w.people[side].director?.actor as Actor, coordinator: w.people[side].coordinator?.actor as Actor });

export const rows: Row[] = [
  // The survey behind its personal link: no account (docs/product.md#the-report-mark).
  {
    operation: 'GET /survey-links/{token}',
    allowed: 'public',
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/survey-links/${(await survey(w, s)).token}` }),
  },
  {
    operation: 'PUT /survey-links/{token}/answer',
    allowed: 'public',
    scope: 'resource',
    request: async (w, s) => ({
      method: 'PUT',
      url: `/survey-links/${(await survey(w, s)).token}/answer`,
      body: { mark: 8, speed: 4, comment: 'Prima geholpen' },
    }),
  },
  // The follow-up of low marks: the coordinator only, not the case's director.
  {
    operation: 'GET /satisfaction/follow-ups',
    allowed: ['coordinator'],
    scope: 'collection',
    request: async () => ({ method: 'GET', url: '/satisfaction/follow-ups?status=all' }),
  },
  {
    operation: 'POST /satisfaction/surveys/{id}/follow-ups',
    allowed: ['coordinator'],
    scope: 'resource',
    request: async (w, s) => {
      const c = await survey(w, s);
      await answerSurvey(w.deps, c.token, { mark: 3, directorClear: null, planConcrete: null, promisesKept: null, speed: null, comment: null });
      return {
        method: 'POST',
        url: `/satisfaction/surveys/${await surveyIdOf(w.deps.db, c.caseId)}/follow-ups`,
        body: { note: 'Gebeld, excuses aangeboden', status: 'done' },
      };
    },
  },
  // The municipality's setting: the admin.
  { operation: 'GET /satisfaction/settings', allowed: ['admin'], scope: 'collection', request: async () => ({ method: 'GET', url: '/satisfaction/settings' }) },
  {
    operation: 'PUT /satisfaction/settings',
    allowed: ['admin'],
    scope: 'collection',
    request: async () => ({ method: 'PUT', url: '/satisfaction/settings', body: { askAtPlanAgreement: false } }),
  },
];
