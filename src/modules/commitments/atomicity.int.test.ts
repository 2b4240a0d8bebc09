// Nothing half-written (docs/product.md#nothing-half-written) when recording a commitment, on a real
// database (PGlite and PostgreSQL): a request that fails on a later field leaves no
// commitment, no version, no event and no mail behind. Called as the use-case,
// without the HTTP schema in front of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { ctxFor, refusal } from '../../testing/factories.js';
import { type AssessmentWorld, assessmentWorld } from '../assessments/testing.js';
import { type RecordCommitment, recordCommitment } from './service.js';

const { db } = withTestDb();
let w: AssessmentWorld;
let caseId: string;
let foreignStaff: string;
beforeAll(async () => {
  w = await assessmentWorld(db);
  caseId = await w.newCase();
  const other = await assessmentWorld(db);
  foreignStaff = other.executive.userId;
});

/** Row counts of everything recording a commitment writes, for this municipality. */
async function rows() {
  const n = async (table: 'commitments' | 'commitment_versions' | 'events' | 'outbox') =>
    Number(
      (
        await db.unsafeAdmin
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('municipality_id', '=', w.m.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { commitments: await n('commitments'), versions: await n('commitment_versions'), events: await n('events'), mails: await n('outbox') };
}

describe('recording a commitment writes everything or nothing', () => {
  // Money beyond any mandate: it would need confirmation, so a valid one also writes mail.
  const base = (): RecordCommitment => ({
    caseId,
    madeBy: { name: 'Erik Meijer', role: 'wethouder Economie' },
    madeTo: { name: 'Fatima de Vries', email: 'fatima@example.nl' },
    what: 'De gemeente betaalt de helft van het bodemonderzoek, tot € 7.500.',
    dueOn: '2026-04-01',
    madeVia: 'meeting',
    madeOn: '2026-03-02',
    decision: { kind: 'commitMoney', amountCents: 750_000 },
  });
  it.each<[string, (b: RecordCommitment) => RecordCommitment, string]>([
    ['the person it was made to has a bad e-mail address', (b) => ({ ...b, madeTo: { name: 'Fatima de Vries', email: 'fatima-at-example' } }), 'madeTo.email'],
    [
      'an exemption of a rule that is not in the register (checked last)',
      (b) => ({ ...b, decision: { kind: 'grantExemption', ruleCode: 'ONBEKEND-1' } }),
      'decision.ruleCode',
    ],
    ['the maker is staff of another municipality', (b) => ({ ...b, madeBy: { userId: foreignStaff } }), 'madeBy.userId'],
    ['the maker is no id at all', (b) => ({ ...b, madeBy: { userId: 'erik' } }), 'madeBy.userId'],
    ['the person it was made to is no id at all', (b) => ({ ...b, madeTo: { userId: 'fatima' } }), 'madeTo.userId'],
  ])('%s: 400 naming the field, nothing written', async (_label, change, field) => {
    const before = await rows();
    expect(await refusal(recordCommitment(ctxFor(w.deps, w.director), change(base())))).toMatchObject({ status: 400, fields: [field] });
    expect(await rows()).toEqual(before);
  });

  it('the same request without the mistake writes the commitment, its first version, its event and the confirmation mail together', async () => {
    // The alderman holds a money mandate in the register: he is asked to confirm (one mail).
    await db.unsafeAdmin
      .insertInto('mandates')
      .values({
        municipality_id: w.m.id,
        holder_kind: 'person',
        holder_user_id: w.executive.userId,
        scope_kind: 'commitMoney',
        scope_up_to_cents: 2_000_000,
        delegated_by: 'het college',
        valid_from: '2026-01-01',
      })
      .execute();
    const before = await rows();
    const k = await recordCommitment(ctxFor(w.deps, w.director), base());
    expect(k.status).toBe('needsConfirmation');
    expect(await rows()).toEqual({
      commitments: before.commitments + 1,
      versions: before.versions + 1,
      events: before.events + 1,
      mails: before.mails + 1,
    });
  });
});
