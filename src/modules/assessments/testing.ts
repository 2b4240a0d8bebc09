// Test helpers for the assessment module: a municipality with the people of an
// assessment, a case in planning, register rules, and reading a link from the mail.
import { fixedClock } from '../../kernel/clock.js';
import type { Actor, Role } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality, testDeps } from '../../testing/factories.js';
import { createRule, type Domain } from '../rules/index.js';
import { openAssessmentRound } from './service.js';

export interface AssessmentWorld {
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
  m: TestMunicipality;
  admin: Actor;
  coordinator: Actor;
  director: Actor;
  otherDirector: Actor;
  specialist: Actor; // department 0 (Ruimtelijke ordening)
  safetySpecialist: Actor; // department 1 (Openbare orde en veiligheid)
  executive: Actor;
  initiator: Actor;
  rules: { zoning: string; terraces: string; bibob: string; expired: string };
  newCase(): Promise<string>;
}

let seq = 0;
export async function assessmentWorld(db: Db, at = '2026-03-02T09:00:00+01:00'): Promise<AssessmentWorld> {
  const clock = fixedClock(at);
  const deps = testDeps(db, clock) as AssessmentWorld['deps'];
  const m = await buildMunicipality(db);
  const user = (role: Role, department?: string) => actorOf(role, { municipality: m, department });
  const admin = await user('admin');
  const coordinator = await user('coordinator');
  const director = await user('director');
  const otherDirector = await user('director');
  const specialist = await user('specialist', m.departmentIds[0]);
  const safetySpecialist = await user('specialist', m.departmentIds[1]);
  const executive = await user('executive');
  const rule = async (code: string, domain: Domain, strict: boolean, validFrom = '2024-01-01', validUntil: string | null = null) =>
    (await createRule(ctxFor(deps, admin), { code, title: `Regel ${code}`, legalSource: `Bron ${code}`, domain, strict, validFrom, validUntil })).id;
  const rules = {
    zoning: await rule('OP-4.12', 'physical', false),
    terraces: await rule('APV-2:48', 'economy', false),
    bibob: await rule('BIBOB', 'safety', true),
    expired: await rule('OUD-1', 'physical', false, '2020-01-01', '2025-12-31'),
  };
  const initiatorEmail = `ondernemer-${m.slug}@example.nl`;
  const built = () =>
    buildCase({
      municipality: m,
      deps,
      coordinator,
      director,
      status: 'planning',
      initiator: { name: 'Fatima de Vries', email: initiatorEmail },
      title: `Spuiterij aan de haven ${++seq}`,
      description: 'Een autospuiterij in een leegstaande loods aan de haven.',
      location: 'Havenweg 12',
    });
  const newCase = async () => (await built()).id;
  const { initiator } = await built();
  return { deps, m, admin, coordinator, director, otherDirector, specialist, safetySpecialist, executive, initiator, rules, newCase };
}

/** The one-time link token mailed to an outside party (the test reads the outbox like a mailbox). */
export async function linkTokenMailedTo(db: Db, municipalityId: string, email: string): Promise<string> {
  const mails = await db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where('municipality_id', '=', municipalityId)
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .execute();
  for (const mail of mails) {
    const token = /\/toets\/([^\s]+)/.exec(mail.body_text)?.[1];
    if (token) return token;
  }
  throw new Error(`no assessment link mailed to ${email}`);
}

/** An overrule mandate for a role in a domain, straight into the register. */
export async function grantOverrule(db: Db, municipalityId: string, holder: { role: Role } | { userId: string }, domain: Domain, validFrom = '2024-01-01') {
  const row = await db.unsafeAdmin
    .insertInto('mandates')
    .values({
      municipality_id: municipalityId,
      holder_kind: 'role' in holder ? 'role' : 'person',
      holder_role: 'role' in holder ? holder.role : null,
      holder_user_id: 'userId' in holder ? holder.userId : null,
      scope_kind: 'overrule',
      scope_domain: domain,
      delegated_by: 'het college',
      valid_from: validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A round on `caseId` asking another municipality's department under `agreementId`
 * (docs/product.md#another-municipalitys-department-in-a-round); gives the shared party's id.
 */
export async function buildSharedRound(deps: Deps, o: { by: Actor; caseId: string; agreementId: string; departmentId: string; proposal?: string }) {
  const r = await openAssessmentRound(ctxFor(deps, o.by), {
    caseId: o.caseId,
    proposal: o.proposal ?? 'Een evenemententerrein aan de rivier',
    departmentIds: [],
    outsideParties: [],
    sharedDepartments: [{ agreementId: o.agreementId, departmentId: o.departmentId }],
  });
  const p = await deps.db.unsafeAdmin
    .selectFrom('assessment_parties')
    .select('id')
    .where('round_id', '=', r.id)
    .where('agreement_id', '=', o.agreementId)
    .executeTakeFirstOrThrow();
  return { roundId: r.id, partyId: p.id };
}

/** For other modules' tests of cross-municipality requests: answer as the provider, end an agreement with its returns. */
export { answerSharedRequest, endSharingAgreement } from './shared.js';
