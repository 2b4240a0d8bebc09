// The negative suite's rows for response periods (see src/testing/authorization.int.test.ts).
import type { Actor } from '../../platform/auth/index.js';
import { caseReaders, type Req, type Row, uniq, type World } from '../../testing/authorization.js';
import { buildPeriod, confirmationTokenFor, respond, respondConfirmed } from './testing.js';

const runners: Row['allowed'] = ['director', 'coordinator'];

/** A fresh case of municipality `side` with an open response period, opened by its director. */
async function freshPeriod(w: World, side: 'A' | 'B') {
  const f = await w.fresh(side);
  const period = await buildPeriod(w.deps, w.people[side].director?.actor as Actor, f.caseId);
  return { f, period };
}

const onPeriod =
  (method: Req['method'], tail: (p: Awaited<ReturnType<typeof freshPeriod>>['period']) => string, body?: Record<string, unknown>) =>
  async (w: World, side: 'A' | 'B'): Promise<Req> => {
    const { period } = await freshPeriod(w, side);
    return { method, url: `/response-periods/${period.id}${tail(period)}`, body };
  };

export const rows: Row[] = [
  {
    operation: 'GET /cases/{id}/response-periods',
    allowed: caseReaders,
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/cases/${(await w.fresh(s)).caseId}/response-periods` }),
  },
  {
    operation: 'POST /cases/{id}/response-periods',
    allowed: runners,
    scope: 'resource',
    request: async (w, s) => ({
      method: 'POST',
      url: `/cases/${(await w.fresh(s)).caseId}/response-periods`,
      body: { summary: 'Een terras aan de haven.', location: 'Havenkade 1', workingDays: 10, topics: ['Verkeer'], questions: [] },
    }),
  },
  { operation: 'GET /response-periods/{id}', allowed: caseReaders, scope: 'resource', request: onPeriod('GET', () => '') },
  {
    operation: 'POST /response-periods/{id}/closure',
    allowed: runners,
    scope: 'resource',
    request: onPeriod('POST', () => '/closure', { reason: 'Genoeg gehoord' }),
  },
  {
    operation: 'PUT /response-periods/{id}/topics/{topicId}/answer',
    allowed: runners,
    scope: 'resource',
    request: onPeriod('PUT', (p) => `/topics/${p.topics[0]?.id}/answer`, { answer: 'We beperken de openingstijden.' }),
  },
  {
    operation: 'POST /responses/{id}/hiding',
    allowed: runners,
    scope: 'resource',
    request: async (w, s) => {
      const { period } = await freshPeriod(w, s);
      await respondConfirmed(w.deps, w.munis[s].slug, period, { email: `buur-${uniq()}@example.nl` });
      const r = await w.deps.db.unsafeAdmin.selectFrom('responses').select('id').where('period_id', '=', period.id).executeTakeFirstOrThrow();
      return { method: 'POST', url: `/responses/${r.id}/hiding`, body: { reason: 'Beledigend' } };
    },
  },
  // Public: anyone, without an account (docs/product.md#responding-to-a-case).
  {
    operation: 'GET /municipalities/{slug}/response-periods',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}/response-periods` }),
  },
  {
    operation: 'GET /municipalities/{slug}/response-periods.atom',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}/response-periods.atom` }),
  },
  {
    operation: 'GET /municipalities/{slug}/response-periods/{id}',
    allowed: 'public',
    scope: 'resource',
    request: async (w, s) => ({ method: 'GET', url: `/municipalities/${w.munis[s].slug}/response-periods/${(await freshPeriod(w, s)).period.id}` }),
  },
  {
    operation: 'POST /municipalities/{slug}/response-periods/{id}/responses',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      const { period } = await freshPeriod(w, s);
      return {
        method: 'POST',
        url: `/municipalities/${w.munis[s].slug}/response-periods/${period.id}/responses`,
        body: {
          name: 'Els Bakker',
          email: `buur-${uniq()}@example.nl`,
          relation: 'neighbour',
          position: 'concern',
          topicIds: [period.topics[0]?.id],
          interest: 'Het wordt druk op de kade.',
        },
      };
    },
  },
  {
    operation: 'POST /response-confirmations',
    allowed: 'public',
    scope: 'collection',
    request: async (w, s) => {
      const { period } = await freshPeriod(w, s);
      const email = `buur-${uniq()}@example.nl`;
      await respond(w.deps, w.munis[s].slug, period, { email });
      return { method: 'POST', url: '/response-confirmations', body: { token: await confirmationTokenFor(w.deps, email) } };
    },
  },
];
