// A collaboration read by a municipality that is one of its parties, on both engines
// (docs/product.md#a-partner-municipality-reads-a-collaboration): its readers open the
// sheet, the PDF, the progress and the agreements by or to their municipality, read-only
// and nothing else; the reads are in the access log of both municipalities; another
// municipality, and the staff who do not read collaborations, get nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, refusal, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { pdfText } from '../../testing/pdf.js';
import { getCollaboration } from './index.js';
import { getPartnerCollaboration, listPartnerCollaborations } from './partner.js';
import { collaborationWithPartner } from './testing.js';

const t = withTestApp({ clock: fixedClock('2026-03-02T09:00:00+01:00') });
let A: TestMunicipality; // owns the collaboration
let B: TestMunicipality; // a party of it
let C: TestMunicipality; // not a party
const people: Record<string, Actor> = {};
let c: Awaited<ReturnType<typeof collaborationWithPartner>>;
let caseRef: string;
const INITIATOR = { name: 'Cornelia Zonnedak', email: 'c.zonnedak@example.nl' };
const ctx = (a: Actor) => ctxFor(t.deps, a);
const nameOf = async (m: TestMunicipality) =>
  (await t.db.unsafeAdmin.selectFrom('municipalities').select('name').where('id', '=', m.id).executeTakeFirstOrThrow()).name;

beforeAll(async () => {
  [A, B, C] = [await buildMunicipality(t.db), await buildMunicipality(t.db), await buildMunicipality(t.db)];
  people.aDirector = await actorOf('director', { municipality: A });
  people.bDirector = await actorOf('director', { municipality: B });
  people.bCoordinator = await actorOf('coordinator', { municipality: B });
  people.bSpecialist = await actorOf('specialist', { municipality: B });
  people.cCoordinator = await actorOf('coordinator', { municipality: C });
  const k = await buildCase({ municipality: A, deps: t.deps, initiator: INITIATOR, title: 'Zonnepark aan de dijk' });
  caseRef = k.reference;
  c = await collaborationWithPartner(t.deps, people.aDirector as Actor, B, { caseIds: [k.id] });
}, 120_000);

describe('a partner municipality reads the collaboration', () => {
  it('its overview lists it, marked with the owning municipality', async () => {
    const items = await listPartnerCollaborations(ctx(people.bCoordinator as Actor));
    expect(items).toEqual([
      expect.objectContaining({
        id: c.id,
        name: 'Regionale energiestrategie',
        municipality: await nameOf(A),
        parties: ['Buurgemeente'],
        ownerName: people.aDirector?.name,
      }),
    ]);
    expect(await listPartnerCollaborations(ctx(people.cCoordinator as Actor))).toEqual([]);
    expect(await listPartnerCollaborations(ctx(people.aDirector as Actor))).toEqual([]);
  });

  it('the sheet, the progress and only the agreements by or to its municipality; no cases, no contact persons', async () => {
    const v = await getPartnerCollaboration(ctx(people.bDirector as Actor), c.id);
    expect(v).toMatchObject({ id: c.id, goal: 'Meer duurzame opwek', municipality: await nameOf(A), phase: 'policy' });
    expect(v.targets[0]).toMatchObject({ indicator: 'Opgewekt vermogen', readings: [expect.objectContaining({ value: 14 })] });
    expect(v.sheetParties.map((p) => p.name)).toEqual(['Buurgemeente', 'Netbeheerder']);
    expect(v.agreements.map((a) => a.id)).toEqual([c.byPartner]);
    // the staff member it was made to is named as the municipality
    expect(v.agreements[0]?.madeTo).toEqual({ name: `Gemeente ${await nameOf(A)}`, staff: true });
    const body = JSON.stringify(v);
    for (const hidden of ['i.kabel@netbeheer.example', 'Ingrid Kabel', caseRef, INITIATOR.name, 'onderstation']) expect(body).not.toContain(hidden);
  });

  it('another municipality, the own door for collaborations and a role that does not read them are refused', async () => {
    expect((await refusal(getPartnerCollaboration(ctx(people.cCoordinator as Actor), c.id))).status).toBe(404);
    expect((await refusal(getPartnerCollaboration(ctx(people.bSpecialist as Actor), c.id))).status).toBe(403);
    // the owning municipality's own page stays the owner's: the partner is not let in there
    expect((await refusal(getCollaboration(ctx(people.bDirector as Actor), c.id))).status).toBe(404);
  });

  it('each read is in the access log of both municipalities, each naming the other', async () => {
    const before = await t.db.unsafeAdmin.selectFrom('access_log').select('id').where('collaboration_id', '=', c.id).execute();
    await getPartnerCollaboration(ctx(people.bCoordinator as Actor), c.id);
    const rows = await t.db.unsafeAdmin
      .selectFrom('access_log')
      .select(['municipality_id', 'counterpart_municipality_id', 'actor_id', 'kind'])
      .where('collaboration_id', '=', c.id)
      .execute();
    expect(rows.length - before.length).toBe(2);
    const mine = rows.filter((r) => r.actor_id === people.bCoordinator?.userId);
    expect(mine.map((r) => [r.municipality_id, r.counterpart_municipality_id, r.kind]).sort()).toEqual(
      [
        [A.id, B.id, 'crossMunicipality'],
        [B.id, A.id, 'crossMunicipality'],
      ].sort(),
    );
  });

  it('over HTTP: the list, the page and the sheet as a PDF; read-only', async () => {
    const h = await t.login(people.bDirector as Actor);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/partner-collaborations', headers: h });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/partner-collaborations/${c.id}`, headers: h });
    expect(page.statusCode, page.body).toBe(200);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/partner-collaborations/${c.id}/sheet.pdf`, headers: h });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Regionale energiestrategie');
    expect(text).not.toContain('i.kabel@netbeheer.example');
    // no door to change it
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/collaborations/${c.id}`, headers: h, payload: { name: 'Overgenomen' } });
    expect(patch.statusCode).toBe(404);
  });
});
