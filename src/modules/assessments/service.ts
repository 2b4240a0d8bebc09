// Assessment use-cases (docs/product.md#the-assessment-round): opening a round and answering it, by a
// specialist of the asked department or by an outside party through its one-time
// link. One transaction each; the rows changed are locked; every change appends an
// event and mail goes to the outbox in the same transaction.
import type { IsoDate } from '../../kernel/calendar.js';
import { dutchDate } from '../../kernel/clock.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, MunicipalityRow } from '../../platform/db/schema.js';
import { answerLink, caseLink, sharedRequestLink } from '../../platform/links.js';
import { enqueueMails } from '../../platform/mail/outbox.js';
import { authorizeCase, findCase, forPolicy, loadCaseFor } from '../cases/index.js';
import { newToken, sha256 } from '../identity/index.js';
import { type SharedDepartment, sharedDepartmentsIn, sharedSpecialists, themesInScope } from '../intermunicipal/index.js';
import { mails } from '../notifications/index.js';
import { calendarOf, getMunicipality } from '../organisation/index.js';
import { recordEvent } from '../timeline/index.js';
import { type Answer, proposalLink, roundProblems, roundTermEnd } from './model.js';
import { assessmentPolicy } from './policy.js';
import {
  answersByIds,
  findParty,
  findPartyByTokenHash,
  findRound,
  nextRoundNumber,
  overrulesOfAnswers,
  type PartyRow,
  type RoundRow,
  roundsOfCase,
  specialistsOf,
  UUID,
  unstaffedDepartments,
} from './repo.js';
import { type SubmitOutcome, submitAnswer } from './submit.js';

export interface OutsidePartyInput {
  name: string;
  email: string;
  organisation?: string | null;
}

export interface OpenRound {
  caseId: string;
  proposal: string;
  departmentIds: string[];
  outsideParties: OutsidePartyInput[];
  /** default 10 working days (docs/product.md#the-assessment-round) */
  termWorkingDays?: number;
  sameProposalAs?: string | null;
  /**
   * Departments of other municipalities, asked under a sharing agreement in force
   * (docs/product.md#another-municipalitys-department-in-a-round).
   */
  sharedDepartments?: { agreementId: string; departmentId: string }[];
}

export const DEFAULT_TERM_WORKING_DAYS = 10;

/**
 * Open a round on a case (docs/product.md#the-assessment-round): the case's director or a coordinator, on a
 * case in intake, planning or executing. The term ends `termWorkingDays` working days
 * after today on the municipality's calendar. Specialists of each asked department and
 * every outside party (with its one-time link) are told by mail.
 */
