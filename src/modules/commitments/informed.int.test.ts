// The initiator hears by mail of every commitment made to them: made, confirmed,
// declined, amended and ended (docs/product.md#keeping-the-initiator-informed), each
// mail with its own login link to the case page (docs/product.md#links-in-mail).
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { buildCase, buildMunicipality, buildUser, ctxFor, testDeps } from '../../testing/factories.js';
import { amendCommitment, decideConfirmation, recordCommitment, recordOutcome } from './service.js';

const { db } = withTestDb();

async function world(locale: 'nl' | 'en' = 'nl') {
  const deps = testDeps(db, fixedClock('2026-03-02T09:00:00+01:00'));
  const m = await buildMunicipality(db);
  const as = (a: Actor) => ctxFor(deps, a);
  const coordinator = as(await buildUser(db, m, { role: 'coordinator', name: 'Coby Coördinator' }));
  const director = as(await buildUser(db, m, { role: 'director', name: 'Dirk Regisseur' }));
  const colleague = await buildUser(db, m, { role: 'specialist' });
  const c = await buildCase({
    municipality: m,
    deps,
    status: 'intake',
    coordinator: coordinator.actor,
    director: director.actor,
    initiator: { name: 'Henk van Dijk', email: `henk-${Math.random().toString(36).slice(2)}@example.nl`, locale },
  });
  return { deps, m, coordinator, director, colleague, c };
}

const mailsTo = (to: string) => db.unsafeAdmin.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();
const fields = {
  madeBy: { name: 'P. de Vries', role: 'wethouder Economie' },
  what: 'De gemeente denkt mee over de vergunning voor het terras.',
  dueOn: '2026-06-30',
  madeVia: 'meeting' as const,
  madeOn: '2026-03-02',
  decision: { kind: 'other' as const },
};

describe('mail to the initiator about commitments made to them', () => {
  it('tells of the commitment, its confirmation, its amendment and its end, each with a fresh link', async () => {
    const w = await world();
    const before = (await mailsTo(w.c.initiator.email)).length;
    const k = await recordCommitment(w.director, { caseId: w.c.id, ...fields });
    let mails = await mailsTo(w.c.initiator.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.subject).toBe(`${w.c.reference}: een toezegging aan u wacht op bevestiging`);
    expect(mails.at(-1)?.body_text).toContain('De gemeente denkt mee over de vergunning voor het terras.');
    expect(mails.at(-1)?.body_text).toContain('P. de Vries');
    expect(mails.at(-1)?.body_text).toContain('30 juni 2026');

    await decideConfirmation(w.coordinator, { id: k.id, decision: 'confirm' });
    mails = await mailsTo(w.c.initiator.email);
    expect(mails.at(-1)?.subject).toBe(`${w.c.reference}: een toezegging aan u is bevestigd`);

    await amendCommitment(w.director, { id: k.id, dueOn: '2026-07-31', reason: 'De wethouder is op vakantie.' });
    mails = await mailsTo(w.c.initiator.email);
    expect(mails.at(-1)?.subject).toBe(`${w.c.reference}: een toezegging aan u is gewijzigd`);
    expect(mails.at(-1)?.body_text).toContain('31 juli 2026');
    expect(mails.at(-1)?.body_text).toContain('Reden: De wethouder is op vakantie.');

    await recordOutcome(w.director, { id: k.id, status: 'kept' });
    mails = await mailsTo(w.c.initiator.email);
    expect(mails.at(-1)?.subject).toBe(`${w.c.reference}: een toezegging aan u is nagekomen`);
    expect(mails).toHaveLength(before + 4);
    const tokens = mails.slice(-4).map((x) => /inloggen\/link#(\S+)/.exec(x.body_text)?.[1]);
    expect(tokens.every((x) => (x?.length ?? 0) > 20)).toBe(true);
    expect(new Set(tokens).size).toBe(4);
  });

  it('tells of a withdrawal once, in English for an English-speaking initiator', async () => {
    const w = await world('en');
    const k = await recordCommitment(w.director, { caseId: w.c.id, ...fields, madeBy: { userId: w.director.actor.userId } });
    expect((await mailsTo(w.c.initiator.email)).at(-1)?.subject).toBe(`${w.c.reference}: a commitment has been made to you`);
    const before = (await mailsTo(w.c.initiator.email)).length;
    await recordOutcome(w.director, { id: k.id, status: 'withdrawn', reason: 'The plan changed.' });
    const mails = await mailsTo(w.c.initiator.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.subject).toBe(`${w.c.reference}: a commitment to you has been withdrawn`);
    expect(mails.at(-1)?.body_text).toContain('Reason: The plan changed.');
  });

  it('does not mail the initiator about a commitment made to someone else', async () => {
    const w = await world();
    const before = (await mailsTo(w.c.initiator.email)).length;
    await recordCommitment(w.director, { caseId: w.c.id, ...fields, madeTo: { userId: w.colleague.userId } });
    expect(await mailsTo(w.c.initiator.email)).toHaveLength(before);
  });
});
