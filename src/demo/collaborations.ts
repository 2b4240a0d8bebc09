// One collaboration per demo municipality (docs/product.md#collaborations), made
// through the collaborations module's use-cases by the coordinator: a goal with a
// target and a reading, and parties with contribution, power and yield — one party's
// yield left open, so the health check has something to say.
import { addDays, type IsoDate } from '../kernel/calendar.js';
import { dutchDate } from '../kernel/clock.js';
import { addParty, addTarget, recordReading, startCollaboration } from '../modules/collaborations/index.js';
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

export async function seedCollaboration(deps: Deps, coordinator: Actor, at: { areaId?: string; departmentId?: string }, name: string): Promise<void> {
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
  await addParty(ctx, {
    collaborationId: c.id,
    ...organisation,
    name: 'Sportclub De Toekomst',
    orgType: 'nonprofit',
    contributions: [{ kind: 'assets', amount: null, description: 'Kantine en velden op woensdagmiddag' }],
  });
}
