// Agreements within a collaboration on a real database (PGlite and PostgreSQL): they are
// commitments on record belonging to the collaboration, with the mandate check for staff
// makers, an outside party's confirmation through its one-time link (mailed in the same
// transaction), kept/broken/withdrawn and amendments, reminders, the health check, the
// register, and the wall between municipalities
// (docs/product.md#agreements-within-a-collaboration).
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../kernel/clock.js';
import { linkTokenHash } from '../../platform/link-token.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { pdfText } from '../../testing/pdf.js';
import { exportCommitments, listCommitments, remindCommitments } from '../commitments/index.js';
import {
  addAgreement,
  answerAgreementLink,
  collaborationReminders,
  listAgreements,
  readAgreementLink,
  resendAgreementLink,
  updateAgreement,
} from './agreements.js';
import { refreshDueHealth } from './jobs.js';
import type { PartyFields } from './model.js';
import { listCollaborations } from './queries.js';
import { addParty, collaborationSheet, getCollaboration, startCollaboration } from './service.js';

const { db } = withTestDb();

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (x: string) => {
      now = new Date(x);
    },
  };
}

const party = (name: string, more: Partial<PartyFields> = {}): PartyFields => ({
  kind: 'organisation',
  departmentId: null,
  municipalityId: null,
  name,
  orgType: 'public',
  kvkNumber: null,
  contactName: null,
  contactEmail: null,
  decidesAlone: [],
  decidesTogether: [],
  finalSay: [],
  yield: '',
  contributions: [],
  ...more,
});

async function world() {
  const clock = movableClock('2026-03-02T09:00:00+01:00');
  const deps = testDeps(db, clock);
  const m = await buildMunicipality(db);
  const director = await buildUser(db, m, { role: 'director', name: 'Ria Regisseur' });
  const owner = ctxFor(deps, director);
  const as = async (role: Parameters<typeof buildUser>[2]['role']) => ctxFor(deps, await buildUser(db, m, { role }));
  const c = await startCollaboration(owner, {
    name: 'Jeugdoverlast Centrum',
    description: '',
    goal: 'Minder overlast',
    ownerUserId: director.userId,
    phase: 'implementation',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    endKind: 'review',
    areaIds: [],
    themeIds: [],
    caseIds: [],
  });
  await addParty(owner, {
    collaborationId: c.id,
    ...party('Politie Midden', { contactName: 'Wijkagent Bram', contactEmail: 'bram@politie.example' }),
  });
  const v = await addParty(owner, { collaborationId: c.id, ...party('Winkeliersvereniging', { orgType: 'private' }) });
  const [police, shops] = v.parties;
  return { clock, deps, m, director, owner, c, police: police?.id as string, shops: shops?.id as string, as };
}

const mailsTo = (mId: string, to: string) =>
  db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('municipality_id', '=', mId).where('to_address', '=', to).orderBy('id').execute();
const tokenIn = (body: string) => /\/afspraak\/([^\s]+)/.exec(body)?.[1] as string;

