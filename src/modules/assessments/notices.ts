// Mail about the assessment that follows a change of state: the round-closed summary to
// the case's director (docs/product.md#the-assessment-round) and the coordinator's decision on a
// late objection to whoever raised it and the director (docs/product.md#late-objection). Written to the outbox in
// the transaction of the change, so a mail goes out exactly when the change commits.
import type { Tx } from '../../platform/db/index.js';
import { caseLink } from '../../platform/links.js';
import { enqueueMails, type Mail } from '../../platform/mail/outbox.js';
import { mails } from '../notifications/index.js';
import { type PartyRow, type RoundRow, specialistsOf } from './repo.js';

export interface ClosedRound {
  round: RoundRow;
  reason: 'allAnswered' | 'termEnded';
  /** names of the parties recorded as yes by silence at this close */
  silent: string[];
  /** names of the parties nobody could answer for: not reached, no yes by silence (docs/product.md#yes-by-silence) */
  unreached?: string[];
}

type Counts = { yes: number; yesWithConditions: number; objection: number; silence: number };

/**
 * Tell the director of each case that its round closed, with the count of each kind of
 * answer and the silent parties by name. Works for rounds of several municipalities at
 * once (the silence job), in three queries; a case without an active director gets none.
 */
export async function mailRoundSummaries(trx: Tx, publicUrl: string, closed: readonly ClosedRound[]): Promise<void> {
  if (!closed.length) return;
  const ids = closed.map((c) => c.round.id);
  const directors = await trx
    .selectFrom('assessment_rounds as r')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'r.case_id').onRef('c.municipality_id', '=', 'r.municipality_id'))
    .innerJoin('municipalities as m', 'm.id', 'r.municipality_id')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'c.director_id').onRef('u.municipality_id', '=', 'r.municipality_id'))
    .select(['r.id as round_id', 'c.id as case_id', 'c.reference', 'c.title', 'm.name as municipality', 'u.name', 'u.email', 'u.locale'])
    .where('r.id', 'in', ids)
    .where('u.active', '=', true)
    .execute();
  if (!directors.length) return;
  const rows = await trx
    .selectFrom('assessment_parties as p')
    .innerJoin('assessment_answers as a', 'a.id', 'p.current_answer_id')
    .select(['p.round_id', 'a.kind'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('p.round_id', 'in', ids)
    .groupBy(['p.round_id', 'a.kind'])
    .execute();
  const counts = new Map<string, Counts>();
  for (const r of rows) {
    const c = counts.get(r.round_id) ?? { yes: 0, yesWithConditions: 0, objection: 0, silence: 0 };
    c[r.kind] += Number(r.n);
    counts.set(r.round_id, c);
  }
  const byRound = new Map(closed.map((c) => [c.round.id, c]));
  const out: Mail[] = directors.map((d) => {
    const c = byRound.get(d.round_id) as ClosedRound;
    return {
      municipalityId: c.round.municipality_id,
      to: d.email,
      ...mails.roundClosedSummary(d.locale, {
        name: d.name,
        reference: d.reference,
        title: d.title,
        roundNumber: c.round.number,
        reason: c.reason,
        termEndsOn: c.round.term_ends_on,
        counts: counts.get(d.round_id) ?? { yes: 0, yesWithConditions: 0, objection: 0, silence: 0 },
        silent: [...c.silent].sort((a, b) => a.localeCompare(b, 'nl')),
        unreached: [...(c.unreached ?? [])].sort((a, b) => a.localeCompare(b, 'nl')),
        link: caseLink(publicUrl, d.case_id),
        municipality: d.municipality,
      }),
    };
  });
  await enqueueMails(trx, out);
}

export interface LateDecisionNotice {
  municipalityId: string;
  municipality: string;
  c: { id: string; reference: string; title: string; director_id: string | null };
  party: PartyRow;
  decision: 'admit' | 'setAside';
  reason: string;
  by: string;
  reopenedUntil: string | null;
}

/**
 * Tell the party that raised a late objection how the coordinator decided and why: the
 * specialists of its department, or the outside party at its e-mail address (which
 * keeps using its personal link); and the case's director. One mail per address.
 */
export async function mailLateDecision(trx: Tx, publicUrl: string, n: LateDecisionNotice): Promise<void> {
  const mId = n.municipalityId;
  const recipients: { name: string; email: string; locale: 'nl' | 'en'; link: string | null }[] = [];
  if (n.party.kind === 'department' && n.party.department_id) {
    for (const s of await specialistsOf(trx, mId, [n.party.department_id])) recipients.push({ ...s, link: caseLink(publicUrl, n.c.id) });
  } else if (n.party.email) {
    // An outside party has no account or language setting: Dutch, as its request was.
    recipients.push({ name: n.party.name, email: n.party.email, locale: 'nl', link: null });
  }
  const director = n.c.director_id
    ? await trx
        .selectFrom('users')
        .select(['name', 'email', 'locale'])
        .where('municipality_id', '=', mId)
        .where('id', '=', n.c.director_id)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined;
  if (director) recipients.push({ ...director, link: caseLink(publicUrl, n.c.id) });
  const seen = new Set<string>();
  const out: Mail[] = [];
  for (const r of recipients) {
    const key = r.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      municipalityId: mId,
      to: r.email,
      ...mails.lateObjectionDecided(r.locale, {
        name: r.name,
        reference: n.c.reference,
        title: n.c.title,
        party: n.party.name,
        decision: n.decision,
        reason: n.reason,
        by: n.by,
        reopenedUntil: n.reopenedUntil,
        link: r.link,
        municipality: n.municipality,
      }),
    });
  }
  await enqueueMails(trx, out);
}
