// A sharing agreement in force between two seeded municipalities
// (docs/product.md#sharing-agreements-between-municipalities), made the way the demo
// makes one (src/demo/intermunicipal.ts): the provider gets a department
// "Omgevingsdienst" with a specialist, its administrator proposes the agreement and
// both administrators approve it, all through the modules' own use-cases. In force
// from thirty days ago without an end, so on the clock's date and on the database's
// own date alike (row-level security reads the latter).
import { addDays, type IsoDate } from '../src/kernel/calendar.js';
import { dutchDate } from '../src/kernel/clock.js';
import { toActor } from '../src/modules/identity/index.js';
import { approveAgreement, proposeAgreement } from '../src/modules/intermunicipal/index.js';
import { createDepartment, unsafeAddUser } from '../src/modules/organisation/index.js';
import type { Deps } from '../src/platform/context.js';

export const SHARED_DEPARTMENT = 'Omgevingsdienst';

export interface SeededAgreement {
  agreementId: string;
  /** the provider's department "Omgevingsdienst" */
  departmentId: string;
  /** its specialist, who answers the shared requests */
  specialistEmail: string;
}

async function adminOf(deps: Deps, municipalityId: string) {
  const u = await deps.db.unsafeAdmin
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .orderBy('email')
    .executeTakeFirstOrThrow();
  return toActor(u, 'token');
}

export async function seedSharingAgreement(
  deps: Deps,
  o: { receiver: { id: string; slug: string }; provider: { id: string; slug: string } },
): Promise<SeededAgreement> {
  const [providerAdmin, receiverAdmin] = [await adminOf(deps, o.provider.id), await adminOf(deps, o.receiver.id)];
  const ctx = (actor: typeof providerAdmin) => ({ ...deps, actor });
  let dept = await deps.db.unsafeAdmin
    .selectFrom('departments')
    .select('id')
    .where('municipality_id', '=', o.provider.id)
    .where('name', '=', SHARED_DEPARTMENT)
    .executeTakeFirst();
  dept ??= await createDepartment(ctx(providerAdmin), { name: SHARED_DEPARTMENT, domain: 'physical' });
  const specialistEmail = `omgevingsdienst@${o.provider.slug}.example`;
  const existing = await deps.db.unsafeAdmin
    .selectFrom('users')
    .select('id')
    .where('municipality_id', '=', o.provider.id)
    .where('email', '=', specialistEmail)
    .executeTakeFirst();
  if (!existing)
    await unsafeAddUser(deps, {
      municipalitySlug: o.provider.slug,
      email: specialistEmail,
      name: 'Specialist Omgevingsdienst',
      role: 'specialist',
      departmentName: SHARED_DEPARTMENT,
    });
  const today = dutchDate(deps.clock.now()) as IsoDate;
  const proposed = await proposeAgreement(ctx(providerAdmin), {
    receiverMunicipality: o.receiver.slug,
    what: 'De Omgevingsdienst toetst bouwplannen en evenementen voor zaken van de ontvangende gemeente, aan haar regelregister.',
    departmentIds: [dept.id],
    ruleDomains: ['physical', 'safety'],
    validFrom: addDays(today, -30),
    validUntil: null,
  });
  await approveAgreement(ctx(providerAdmin), { id: proposed.id });
  await approveAgreement(ctx(receiverAdmin), { id: proposed.id });
  return { agreementId: proposed.id, departmentId: dept.id, specialistEmail };
}