describe('agreements within a collaboration', () => {
  it('a staff member’s agreement is a commitment of the collaboration: binding, on its timeline, in the register', async () => {
    const w = await world();
    const a = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { userId: w.director.userId },
      madeTo: { partyId: w.shops },
      what: 'De gemeente plaatst twee extra lantaarnpalen',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-03-01',
      decision: { kind: 'other' },
    });
    expect(a).toMatchObject({
      status: 'binding',
      caseId: null,
      collaborationId: w.c.id,
      collaborationName: 'Jeugdoverlast Centrum',
      madeBy: { userId: w.director.userId, name: 'Ria Regisseur' },
      madeTo: { name: 'Winkeliersvereniging' },
      madeToPartyId: w.shops,
      confirmedByParty: false,
      linkSentTo: null,
      abilities: { amend: true, end: true, confirm: false },
    });
    const v = await getCollaboration(w.owner, w.c.id);
    expect(v.timeline[0]).toMatchObject({ type: 'commitment.recorded', payload: { commitmentId: a.id, madeTo: 'Winkeliersvereniging' } });
    expect(v.agreements.map((x) => x.id)).toEqual([a.id]);
    // Not on any case's timeline.
    expect(
      await db.unsafeAdmin.selectFrom('events').select('id').where('municipality_id', '=', w.m.id).where('type', 'like', 'commitment.%').execute(),
    ).toEqual([]);
    // The register lists it, naming the collaboration where there is no case.
    const coordinator = await w.as('coordinator');
    expect((await listCommitments(coordinator, { scope: 'all', limit: 10 })).items.map((k) => k.collaborationName)).toEqual(['Jeugdoverlast Centrum']);
    const csv = await exportCommitments(coordinator);
    expect(csv).toContain('Samenwerking Jeugdoverlast Centrum');
    expect(csv).toContain('De gemeente plaatst twee extra lantaarnpalen');
    // The sheet for the council or the board lists it with its state.
    const text = await pdfText((await collaborationSheet(w.owner, w.c.id)).pdf);
    expect(text).toContain('Afspraken');
    expect(text).toContain('De gemeente plaatst twee extra lantaarnpalen');
    expect(text).toContain('bindend');
  });

  it('keeps the mandate check for a staff maker: money beyond any mandate waits for confirmation', async () => {
    const w = await world();
    const a = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { userId: w.director.userId },
      madeTo: { partyId: w.police },
      what: 'De gemeente betaalt de extra inzet',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-03-01',
      decision: { kind: 'commitMoney', amountCents: 5_000_000 },
    });
    expect(a).toMatchObject({ status: 'needsConfirmation', confirmedByParty: false, mandateIds: [] });
  });

  it('an outside party’s agreement waits for its confirmation through a one-time link, mailed with the record', async () => {
    const w = await world();
    const a = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { partyId: w.police },
      madeTo: { partyId: w.shops },
      what: 'De politie surveilleert op vrijdagavond rond het winkelcentrum',
      dueOn: '2026-04-01',
      madeVia: 'meeting',
      madeOn: '2026-03-02',
      decision: { kind: 'other' },
    });
    expect(a).toMatchObject({
      status: 'needsConfirmation',
      madeBy: { userId: null, name: 'Politie Midden', role: 'externe organisatie' },
      madeByPartyId: w.police,
      confirmedByParty: true,
      linkSentTo: 'Politie Midden',
      partyAnswer: null,
      abilities: { confirm: false },
    });
    const [mail] = await mailsTo(w.m.id, 'bram@politie.example');
    expect(mail?.subject).toBe('Samenwerking Jeugdoverlast Centrum: bevestig uw afspraak');
    const token = tokenIn(mail?.body_text as string);
    // Only the token's hash is stored.
    const stored = await db.unsafeAdmin.selectFrom('collaboration_agreements').selectAll().where('commitment_id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.link_token_hash).toBe(linkTokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
    // Nobody inside is asked to confirm it: it is the party's word.
    expect(
      await refusal(
        updateAgreement(await w.as('coordinator'), { collaborationId: w.c.id, agreementId: a.id, change: { kind: 'confirmation', decision: 'confirm' } }),
      ),
    ).toMatchObject({
      status: 409,
      key: 'error.agreementConfirmedByParty',
    });

    expect(await readAgreementLink(w.deps, token)).toMatchObject({
      collaboration: 'Jeugdoverlast Centrum',
      party: 'Politie Midden',
      madeTo: 'Winkeliersvereniging',
      status: 'needsConfirmation',
      answer: null,
    });
    // A dispute needs a reason.
    expect(await refusal(answerAgreementLink(w.deps, token, { decision: 'dispute' }))).toMatchObject({ status: 400, fields: ['reason'] });
    const answered = await answerAgreementLink(w.deps, token, { decision: 'confirm' });
    expect(answered).toMatchObject({ status: 'binding', answer: { answer: 'confirmed' } });
    // Once only.
    expect(await refusal(readAgreementLink(w.deps, token))).toMatchObject({ status: 410, key: 'error.agreementLinkUsed' });
    expect(await refusal(answerAgreementLink(w.deps, token, { decision: 'dispute', reason: 'toch niet' }))).toMatchObject({ status: 410 });
    const after = (await listAgreements(w.owner, w.c.id)).items[0];
    expect(after).toMatchObject({ status: 'binding', partyAnswer: { answer: 'confirmed', reason: null } });
    const v = await getCollaboration(w.owner, w.c.id);
    expect(v.timeline.slice(0, 3).map((e) => [e.type, e.actorName])).toEqual([
      ['commitment.confirmed', null],
      ['agreement.linkSent', 'Ria Regisseur'],
      ['commitment.recorded', 'Ria Regisseur'],
    ]);
  });

  it('a disputed agreement is declined with the party’s reason; wrong, forged and expired links are refused', async () => {
    const w = await world();
    const record = () =>
      addAgreement(w.owner, {
        collaborationId: w.c.id,
        madeBy: { partyId: w.police },
        madeTo: { partyId: w.shops },
        what: 'De politie zet een mobiele camera neer',
        dueOn: '2026-05-01',
        madeVia: 'phone',
        madeOn: '2026-03-02',
        decision: { kind: 'other' },
      });
    const first = await record();
    const second = await record();
    const [m1, m2] = await mailsTo(w.m.id, 'bram@politie.example');
    const t1 = tokenIn(m1?.body_text as string);
    const t2 = tokenIn(m2?.body_text as string);
    const disputed = await answerAgreementLink(w.deps, t1, { decision: 'dispute', reason: 'Daarover is niets besloten' });
    expect(disputed).toMatchObject({ status: 'declined', answer: { answer: 'disputed', reason: 'Daarover is niets besloten' } });
    const items = (await listAgreements(w.owner, w.c.id)).items;
    // Each link touches its own agreement only.
    const byId = (id: string) => items.find((a) => a.id === id);
    expect(byId(first.id)).toMatchObject({ status: 'declined', statusReason: 'Daarover is niets besloten' });
    expect(byId(second.id)).toMatchObject({ status: 'needsConfirmation', partyAnswer: null });

    const other = await buildMunicipality(db);
    const secret = t2.split('.')[1] as string;
    expect(await refusal(readAgreementLink(w.deps, `${other.id}.${secret}`))).toMatchObject({ status: 404 });
    expect(await refusal(readAgreementLink(w.deps, `${t2}x`))).toMatchObject({ status: 404 });
    expect(await refusal(readAgreementLink(w.deps, 'nonsense'))).toMatchObject({ status: 404 });
    w.clock.set('2026-04-02T09:00:00+02:00'); // 31 days later
    expect(await refusal(readAgreementLink(w.deps, t2))).toMatchObject({ status: 410, key: 'error.agreementLinkExpired' });
  });

  // docs/product.md#sending-an-outside-partys-link-again
  it('sends an outside party’s link again while it waits: the new link replaces the old one, also after it expired', async () => {
    const w = await world();
    const a = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { partyId: w.police },
      madeTo: { partyId: w.shops },
      what: 'De politie surveilleert op zaterdag',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-03-02',
      decision: { kind: 'other' },
    });
    expect(a).toMatchObject({ resendLink: true, linkExpiresAt: new Date('2026-04-01T08:00:00Z') });
    const [first] = await mailsTo(w.m.id, 'bram@politie.example');
    const old = tokenIn(first?.body_text as string);
    // Readers who do not keep the collaboration may not, and are not offered it.
    const executive = await w.as('executive');
    expect((await listAgreements(executive, w.c.id)).items[0]).toMatchObject({ resendLink: false });
    expect(await refusal(resendAgreementLink(executive, { collaborationId: w.c.id, agreementId: a.id }))).toMatchObject({ status: 403 });

    w.clock.set('2026-04-03T09:00:00+02:00'); // the first link has expired
    const again = await resendAgreementLink(await w.as('coordinator'), { collaborationId: w.c.id, agreementId: a.id });
    expect(again).toMatchObject({
      linkSentTo: 'Politie Midden',
      status: 'needsConfirmation',
      resendLink: true,
      linkExpiresAt: new Date('2026-05-03T07:00:00Z'),
    });
    const mails = await mailsTo(w.m.id, 'bram@politie.example');
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe('Samenwerking Jeugdoverlast Centrum: bevestig uw afspraak');
    const fresh = tokenIn(mails[1]?.body_text as string);
    expect(fresh).not.toBe(old);
    expect(await refusal(readAgreementLink(w.deps, old))).toMatchObject({ status: 404 });
    expect(await readAgreementLink(w.deps, fresh)).toMatchObject({ what: 'De politie surveilleert op zaterdag', answer: null });
    const v = await getCollaboration(w.owner, w.c.id);
    expect(v.timeline[0]).toMatchObject({ type: 'agreement.linkResent', payload: { commitmentId: a.id, party: 'Politie Midden' } });

    // Once answered there is nothing to send again; nor for an agreement without a party link.
    await answerAgreementLink(w.deps, fresh, { decision: 'confirm' });
    expect((await listAgreements(w.owner, w.c.id)).items[0]).toMatchObject({ resendLink: false, partyAnswer: { answer: 'confirmed' } });
    expect(await refusal(resendAgreementLink(w.owner, { collaborationId: w.c.id, agreementId: a.id }))).toMatchObject({
      status: 409,
      key: 'error.agreementLinkUsed',
    });
    const own = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { userId: w.director.userId },
      madeTo: { partyId: w.shops },
      what: 'Extra verlichting',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-04-03',
      decision: { kind: 'other' },
    });
    expect(own).toMatchObject({ resendLink: false, linkExpiresAt: null });
    expect(await refusal(resendAgreementLink(w.owner, { collaborationId: w.c.id, agreementId: own.id }))).toMatchObject({
      status: 409,
      key: 'error.agreementNoPartyLink',
    });
    expect(await mailsTo(w.m.id, 'bram@politie.example')).toHaveLength(2);
  });

  it('is ended and amended like a commitment, by whoever keeps the collaboration only', async () => {
    const w = await world();
    const a = await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { userId: w.director.userId },
      madeTo: { partyId: w.police },
      what: 'Extra verlichting',
      dueOn: '2026-06-01',
      madeVia: 'meeting',
      madeOn: '2026-03-01',
      decision: { kind: 'other' },
    });
    const council = await w.as('council');
    expect(await refusal(updateAgreement(council, { collaborationId: w.c.id, agreementId: a.id, change: { kind: 'outcome', status: 'kept' } }))).toMatchObject({
      status: 403,
    });
    expect((await listAgreements(council, w.c.id)).items[0]?.abilities).toMatchObject({ amend: false, end: false });
    const amended = await updateAgreement(w.owner, {
      collaborationId: w.c.id,
      agreementId: a.id,
      ifMatch: 1,
      change: { kind: 'amend', dueOn: '2026-07-01', reason: 'Levering later' },
    });
    expect(amended).toMatchObject({ version: 2, dueOn: '2026-07-01' });
    expect(
      await refusal(updateAgreement(w.owner, { collaborationId: w.c.id, agreementId: a.id, change: { kind: 'outcome', status: 'broken' } })),
    ).toMatchObject({
      status: 400,
      fields: ['reason'],
    });
    const withdrawn = await updateAgreement(w.owner, {
      collaborationId: w.c.id,
      agreementId: a.id,
      change: { kind: 'outcome', status: 'withdrawn', reason: 'Budget gaat naar camera’s' },
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', abilities: { amend: false, end: false } });
    // The party it was made to hears of the withdrawal at its contact address.
    expect((await mailsTo(w.m.id, 'bram@politie.example')).map((m) => m.subject)).toEqual([expect.stringContaining('ingetrokken')]);
    const v = await getCollaboration(w.owner, w.c.id);
    expect(v.timeline.slice(0, 2).map((e) => e.type)).toEqual(['commitment.ended', 'commitment.amended']);

    // Another municipality's staff find nothing.
    const other = await buildMunicipality(db);
    const stranger = ctxFor(w.deps, await buildUser(db, other, { role: 'coordinator' }));
    expect(await refusal(listAgreements(stranger, w.c.id))).toMatchObject({ status: 404 });
    expect(await refusal(updateAgreement(stranger, { collaborationId: w.c.id, agreementId: a.id, change: { kind: 'outcome', status: 'kept' } }))).toMatchObject(
      {
        status: 404,
      },
    );
  });

  it('refuses a party of another collaboration and an outside party without a contact address', async () => {
    const w = await world();
    const base = { what: 'Iets', dueOn: '2026-06-01', madeVia: 'meeting', madeOn: '2026-03-01', decision: { kind: 'other' } } as const;
    const otherC = await startCollaboration(w.owner, {
      name: 'Andere samenwerking',
      description: '',
      goal: '',
      ownerUserId: w.director.userId,
      phase: 'agenda',
      startOn: '2026-01-01',
      endOn: '2026-12-31',
      endKind: 'end',
      areaIds: [],
      themeIds: [],
      caseIds: [],
    });
    expect(
      await refusal(addAgreement(w.owner, { collaborationId: otherC.id, madeBy: { partyId: w.police }, madeTo: { userId: w.director.userId }, ...base })),
    ).toMatchObject({ status: 400, fields: ['madeBy.partyId'] });
    expect(
      await refusal(addAgreement(w.owner, { collaborationId: w.c.id, madeBy: { partyId: w.shops }, madeTo: { userId: w.director.userId }, ...base })),
    ).toMatchObject({ status: 400, key: 'error.invalidInput', fields: ['madeBy.partyId'] });
    expect(await db.unsafeAdmin.selectFrom('commitments').select('id').where('municipality_id', '=', w.m.id).execute()).toEqual([]);
  });

  it('flags an overdue agreement in the health check, and reminds its maker and the owner before it falls due', async () => {
    const w = await world();
    await addAgreement(w.owner, {
      collaborationId: w.c.id,
      madeBy: { partyId: w.police },
      madeTo: { partyId: w.shops },
      what: 'Surveillance op vrijdag',
      dueOn: '2026-03-09',
      madeVia: 'meeting',
      madeOn: '2026-03-02',
      decision: { kind: 'other' },
    });
    // Monday 2 March; due Monday 9 March: within five working days.
    expect(await remindCommitments(w.deps, collaborationReminders)).toBe(1);
    expect((await mailsTo(w.m.id, w.director.email)).map((m) => m.subject)).toEqual([expect.stringContaining('Jeugdoverlast Centrum')]);
    let v = await getCollaboration(w.owner, w.c.id);
    expect(v.timeline[0]).toMatchObject({ type: 'commitment.reminded', actorName: null });
    expect(v.health.issues.map((i) => i.code)).not.toContain('agreementOverdue');
    w.clock.set('2026-03-10T09:00:00+01:00');
    v = await getCollaboration(w.owner, w.c.id);
    const overdue = v.health.issues.find((i) => i.code === 'agreementOverdue');
    expect(overdue?.text).toBe(
      'De afspraak "Surveillance op vrijdag" had op 9 maart 2026 klaar moeten zijn. Politie Midden komt de afspraak na of meldt waarom niet.',
    );
    // The overview filters on the stored health: the daily job stores the overdue agreement,
    // and keeping the agreement takes it away again in the same transaction.
    expect(await refreshDueHealth(w.deps)).toBeGreaterThanOrEqual(1);
    const flagged = (await listCollaborations(w.owner, { limit: 10, health: 'with' })).items.find((i) => i.id === w.c.id);
    expect(flagged?.health.map((i) => i.text)).toEqual(v.health.issues.map((i) => i.text));
    const [agreement] = (await listAgreements(w.owner, w.c.id)).items;
    await updateAgreement(w.owner, {
      collaborationId: w.c.id,
      agreementId: agreement?.id as string,
      ifMatch: agreement?.version as number,
      change: { kind: 'outcome', status: 'kept' },
    });
    const after = (await listCollaborations(w.owner, { limit: 10 })).items.find((i) => i.id === w.c.id);
    expect(after?.health.map((i) => i.code)).not.toContain('agreementOverdue');
  });
});
