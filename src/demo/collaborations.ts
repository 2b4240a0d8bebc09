// One collaboration per demo municipality (docs/product.md#collaborations), made
// through the collaborations module's use-cases by the coordinator: a goal with a
// target and a reading, and parties with contribution, power and yield — one party's
// yield left open, so the health check has something to say. Its agreements
// (docs/product.md#agreements-within-a-collaboration): the police's own, confirmed
// through the link mailed to its contact person; one open, committing money within the
// owner's mandate for this collaboration (docs/product.md#mandates-within-a-collaboration,
// granted by the admin); one kept; and one overdue, which the health check names.
import { addDays, type IsoDate } from '../kernel/calendar.js';
import { dutchDate } from '../kernel/clock.js';
import { addAgreement, addParty, addTarget, answerAgreementLink, recordReading, startCollaboration, updateAgreement } from '../modules/collaborations/index.js';
import { createMandate } from '../modules/mandates/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Deps } from '../platform/context.js';

const organisation = {
  kind: 'organisation' as const,
  departmentId: null,
  municipalityId: null,
  kvkNumber: null,
  contactName: null,
  contactEmail: null,
  decidesAlone: [] as string[],
  decidesTogether: [] as string[],
  finalSay: [] as string[],
  yield: '',
};

/** The contact address of the demo police in a municipality's collaboration. */
export const demoPoliceEmail = (slug: string) => `wijkagent.${slug}@politie.example`;

