// The public side of response periods (docs/product.md#responding-to-a-case): the list
// of open periods of a municipality, one period's page, responding without an account
// and confirming through the mailed one-time link. What the public sees of a period is
// what the director wrote for it: the summary, the case reference, the location as
// typed for the period, the themes, the end date, the topics and the questions. Never
// an e-mail address, and a respondent's name nowhere.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { caughtInHoneypot } from '../../platform/http/honeypot.js';
import { responseConfirmLink } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { newToken, sha256 } from '../identity/index.js';
import { getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { confirmResponseMail } from './mail.js';
import { CONFIRM_LINK_HOURS, confirmRefusal, isPeriodOpen, type Position, type Relation, responseRefusal } from './model.js';
import { deleteExpiredUnconfirmed, findPeriod, openPeriods, type PeriodRow, respondentCounts, type TopicRow, topicsOfPeriods } from './repo.js';

export interface PublicPeriod {
  id: string;
  reference: string;
  summary: string;
  location: string;
  themes: string[];
  openedOn: IsoDate;
  endsOn: IsoDate;
  open: boolean;
  closedEarly: boolean;
  topics: { id: string; name: string }[];
  questions: string[];
  respondents: number;
  updatedAt: Date;
}

const present = (p: PeriodRow, topics: TopicRow[], respondents: number, day: IsoDate): PublicPeriod => ({
  id: p.id,
  reference: p.reference,
  summary: p.summary,
  location: p.location,
  themes: p.themes,
  openedOn: p.openedOn,
  endsOn: p.endsOn,
  open: isPeriodOpen(p, day),
  closedEarly: p.closedAt !== null,
  topics: topics.map((t) => ({ id: t.id, name: t.name })),
  questions: p.questions,
  respondents,
  updatedAt: p.closedAt ?? p.openedAt,
});

/** The municipality of a public page, by its slug; an unknown one is not found. */
async function municipalityBySlug(deps: Deps, slug: string): Promise<{ id: string; name: string; slug: string }> {
  const m = await deps.db.unsafeAdmin.selectFrom('municipalities').select(['id', 'name', 'slug']).where('slug', '=', slug).executeTakeFirst();
  if (!m) throw notFound('municipality');
  return m;
}

/** The open periods of a municipality, soonest end first (the public list and its feed). */
export async function unsafePublicPeriods(deps: Deps, slug: string): Promise<{ municipality: { name: string; slug: string }; items: PublicPeriod[] }> {
  const m = await municipalityBySlug(deps, slug);
  const day = dutchDate(deps.clock.now());
  return deps.db.tenant(m.id, async (trx) => {
    const periods = await openPeriods(trx, m.id, day);
    const ids = periods.map((p) => p.id);
    const [topics, counts] = await Promise.all([topicsOfPeriods(trx, m.id, ids), respondentCounts(trx, m.id, ids)]);
    return {
      municipality: { name: m.name, slug: m.slug },
      items: periods.map((p) => present(p, topics.get(p.id) ?? [], counts.get(p.id) ?? 0, day)),
    };
  });
}

/** One period's public page; after the end date it says it is closed. */
export async function unsafePublicPeriod(deps: Deps, slug: string, periodId: string): Promise<PublicPeriod & { municipality: { name: string; slug: string } }> {
  const m = await municipalityBySlug(deps, slug);
  return deps.db.tenant(m.id, async (trx) => {
    const p = await findPeriod(trx, m.id, periodId);
    if (!p) throw notFound('responsePeriod');
    const [topics, counts] = await Promise.all([topicsOfPeriods(trx, m.id, [p.id]), respondentCounts(trx, m.id, [p.id])]);
    return { ...present(p, topics.get(p.id) ?? [], counts.get(p.id) ?? 0, dutchDate(deps.clock.now())), municipality: { name: m.name, slug: m.slug } };
  });
}

export interface SubmitResponse {
  slug: string;
  periodId: string;
  name: string;
  showName: boolean;
  email: string;
  relation: Relation;
  position: Position;
  topicIds: string[];
  interest: string;
  wouldHelp: string;
  answers: string[];
  locale: 'nl' | 'en';
}

/**
 * Respond to a period without an account (docs/product.md#responding-to-a-case). The
 * response is unconfirmed until the owner of the address uses the mailed link; the
 * answer is the same whoever the address belongs to and whether it responded before,
 * so the page tells nobody anything about an address. A response in the hidden field
 * that people leave empty (`trap`) is answered the same and stored nowhere.
 */
export async function unsafeSubmitResponse(deps: Deps, input: SubmitResponse, trap?: string): Promise<void> {
  const m = await municipalityBySlug(deps, input.slug);
  await deps.db.tenant(m.id, async (trx) => {
    const p = await findPeriod(trx, m.id, input.periodId);
    if (!p) throw notFound('responsePeriod');
    const now = deps.clock.now();
    if (responseRefusal(p, dutchDate(now))) throw conflict('error.periodClosed');
    const topics = (await topicsOfPeriods(trx, m.id, [p.id])).get(p.id) ?? [];
    const known = new Set(topics.map((t) => t.id));
    const chosen = [...new Set(input.topicIds)];
    const problems = [];
    if (!chosen.length || chosen.some((id) => !known.has(id))) problems.push({ field: 'topicIds', key: 'error.responseTopicsUnknown' });
    if (input.answers.length > p.questions.length) problems.push({ field: 'answers', key: 'error.responseAnswersCount', params: { max: p.questions.length } });
    if (!input.interest.trim()) problems.push({ field: 'interest', key: 'error.required' });
    if (!input.name.trim()) problems.push({ field: 'name', key: 'error.required' });
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
    if (caughtInHoneypot(trap)) return;
    // Unconfirmed responses live as long as their link, then go (in passing, as here).
    await deleteExpiredUnconfirmed(trx, m.id, now);
    const token = newToken();
    const r = await trx
      .insertInto('responses')
      .values({
        municipality_id: m.id,
        period_id: p.id,
        name: input.name.trim(),
        show_name: input.showName,
        email: input.email.trim(),
        relation: input.relation,
        position: input.position,
        interest: input.interest.trim(),
        would_help: input.wouldHelp.trim(),
        answers: JSON.stringify(input.answers.map((a) => a.trim())),
        locale: input.locale,
        token_hash: sha256(token),
        token_expires_at: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('response_interests')
      .values(chosen.map((topic_id) => ({ municipality_id: m.id, response_id: r.id, topic_id })))
      .execute();
    await enqueueMail(trx, {
      municipalityId: m.id,
      to: input.email.trim(),
      ...confirmResponseMail(input.locale, {
        name: input.name.trim(),
        reference: p.reference,
        link: responseConfirmLink(deps.config.publicUrl, token),
        municipality: m.name,
      }),
    });
  });
}

/**
 * The owner of the address used the mailed link: the response counts from now on, and
 * replaces a response of the same address to the same period confirmed before
 * (docs/product.md#responding-to-a-case). Using the link again changes nothing.
 */
export async function unsafeConfirmResponse(deps: Deps, token: string): Promise<{ slug: string; periodId: string; reference: string }> {
  const found = await deps.db.unsafeAdmin.selectFrom('responses').select(['id', 'municipality_id']).where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!found) throw new AppError(404, 'not-found', 'error.responseLinkInvalid');
  const mId = found.municipality_id;
  return deps.db.tenant(mId, (trx) => confirmIn(trx, deps, mId, found.id));
}

async function confirmIn(trx: Tx, deps: Deps, mId: string, responseId: string) {
  const m = await getMunicipality(trx, mId);
  const first = await trx.selectFrom('responses').select('period_id').where('municipality_id', '=', mId).where('id', '=', responseId).executeTakeFirst();
  if (!first) throw new AppError(404, 'not-found', 'error.responseLinkInvalid');
  // The period first, then the response: every confirmation of the period in one order.
  const p = await findPeriod(trx, mId, first.period_id, true);
  const r = await trx
    .selectFrom('responses')
    .select(['id', 'email', 'position', 'token_expires_at', 'confirmed_at'])
    .where('municipality_id', '=', mId)
    .where('id', '=', responseId)
    .forUpdate()
    .executeTakeFirst();
  if (!p || !r) throw new AppError(404, 'not-found', 'error.responseLinkInvalid');
  const now = deps.clock.now();
  const refusal = confirmRefusal({ tokenExpiresAt: r.token_expires_at, confirmedAt: r.confirmed_at }, p, now);
  const done = { slug: m.slug, periodId: p.id, reference: p.reference };
  if (refusal === 'confirmed') return done;
  if (refusal === 'expired') throw new AppError(404, 'not-found', 'error.responseLinkInvalid');
  if (refusal === 'closed') throw conflict('error.periodClosed');
  const replaced = await trx
    .updateTable('responses')
    .set({ replaced_at: now })
    .where('municipality_id', '=', mId)
    .where('period_id', '=', p.id)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', r.email.toLowerCase()))
    .where('confirmed_at', 'is not', null)
    .where('replaced_at', 'is', null)
    .where('id', '<>', r.id)
    .executeTakeFirst();
  await trx.updateTable('responses').set({ confirmed_at: now }).where('municipality_id', '=', mId).where('id', '=', r.id).execute();
  await recordEvent(
    trx,
    { municipalityId: mId, actorId: null, at: now },
    {
      caseId: p.caseId,
      visibility: 'internal',
      event: {
        type: 'participation.responseConfirmed',
        payload: { periodId: p.id, responseId: r.id, position: r.position, replaced: Number(replaced.numUpdatedRows) > 0 },
      },
    },
  );
  return done;
}