export async function openAssessmentRound(ctx: Ctx, o: OpenRound): Promise<RoundRow> {
  const mId = ctx.actor.municipalityId;
  const days = o.termWorkingDays ?? DEFAULT_TERM_WORKING_DAYS;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, o.caseId, 'view', { lock: true });
    assessmentPolicy.authorize(ctx.actor, forPolicy(c), 'openRound');
    const problems = roundProblems(o);
    let departments: { id: string; name: string }[] = [];
    if (o.departmentIds.length && !problems.some((p) => p.field.startsWith('departmentIds.'))) {
      departments = await trx.selectFrom('departments').select(['id', 'name']).where('municipality_id', '=', mId).where('id', 'in', o.departmentIds).execute();
      if (departments.length !== o.departmentIds.length) problems.push({ field: 'departmentIds', key: 'error.unknownDepartment' });
    }
    if (o.sameProposalAs) {
      const earlier = UUID.test(o.sameProposalAs) ? await findRound(trx, mId, o.sameProposalAs) : undefined;
      if (!earlier || earlier.case_id !== c.id) problems.push({ field: 'sameProposalAs', key: 'error.unknownRound' });
    }
    const shared = await sharedPartiesFor(trx, mId, o.sharedDepartments ?? [], dutchDate(ctx.clock.now()), problems);
    if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
    // A case outside an agreement's themes is not shared (docs/product.md#themes-in-a-sharing-agreement).
    if (shared.some((d) => d.themes.length)) {
      const caseThemes = (await trx.selectFrom('case_themes').select('theme_id').where('municipality_id', '=', mId).where('case_id', '=', c.id).execute()).map(
        (t) => t.theme_id,
      );
      const outside = shared.find(
        (d) =>
          !themesInScope(
            d.themes.map((t) => t.id),
            caseThemes,
          ),
      );
      if (outside)
        throw new AppError(409, 'outside-agreement-themes', 'error.caseOutsideAgreementThemes', {
          name: outside.name,
          themes: outside.themes.map((t) => t.name).join(', '),
        });
    }
    // No silent consent from nobody (docs/product.md#yes-by-silence): a department without an active
    // specialist gets no request, so its silence would be nobody's yes. It is not asked.
    const unstaffed = await unstaffedDepartments(
      trx,
      mId,
      departments.map((d) => d.id),
    );
    if (unstaffed.size || shared.some((d) => !d.specialists.length)) {
      const names = [
        ...o.departmentIds.flatMap((id) => departments.filter((d) => d.id === id && unstaffed.has(id)).map((d) => d.name)),
        ...shared.filter((d) => !d.specialists.length).map((d) => d.name),
      ];
      throw new AppError(409, 'department-unstaffed', 'error.departmentUnstaffed', { name: names.join(', ') });
    }

    const m = await getMunicipality(trx, mId);
    const now = ctx.clock.now();
    const openedOn = dutchDate(now);
    const termEndsOn = roundTermEnd(calendarOf(m), openedOn, days);
    // Serial objections (docs/product.md#serial-objections): the same proposal text is the same proposal, whatever the director
    // says; without an explicit link the round is linked to the latest such round.
    const earlierRounds = (await roundsOfCase(trx, mId, c.id)).map((r) => ({
      id: r.id,
      number: r.number,
      proposal: r.proposal,
      sameProposalAs: r.same_proposal_as,
    }));
    const round = await trx
      .insertInto('assessment_rounds')
      .values({
        municipality_id: mId,
        case_id: c.id,
        number: await nextRoundNumber(trx, mId, c.id),
        proposal: o.proposal.trim(),
        same_proposal_as: proposalLink(o.proposal, o.sameProposalAs, earlierRounds),
        opened_on: openedOn,
        term_working_days: days,
        term_ends_on: termEndsOn,
        opened_by: ctx.actor.userId,
        opened_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const tokens = o.outsideParties.map(() => `${mId}.${newToken()}`);
    const parties = await trx
      .insertInto('assessment_parties')
      .values([
        ...departments.map((d) => ({ municipality_id: mId, round_id: round.id, kind: 'department' as const, department_id: d.id, name: d.name })),
        ...shared.map((d) => ({
          municipality_id: mId,
          round_id: round.id,
          kind: 'department' as const,
          department_id: d.departmentId,
          name: d.name,
          provider_municipality_id: d.providerMunicipalityId,
          agreement_id: d.agreementId,
        })),
        ...o.outsideParties.map((p, i) => ({
          municipality_id: mId,
          round_id: round.id,
          kind: 'outside' as const,
          name: p.name.trim(),
          email: p.email.trim().toLowerCase(),
          organisation: p.organisation?.trim() || null,
          link_token_hash: sha256(tokens[i] as string),
        })),
      ])
      .returningAll()
      .execute();
    await recordEvent(trx, ctx, {
      caseId: c.id,
      at: now,
      visibility: 'shared',
      event: {
        type: 'assessment.roundOpened',
        payload: {
          roundId: round.id,
          number: round.number,
          proposal: round.proposal,
          termEndsOn,
          sameProposalAs: round.same_proposal_as,
          parties: parties.map((p) => ({ id: p.id, kind: p.kind, name: p.name })),
        },
      },
    });
    const text = { reference: c.reference, title: c.title, proposal: round.proposal, termEndsOn, municipality: m.name };
    // One insert for all the round's mail: the specialists of every asked department and each outside party.
    await enqueueMails(trx, [
      ...(await specialistsOf(trx, mId, o.departmentIds)).map((s) => ({
        municipalityId: mId,
        to: s.email,
        ...mails.assessmentRequested(s.locale, { ...text, name: s.name, link: caseLink(ctx.config.publicUrl, c.id) }),
      })),
      // The other municipality's specialists get the link to the shared request, not to the case.
      ...shared.flatMap((d) =>
        d.specialists.map((s) => {
          const party = parties.find((p) => p.agreement_id === d.agreementId && p.department_id === d.departmentId) as PartyRow;
          return {
            municipalityId: mId,
            to: s.email,
            ...mails.assessmentRequested(s.locale, { ...text, name: s.name, link: sharedRequestLink(ctx.config.publicUrl, party.id) }),
          };
        }),
      ),
      ...o.outsideParties.map((p, i) => ({
        municipalityId: mId,
        to: p.email.trim(),
        ...mails.assessmentRequestedOutside('nl', { ...text, name: p.name.trim(), link: answerLink(ctx.config.publicUrl, tokens[i] as string) }),
      })),
    ]);
    return round;
  });
}