export async function seedCollaboration(
  deps: Deps,
  coordinator: Actor,
  at: { areaId?: string; departmentId?: string; slug: string; admin?: Actor },
  name: string,
): Promise<void> {
  const ctx = { ...deps, actor: coordinator };
  const today = dutchDate(deps.clock.now()) as IsoDate;
  const c = await startCollaboration(ctx, {
    name,
    description: 'Gemeente, politie, ondernemers en de sportclub pakken samen de overlast in het centrum aan.',
    goal: 'Minder overlast door jongeren in het centrum, en meer te doen voor hen.',
    ownerUserId: coordinator.userId,
    phase: 'implementation',
    startOn: addDays(today, -120),
    endOn: addDays(today, 245),
    endKind: 'review',
    areaIds: at.areaId ? [at.areaId] : [],
    themeIds: [],
    caseIds: [],
  });
  const v = await addTarget(ctx, {
    collaborationId: c.id,
    indicator: 'Meldingen jeugdoverlast',
    baseline: 42,
    targetValue: 20,
    unit: 'per kwartaal',
    targetOn: addDays(today, 245),
  });
  const targetId = v.targets[0]?.id as string;
  await recordReading(ctx, { collaborationId: c.id, targetId, readOn: addDays(today, -20), value: 31, note: 'Na de zomer' });
  if (at.departmentId)
    await addParty(ctx, {
      collaborationId: c.id,
      ...organisation,
      kind: 'department',
      departmentId: at.departmentId,
      name: 'Gemeente: openbare orde en veiligheid',
      orgType: 'public',
      decidesAlone: ['Inzet van boa’s'],
      decidesTogether: ['Aanpak per straat'],
      finalSay: ['Cameratoezicht'],
      yield: 'Minder meldingen en klachten',
      contributions: [{ kind: 'money', amount: 2_500_000, description: 'Jongerenwerk' }],
    });
  await addParty(ctx, {
    collaborationId: c.id,
    ...organisation,
    name: 'Politie, basisteam Centrum',
    orgType: 'public',
    contactName: 'Wijkagent De Vries',
    contactEmail: demoPoliceEmail(at.slug),
    finalSay: ['Surveillance'],
    yield: 'Minder inzet op meldingen',
    contributions: [{ kind: 'hours', amount: 160, description: 'Wijkagent en jeugdagent' }],
  });
  await addParty(ctx, {
    collaborationId: c.id,
    ...organisation,
    name: 'Winkeliersvereniging Centrum',
    orgType: 'private',
    kvkNumber: '40123456',
    decidesTogether: ['Openingstijden van de passage'],
    yield: 'Een veilig winkelgebied',
    contributions: [{ kind: 'assets', amount: null, description: 'Camera’s bij de ingangen' }],
  });
  const v2 = await addParty(ctx, {
    collaborationId: c.id,
    ...organisation,
    name: 'Sportclub De Toekomst',
    orgType: 'nonprofit',
    contributions: [{ kind: 'assets', amount: null, description: 'Kantine en velden op woensdagmiddag' }],
  });
  const partyId = (n: string) => v2.parties.find((p) => p.name === n)?.id as string;
  const police = partyId('Politie, basisteam Centrum');
  const shops = partyId('Winkeliersvereniging Centrum');
  const club = partyId('Sportclub De Toekomst');

  // The owner may commit money within this collaboration, up to € 5.000, granted by the admin.
  if (at.admin)
    await createMandate(
      { ...deps, actor: at.admin },
      {
        holder: { kind: 'person', userId: coordinator.userId },
        scope: { kind: 'commitMoney', upToCents: 500_000 },
        delegatedBy: 'het college',
        validFrom: addDays(today, -120),
        validUntil: null,
        collaborationId: c.id,
      },
    );

  const agreement = (f: {
    madeBy: { partyId: string } | { userId: string };
    madeTo: { partyId: string } | { userId: string };
    what: string;
    madeOn: IsoDate;
    dueOn: IsoDate;
    decision?: { kind: 'commitMoney'; amountCents: number };
  }) => addAgreement(ctx, { collaborationId: c.id, madeVia: 'meeting', decision: f.decision ?? { kind: 'other' }, ...f });
  const owner = { userId: coordinator.userId };

  // The police's own agreement, confirmed by the police through the link in the mail.
  await agreement({
    madeBy: { partyId: police },
    madeTo: owner,
    what: 'De wijkagent loopt op vrijdag- en zaterdagavond extra rondes door het centrum.',
    madeOn: addDays(today, -30),
    dueOn: addDays(today, 60),
  });
  await answerAgreementLink(deps, await linkMailedTo(deps, demoPoliceEmail(at.slug)), { decision: 'confirm' });
  // Open and due in three weeks, within the owner's mandate for this collaboration.
  await agreement({
    madeBy: owner,
    madeTo: { partyId: shops },
    what: 'De gemeente betaalt extra verlichting in de passage.',
    madeOn: addDays(today, -14),
    dueOn: addDays(today, 21),
    decision: { kind: 'commitMoney', amountCents: 250_000 },
  });
  // Kept.
  const kept = await agreement({
    madeBy: owner,
    madeTo: { partyId: shops },
    what: 'De gemeente overlegt met de winkeliers over de openingstijden van de passage.',
    madeOn: addDays(today, -90),
    dueOn: addDays(today, -30),
  });
  await updateAgreement(ctx, { collaborationId: c.id, agreementId: kept.id, change: { kind: 'outcome', status: 'kept', reason: null } });
  // Overdue: open past its due date, so the health check names its maker.
  await agreement({
    madeBy: owner,
    madeTo: { partyId: club },
    what: 'De gemeente regelt de vergunning voor de voetbalkooi bij de sportclub.',
    madeOn: addDays(today, -60),
    dueOn: addDays(today, -7),
  });
}

/** The token of the newest agreement link mailed to `email`, as its reader would click it. */
async function linkMailedTo(deps: Deps, email: string): Promise<string> {
  const mail = await deps.db.unsafeAdmin
    .selectFrom('outbox')
    .select('body_text')
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const token = mail ? /\/afspraak\/([^\s]+)/.exec(mail.body_text)?.[1] : undefined;
  if (!token) throw new Error(`demo data: no agreement link mailed to ${email}`);
  return token;
}
