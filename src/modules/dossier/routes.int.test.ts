// The case dossier over HTTP: the PDF is downloaded, its text read back, and the
// printed hash compared with one recomputed from the same data.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { pdfInfo, pdfText } from '../../testing/pdf.js';
import { answerAsDepartment, openAssessmentRound, overruleObjection } from '../assessments/index.js';
import { addNote } from '../cases/index.js';
import { recordCommitment, recordOutcome } from '../commitments/index.js';
import { createApiToken } from '../identity/index.js';
import { createMandate } from '../mandates/index.js';
import { agreePlan, getPlan, setActionStatus } from '../plans/index.js';
import { createRule } from '../rules/index.js';
import { contentHash } from './model.js';
import { collectDossier } from './service.js';

const clock = fixedClock('2026-03-02T09:30:00Z');
const t = withTestApp({ clock });
let m: TestMunicipality;
let coordinator: Actor;
let director: Actor;
let initiator: Actor;
let executive: Actor;
let caseId: string;
let reference: string;
let commitmentId: string;

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  director = await buildUser(t.db, m, { role: 'director', name: 'Sanne Jansen' });
  const c = await buildCase({
    municipality: m,
    deps: t.deps,
    coordinator,
    director,
    initiator: { name: 'Zoë van der Meer-d’Hondt', email: 'zoe@example.nl', company: 'Café De Eendracht' },
    title: 'Terras aan de Havenkade',
    description: 'Wij willen een terras vóór het café, ook ’s avonds.',
    location: 'Havenkade 3',
    plan: {
      goal: 'Het terras is open vóór de zomer, met een beëindigingstijd die de buren kennen.',
      actions: [
        { description: 'Terrastekening aanleveren', ownerKind: 'initiator', dueOn: '2026-03-16' },
        { description: 'Advies van de brandweer', ownerKind: 'external', ownerName: 'Veiligheidsregio', dueOn: '2026-03-30' },
      ],
    },
  });
  caseId = c.id;
  reference = c.reference;
  initiator = c.initiator;
  const asDirector = ctxFor(t.deps, director);
  clock.set('2026-03-03T10:00:00Z');
  await agreePlan(asDirector, { caseId, version: 1 });
  await agreePlan(ctxFor(t.deps, initiator), { caseId, version: 1 });
  await addNote(asDirector, { caseId, text: 'Buren zijn vooraf gesproken.', visibility: 'internal' });

  // One round: the zoning specialist objects citing a register rule; the alderman
  // overrules within his mandate and commits money within it (docs/product.md#rules).
  const admin = ctxFor(t.deps, await buildUser(t.db, m, { role: 'admin' }));
  const specialist = await buildUser(t.db, m, { role: 'specialist', name: 'Wouter Mulder', departmentId: m.departmentIds[0] });
  executive = await buildUser(t.db, m, { role: 'executive', name: 'Erik Meijer' });
  const rule = await createRule(admin, {
    code: 'OP-4.12',
    title: 'Terrassen alleen op aangewezen pleinen',
    legalSource: 'Omgevingsplan artikel 4.12',
    domain: 'physical',
    strict: false,
    validFrom: '2025-01-01',
    validUntil: null,
  });
  const holder = { kind: 'person' as const, userId: executive.userId };
  const common = { holder, delegatedBy: 'het college', validFrom: '2026-01-01', validUntil: null };
  await createMandate(admin, { ...common, scope: { kind: 'overrule', domain: 'physical' } });
  await createMandate(admin, { ...common, scope: { kind: 'commitMoney', upToCents: 2_500_000 } });
  const round = await openAssessmentRound(asDirector, {
    caseId,
    proposal: 'Terras van 20 m² vóór het café',
    departmentIds: [m.departmentIds[0] as string],
    outsideParties: [],
  });
  const party = await t.db.unsafeAdmin.selectFrom('assessment_parties').select('id').where('round_id', '=', round.id).executeTakeFirstOrThrow();
  await answerAsDepartment(ctxFor(t.deps, specialist), {
    partyId: party.id,
    answer: {
      kind: 'objection',
      ruleIds: [rule.id],
      whyApplies: 'De Havenkade is geen aangewezen plein.',
      howItCouldBeDone: 'Een terras op het plein ernaast kan wél.',
    },
  });
  await overruleObjection(ctxFor(t.deps, executive), { partyId: party.id, reason: 'Het terras verlevendigt de kade.' });
  const k = await recordCommitment(asDirector, {
    caseId,
    madeBy: { userId: executive.userId },
    madeTo: { userId: initiator.userId },
    what: 'De gemeente betaalt € 5.000 aan de nieuwe terrasvloer.',
    dueOn: '2026-04-30',
    madeVia: 'meeting',
    madeOn: '2026-03-03',
    decision: { kind: 'commitMoney', amountCents: 500_000 },
  });
  commitmentId = k.id;
  clock.set('2026-03-04T12:15:00Z');
});