/**
 * The shared departments asked, checked against the agreements in force today
 * (docs/product.md#another-municipalitys-department-in-a-round): each must be in the
 * scope of an agreement under which this municipality receives. Adds to `problems`.
 */
async function sharedPartiesFor(
  trx: Tx,
  mId: string,
  asked: readonly { agreementId: string; departmentId: string }[],
  today: IsoDate,
  problems: { field: string; key: string }[],
) {
  if (!asked.length) return [];
  const available = await sharedDepartmentsIn(trx, mId, today);
  const out: (SharedDepartment & { name: string; specialists: Awaited<ReturnType<typeof sharedSpecialists>> })[] = [];
  for (const [i, a] of asked.entries()) {
    const d = available.find((x) => x.agreementId === a.agreementId && x.departmentId === a.departmentId);
    if (!d) {
      problems.push({ field: `sharedDepartments.${i}`, key: 'error.noAgreementInForce' });
      continue;
    }
    if (out.some((x) => x.departmentId === d.departmentId)) {
      problems.push({ field: `sharedDepartments.${i}`, key: 'error.duplicate' });
      continue;
    }
    out.push({ ...d, name: `${d.departmentName} (${d.providerName})`, specialists: await sharedSpecialists(trx, d.agreementId, d.departmentId) });
  }
  return out;
}

export interface AnswerInput extends Answer {}

/**
 * Load and lock what an answer needs: the round first, then the party (the order the
 * silence job uses, so the two never deadlock), and the case.
 */
export async function lockForAnswer(trx: Tx, mId: string, found: PartyRow): Promise<{ round: RoundRow; party: PartyRow; c: CaseRow; m: MunicipalityRow }> {
  const round = await findRound(trx, mId, found.round_id, true);
  const party = round && (await findParty(trx, mId, found.id, true));
  const c = round && (await findCase(trx, mId, round.case_id));
  if (!round || !party || !c) throw notFound('assessment');
  return { round, party, c, m: await getMunicipality(trx, mId) };
}

/**
 * A specialist of the asked department answers for it (docs/product.md#the-assessment-round). Amendable
 * while the window is open; afterwards an objection becomes a late objection and
 * anything else is refused (409).
 */
export async function answerAsDepartment(ctx: Ctx, o: { partyId: string; answer: AnswerInput }): Promise<SubmitOutcome> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    // Not locked yet: the round is locked first (as the silence job does), then the party.
    const found = await findParty(trx, mId, o.partyId);
    if (!found) throw notFound('assessment party');
    const { round, party, c, m } = await lockForAnswer(trx, mId, found);
    authorizeCase(ctx.actor, 'view', forPolicy(c));
    const asked = { municipalityId: mId, kind: party.kind, departmentId: party.department_id, reopenedUntil: party.reopened_until };
    assessmentPolicy.authorize(ctx.actor, asked, 'answerFor');
    return submitAnswer(trx, ctx, { m, c, round, party, answer: o.answer, by: { userId: ctx.actor.userId, name: ctx.actor.name } });
  });
}

// ---- the outside party's one-time link ----------------------------------------------

/**
 * A link token is `<municipality id>.<random>`: the look-up runs inside that
 * municipality's row-level security, so a token edited to point at another
 * municipality is simply not found (404). Only the token's SHA-256 is stored.
 */
function parseToken(token: string): { mId: string; hash: string } {
  const dot = token.indexOf('.');
  const mId = token.slice(0, dot);
  if (dot < 0 || !UUID.test(mId) || token.length - dot < 20) throw notFound('link');
  return { mId, hash: sha256(token) };
}

export interface LinkState {
  m: MunicipalityRow;
  c: CaseRow;
  round: RoundRow;
  party: PartyRow;
  today: IsoDate;
}

