// The demo's sharing agreement (docs/product.md#sharing-agreements-between-municipalities):
// Naburg's department "Omgevingsdienst" assesses for Voorbeeld, proposed by Naburg's
// admin and approved by both admins through the intermunicipal module's use-cases, in
// force from a month ago without an end. Naburg gets the department and a specialist
// for it when it has none.
import { addDays, type IsoDate } from '../kernel/calendar.js';
import { dutchDate } from '../kernel/clock.js';
import { toActor } from '../modules/identity/index.js';
import { approveAgreement, proposeAgreement } from '../modules/intermunicipal/index.js';
import { createDepartment, unsafeAddUser } from '../modules/organisation/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Deps } from '../platform/context.js';

export const SHARED_DEPARTMENT = 'Omgevingsdienst';
export const SHARED_SPECIALIST = { name: 'Iris Koster', email: 'omgevingsdienst@naburg.nl' };

async function adminOf(deps: Deps, slug: string): Promise<Actor> {
  const u = await deps.db.unsafeAdmin
    .selectFrom('users as u')
    .innerJoin('municipalities as m', 'm.id', 'u.municipality_id')
    .selectAll('u')
    .where('m.slug', '=', slug)
    .where('u.role', '=', 'admin')
    .orderBy('u.created_at')
    .executeTakeFirstOrThrow();
  return toActor(u, 'token');
}

export async function seedSharingAgreement(deps: Deps, o: { provider: string; receiver: string; password: string }): Promise<void> {
  const [providerAdmin, receiverAdmin] = [await adminOf(deps, o.provider), await adminOf(deps, o.receiver)];
  const ctx = (a: Actor) => ({ ...deps, actor: a });
  let dept = await deps.db.unsafeAdmin
    .selectFrom('departments')
    .select('id')
    .where('municipality_id', '=', providerAdmin.municipalityId)
    .where('name', '=', SHARED_DEPARTMENT)
    .executeTakeFirst();
  if (!dept) {
    dept = await createDepartment(ctx(providerAdmin), { name: SHARED_DEPARTMENT, domain: 'physical' });
    await unsafeAddUser(deps, {
      municipalitySlug: o.provider,
      ...SHARED_SPECIALIST,
      role: 'specialist',
      password: o.password,
      departmentName: SHARED_DEPARTMENT,
    });
  }
  const today = dutchDate(deps.clock.now()) as IsoDate;
  const a = await proposeAgreement(ctx(providerAdmin), {
    receiverMunicipality: o.receiver,
    what: 'De Omgevingsdienst van Naburg toetst bouwplannen en evenementen voor zaken van Voorbeeld, aan het regelregister van Voorbeeld.',
    departmentIds: [dept.id],
    ruleDomains: ['physical', 'safety'],
    validFrom: addDays(today, -30),
    validUntil: null,
  });
  await approveAgreement(ctx(providerAdmin), { id: a.id });
  await approveAgreement(ctx(receiverAdmin), { id: a.id });
}
