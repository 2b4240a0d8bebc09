// Test helpers for the report mark: a case brought to executing (both agreed the
// plan), closing it, and reading the survey link from the initiator's mail.
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { actorOf, buildCase, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { changeStatus } from '../cases/index.js';
import { agreePlan } from '../plans/index.js';

export interface ExecutingCase {
  caseId: string;
  reference: string;
  initiator: Actor;
  director: Actor;
}

/** A case whose plan both the initiator and the director agreed: it is executing. */
export async function executingCase(
  deps: Deps,
  m: TestMunicipality,
  opts: { director?: Actor; coordinator?: Actor; areaId?: string | null; themeIds?: string[]; initiatorLocale?: 'nl' | 'en' } = {},
): Promise<ExecutingCase> {
  const director = opts.director ?? (await actorOf('director', { municipality: m }));
  const c = await buildCase({
    municipality: m,
    deps,
    director,
    coordinator: opts.coordinator,
    areaId: opts.areaId,
    themeIds: opts.themeIds,
    initiator: { name: 'Fatima de Vries', email: `aanvrager-${Math.random().toString(36).slice(2, 10)}@example.nl`, locale: opts.initiatorLocale ?? 'nl' },
    plan: { goal: 'Terras open voor de zomer', actions: [{ description: 'Aanvraag indienen', ownerKind: 'initiator', dueOn: '2026-05-01' }] },
  });
  await agreePlan(ctxFor(deps, director), { caseId: c.id, version: 1 });
  await agreePlan(ctxFor(deps, c.initiator), { caseId: c.id, version: 1 });
  return { caseId: c.id, reference: c.reference, initiator: c.initiator, director };
}

export const closeCase = (deps: Deps, director: Actor, caseId: string) => changeStatus(ctxFor(deps, director), { caseId, to: 'closed' });

/** A closed case with its survey sent: the case and the survey link's token. */
export async function closedCaseWithSurvey(deps: Deps, m: TestMunicipality, opts: Parameters<typeof executingCase>[2] = {}) {
  const c = await executingCase(deps, m, opts);
  await closeCase(deps, c.director, c.caseId);
  return { ...c, token: await surveyTokenMailedTo(deps.db, m.id, c.initiator.email) };
}

/** The survey links mailed to an address, newest first. */
export async function surveyTokensMailedTo(db: Db, municipalityId: string, email: string): Promise<string[]> {
  const mails = await db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where('municipality_id', '=', municipalityId)
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .execute();
  return mails.flatMap((mail) => {
    const token = /\/tevredenheid\/([^\s]+)/.exec(mail.body_text)?.[1];
    return token ? [token] : [];
  });
}

export async function surveyTokenMailedTo(db: Db, municipalityId: string, email: string): Promise<string> {
  const [token] = await surveyTokensMailedTo(db, municipalityId, email);
  if (!token) throw new Error(`no survey link mailed to ${email}`);
  return token;
}

export async function surveyIdOf(db: Db, caseId: string, moment: 'closed' | 'planAgreed' = 'closed'): Promise<string> {
  const row = await db.unsafeAdmin.selectFrom('surveys').select('id').where('case_id', '=', caseId).where('moment', '=', moment).executeTakeFirstOrThrow();
  return row.id;
}