async function download(actor: Actor) {
  return t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/dossier`, headers: await t.login(actor) });
}

const printedHash = (text: string) => /SHA-256 van de inhoud:\s*([0-9a-f]{64})/.exec(text)?.[1];
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('GET /cases/{id}/dossier', () => {
  it('answers a PDF attachment named after the case, with the content and the hash printed on it', async () => {
    const res = await download(director);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="zaakdossier-${reference}.pdf"`);
    const text = flat(await pdfText(res.rawPayload));
    expect(text).toContain(`Zaakdossier ${reference}`);
    expect(text).toContain('Zoë van der Meer-d’Hondt (Café De Eendracht)');
    expect(text).toContain('Het terras is open vóór de zomer, met een beëindigingstijd die de buren kennen.');
    expect(text).toContain('Versie: 1 (overeengekomen)');
    expect(text).toContain('Advies van de brandweer — eigenaar: Veiligheidsregio');
    expect(text).toContain('Notitie: Buren zijn vooraf gesproken. (intern)');
    expect(text).toContain('Opgemaakt op 4 maart 2026, 13:15'); // the clock, in Dutch time
    // the assessment: the objection with the rule it cites, and the overrule with its mandate
    expect(text).toContain('Bezwaar van Ruimtelijke ordening (ronde 1, overruled door Erik Meijer): OP-4.12');
    expect(text).toContain('Regel: OP-4.12 — Terrassen alleen op aangewezen pleinen (Omgevingsplan artikel 4.12)');
    expect(text).toContain('Hoe het wel kan: Een terras op het plein ernaast kan wél.');
    expect(text).toContain('Op grond van mandaat: Erik Meijer: bezwaren overrulen in het domein fysiek domein (gedelegeerd door het college');
    // the commitment, binding within the alderman's mandate, with its history
    expect(text).toContain('Wat: De gemeente betaalt € 5.000 aan de nieuwe terrasvloer.');
    expect(text).toContain('Besluit: geld toezeggen: € 5.000,00');
    expect(text).toContain('Status: bindend');
    expect(text).toContain('vastgelegd als bindend (binnen mandaat)');
    const hash = printedHash(text);
    expect(hash).toBe(contentHash(await collectDossier(ctxFor(t.deps, director), caseId)));
    const info = await pdfInfo(res.rawPayload);
    expect(info.Title).toBe(`Zaakdossier ${reference}`);
    expect(String(info.CreationDate)).toMatch(/^D:20260304121500Z/);
  });

  it('prints the same hash for the same content, and another one after a change', async () => {
    const first = printedHash(flat(await pdfText((await download(director)).rawPayload)));
    clock.set('2026-03-05T08:00:00Z'); // made later, same content: same hash
    const again = printedHash(flat(await pdfText((await download(coordinator)).rawPayload)));
    expect(again).toBe(first);
    const action = (await getPlan(ctxFor(t.deps, director), caseId)).current?.actions[0];
    await setActionStatus(ctxFor(t.deps, director), { caseId, actionId: action?.id as string, status: 'done' });
    const text = flat(await pdfText((await download(director)).rawPayload));
    expect(text).toContain('Terrastekening aanleveren — eigenaar: de initiatiefnemer; uiterlijk 16 maart 2026; status: gedaan');
    const after = printedHash(text);
    expect(after).not.toBe(first);
    expect(after).toBe(contentHash(await collectDossier(ctxFor(t.deps, director), caseId)));
    // a commitment that is kept changes the content, and so the hash
    await recordOutcome(ctxFor(t.deps, director), { id: commitmentId, status: 'kept' });
    const kept = flat(await pdfText((await download(director)).rawPayload));
    expect(kept).toContain('Status: nagekomen');
    expect(printedHash(kept)).not.toBe(after);
    expect(printedHash(kept)).toBe(contentHash(await collectDossier(ctxFor(t.deps, director), caseId)));
  });

  it('is for staff who read the case: the initiator is refused, another municipality finds nothing', async () => {
    const asInitiator = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/dossier`,
      headers: { authorization: `Bearer ${await tokenFor(initiator)}` },
    });
    expect(asInitiator.statusCode).toBe(403);
    expect(asInitiator.headers['content-type']).toContain('application/problem+json');
    const other = await buildMunicipality(t.db);
    const foreign = await download(await buildUser(t.db, other, { role: 'director' }));
    expect(foreign.statusCode).toBe(404);
    const council = await download(await buildUser(t.db, m, { role: 'council' }));
    expect(council.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/dossier` });
    expect(anonymous.statusCode).toBe(401);
  });
});

async function tokenFor(a: Actor) {
  return (await createApiToken(ctxFor(t.deps, a), { name: 'dossier' })).token;
}
