// Helpers for tests of participation (and other modules' tests that need a response
// period): open a period as the case's director, respond as a neighbour and confirm
// with the link read from the mail in the outbox.
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { ctxFor } from '../../testing/factories.js';
import { type SubmitResponse, unsafeConfirmResponse, unsafeSubmitResponse } from './public.js';
import { openPeriod, type PeriodSummary } from './service.js';

export async function buildPeriod(deps: Deps, director: Actor, caseId: string, opts: { workingDays?: number; topics?: string[]; questions?: string[] } = {}) {
  return openPeriod(ctxFor(deps, director), {
    caseId,
    summary: 'Een terras aan de haven, open tot 23.00 uur.',
    location: 'Havenkade 1',
    workingDays: opts.workingDays ?? 10,
    topics: opts.topics ?? ['Verkeer', 'Geluid', 'Groen'],
    questions: opts.questions ?? ['Hoe vaak komt u langs de haven?'],
  });
}

/** The token of the newest confirmation link mailed to `email`. */
export async function confirmationTokenFor(deps: Deps, email: string): Promise<string> {
  const mail = await deps.db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where('to_address', '=', email)
    .where('body_text', 'like', '%/reageren/bevestigen#%')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const token = /\/reageren\/bevestigen#([A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${email}`);
  return token;
}

export type Respond = Partial<Omit<SubmitResponse, 'slug' | 'periodId'>> & { email: string };

/** Respond to a period as a neighbour would (unconfirmed until the link is used). */
export async function respond(deps: Deps, slug: string, period: Pick<PeriodSummary, 'id' | 'topics'>, r: Respond): Promise<void> {
  await unsafeSubmitResponse(deps, {
    slug,
    periodId: period.id,
    name: 'Els Bakker',
    showName: false,
    relation: 'neighbour',
    position: 'concern',
    topicIds: [period.topics[0]?.id as string],
    interest: 'Het wordt druk op de kade.',
    wouldHelp: 'Een sluitingstijd van 22.00 uur.',
    answers: [],
    locale: 'nl',
    ...r,
  });
}

/** Respond and confirm with the mailed link; returns the period's id. */
export async function respondConfirmed(deps: Deps, slug: string, period: Pick<PeriodSummary, 'id' | 'topics'>, r: Respond) {
  await respond(deps, slug, period, r);
  return unsafeConfirmResponse(deps, await confirmationTokenFor(deps, r.email));
}