async function withLink<T>(deps: Deps, token: string, fn: (trx: Tx, s: LinkState) => Promise<T>): Promise<T> {
  const { mId, hash } = parseToken(token);
  return deps.db.tenant(mId, async (trx) => {
    const found = await findPartyByTokenHash(trx, mId, hash);
    if (!found) throw notFound('link');
    const { round, party, c, m } = await lockForAnswer(trx, mId, found);
    const today = dutchDate(deps.clock.now());
    return fn(trx, { m, c, round, party, today });
  });
}

/**
 * Whether the link still works (docs/product.md#the-assessment-round): for the answer and amendments while
 * the window is open, and after that once, for a late objection, while the case is
 * still being worked on. Past that it has expired (410).
 */
export function linkUsable(s: Pick<LinkState, 'c' | 'round' | 'party' | 'today'>): 'answer' | 'lateObjection' | 'expired' {
  const { round, party, today } = s;
  const termPassed = round.closed_at !== null || today > round.term_ends_on;
  if (party.reopened_until !== null && today <= party.reopened_until) return 'answer';
  if (!termPassed) return 'answer';
  if (party.link_late_used || s.c.status === 'closed' || s.c.status === 'withdrawn') return 'expired';
  return 'lateObjection';
}

/**
 * Why a link no longer works, in words that are true: the case has ended; or the round
 * closed early because every party answered; or its term is over. In the last two the
 * party's one late objection has been used.
 */
function expired(s: Pick<LinkState, 'c' | 'round' | 'today'>): AppError {
  if (s.c.status === 'closed' || s.c.status === 'withdrawn') return new AppError(410, 'gone', 'error.linkExpiredCaseEnded');
  const early = s.round.closed_reason === 'allAnswered' && s.today <= s.round.term_ends_on;
  return new AppError(410, 'gone', early ? 'error.linkExpiredAllAnswered' : 'error.linkExpired');
}

/** What the outside party's page shows: the question, its current answer and the rules it may cite today. */
async function linkData(trx: Tx, s: LinkState, may: 'answer' | 'lateObjection' | 'none') {
  const party = (await findParty(trx, s.m.id, s.party.id)) as PartyRow;
  const [answer] = await answersByIds(trx, s.m.id, party.current_answer_id ? [party.current_answer_id] : []);
  // An overruled objection is not amended away (docs/product.md#overrule-within-mandate): while the round is
  // open the page offers nothing; after it closes, one late objection as usual.
  if (may === 'answer' && answer && s.round.closed_at === null && (await overrulesOfAnswers(trx, s.m.id, [answer.id])).length) may = 'none';
  const rules = await trx
    .selectFrom('rules')
    .select(['id', 'code', 'title', 'legal_source', 'domain', 'strict'])
    .where('municipality_id', '=', s.m.id)
    .where('valid_from', '<=', s.today)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', s.today)]))
    .orderBy('code')
    .execute();
  return { ...s, party, may, answer: answer ?? null, rules };
}
export type LinkData = Awaited<ReturnType<typeof linkData>>;

export async function readAssessmentLink(deps: Deps, token: string): Promise<LinkData> {
  return withLink(deps, token, async (trx, s) => {
    const usable = linkUsable(s);
    if (usable === 'expired') throw expired(s);
    return linkData(trx, s, usable);
  });
}

/**
 * The outside party answers through its link: the same rules as a specialist's answer.
 * After the round closed, its one late objection uses the link up.
 */
export async function answerViaLink(deps: Deps, token: string, answer: AnswerInput): Promise<{ out: SubmitOutcome; view: LinkData }> {
  return withLink(deps, token, async (trx, s) => {
    if (linkUsable(s) === 'expired') throw expired(s);
    const out = await submitAnswer(trx, deps, { ...s, answer, by: { userId: null, name: s.party.name } });
    if (out.outcome === 'late' && out.cause === 'afterClose') {
      await trx.updateTable('assessment_parties').set({ link_late_used: true }).where('municipality_id', '=', s.m.id).where('id', '=', s.party.id).execute();
    }
    const after = { ...s, party: (await findParty(trx, s.m.id, s.party.id)) as PartyRow, round: (await findRound(trx, s.m.id, s.round.id)) as RoundRow };
    const usable = linkUsable(after);
    return { out, view: await linkData(trx, after, usable === 'expired' ? 'none' : usable) };
  });
}
