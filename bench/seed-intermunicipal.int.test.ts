// The bench's sharing agreement (bench/seed-intermunicipal.ts), on the engine under
// test: made through the modules' own use-cases, it is approved by both sides and in
// force, and it carries what the benchmark measures — the receiver's director asks the
// provider's Omgevingsdienst in a round, and its specialist lists and answers the request.
import { describe, expect, it } from 'vitest';
import { openAssessmentRound } from '../src/modules/assessments/index.js';
import { unsafeCreateApiTokenForEmail } from '../src/modules/identity/index.js';
import { actorOf, buildCase, buildMunicipality, ctxFor } from '../src/testing/factories.js';
import { withTestApp } from '../src/testing/http.js';
import { SHARED_DEPARTMENT, seedSharingAgreement } from './seed-intermunicipal.js';

describe('the bench sharing agreement', () => {
  const t = withTestApp();

  it('is approved by both administrators and admits the provider’s specialist to a round of the receiver', async () => {
    const [receiver, provider] = [await buildMunicipality(t.db), await buildMunicipality(t.db)];
    await actorOf('admin', { municipality: receiver });
    await actorOf('admin', { municipality: provider });
    const director = await actorOf('director', { municipality: receiver });
    const seeded = await seedSharingAgreement(t.deps, { receiver, provider });

    const row = await t.db.unsafeAdmin.selectFrom('sharing_agreements').selectAll().where('id', '=', seeded.agreementId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'approved',
      provider_municipality_id: provider.id,
      receiver_municipality_id: receiver.id,
      department_ids: [seeded.departmentId],
    });
    const dept = await t.db.unsafeAdmin.selectFrom('departments').selectAll().where('id', '=', seeded.departmentId).executeTakeFirstOrThrow();
    expect(dept).toMatchObject({ municipality_id: provider.id, name: SHARED_DEPARTMENT });

    const c = await buildCase({ municipality: receiver, deps: t.deps, director, status: 'planning', title: 'Een tribune op het marktplein' });
    await openAssessmentRound(ctxFor(t.deps, director), {
      caseId: c.id,
      proposal: 'Een tijdelijke tribune voor het zomerfestival',
      departmentIds: [],
      outsideParties: [],
      sharedDepartments: [{ agreementId: seeded.agreementId, departmentId: seeded.departmentId }],
    });
    const { token } = await unsafeCreateApiTokenForEmail(t.deps, { email: seeded.specialistEmail, name: 'test' });
    const auth = { authorization: `Bearer ${token}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/shared-requests', headers: auth });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ partyId: string; caseReference: string; status: string }>;
    expect(items).toEqual([expect.objectContaining({ caseReference: c.reference, status: 'open', answered: false })]);
    const answer = await t.app.inject({ method: 'PUT', url: `/api/v1/shared-requests/${items[0]?.partyId}/answer`, headers: auth, payload: { kind: 'yes' } });
    expect(answer.statusCode).toBe(200);
  });
});
