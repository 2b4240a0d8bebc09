// The municipality's set-up on a real database: what the admin may change, what
// is refused and why, and that one municipality never touches another's.
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { submitCase } from '../cases/index.js';
import { unsafeLoginWithPassword } from '../identity/index.js';
import {
  createDepartment,
  createNamed,
  createUser,
  deleteDepartment,
  deleteNamed,
  getSettings,
  listUsers,
  publicMunicipality,
  unsafeAddUser,
  updateSettings,
  updateUser,
} from './service.js';

const { db } = withTestDb();

async function setup() {
  const deps = testDeps(db);
  const m = await buildMunicipality(db);
  const admin = ctxFor(deps, await buildUser(db, m, { role: 'admin' }));
  const director = ctxFor(deps, await buildUser(db, m, { role: 'director' }));
  return { deps, m, admin, director };
}

describe('organisation', () => {
  it('adds departments, areas and themes; refuses duplicates and deleting what cases use', async () => {
    const { deps, m, admin } = await setup();
    const dept = await createDepartment(admin, { name: 'Economische zaken', domain: 'economy' });
    expect(await refusal(createDepartment(admin, { name: 'Economische zaken', domain: 'economy' }))).toMatchObject({ status: 409, key: 'error.duplicate' });
    const area = await createNamed(admin, 'areas', 'Oude Haven');
    await submitCase(deps, {
      municipalityId: m.id,
      initiator: { name: 'A', email: 'a@example.nl' },
      title: 'Kade',
      description: 'Iets aan de kade doen.',
      location: 'Kade 1',
      areaId: area.id,
      channel: 'web',
    });
    expect(await refusal(deleteNamed(admin, 'areas', area.id))).toMatchObject({ status: 409, key: 'error.inUse' });
    await deleteDepartment(admin, dept.id);
    const pub = await publicMunicipality(deps, m.slug);
    expect(pub.areas.map((a) => a.name)).toContain('Oude Haven');
  });

  it('creates staff with a strong password and director coverage, and they can log in', async () => {
    const { deps, m, admin } = await setup();
    expect(await refusal(createUser(admin, { email: 'kort@example.nl', name: 'K', role: 'director', password: 'kort' }))).toMatchObject({
      status: 400,
      fields: ['password'],
    });
    expect(await refusal(createUser(admin, { email: 'spec@example.nl', name: 'S', role: 'specialist' }))).toMatchObject({
      status: 400,
      fields: ['departmentId'],
    });
    const u = await createUser(admin, {
      email: 'Nieuw@Example.nl',
      name: 'Nieuwe Regisseur',
      role: 'director',
      password: 'een-lang-wachtwoord',
      areaIds: [m.areaIds[0] as string],
      themeIds: [m.themeIds[1] as string],
    });
    const listed = (await listUsers(admin, { role: 'director' })).find((x) => x.id === u.id);
    expect(listed).toMatchObject({ email: 'nieuw@example.nl', areaIds: [m.areaIds[0]], themeIds: [m.themeIds[1]] });
    const s = await unsafeLoginWithPassword(deps, { email: 'nieuw@example.nl', password: 'een-lang-wachtwoord' });
    expect(s.actor.userId).toBe(u.id);
    expect(await refusal(createUser(admin, { email: 'nieuw@example.nl', name: 'Dubbel', role: 'director' }))).toMatchObject({ status: 409 });
  });

  it('deactivates a user (ending their sessions) but never the admin themself', async () => {
    const { deps, admin } = await setup();
    const u = await createUser(admin, { email: `weg-${Date.now()}@example.nl`, name: 'Vertrekt', role: 'director', password: 'een-lang-wachtwoord' });
    await unsafeLoginWithPassword(deps, { email: u.email, password: 'een-lang-wachtwoord' });
    await updateUser(admin, { id: u.id, active: false });
    await expect(unsafeLoginWithPassword(deps, { email: u.email, password: 'een-lang-wachtwoord' })).rejects.toMatchObject({ status: 401 });
    expect((await db.unsafeAdmin.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).length).toBe(0);
    expect(await refusal(updateUser(admin, { id: admin.actor.userId, active: false }))).toMatchObject({ status: 409 });
    expect(await refusal(updateUser(admin, { id: admin.actor.userId, role: 'director' }))).toMatchObject({ status: 409 });
  });

  it('changes the plan term and closing days; only the admin may', async () => {
    const { admin, director } = await setup();
    const s = await updateSettings(admin, { planTermDays: 35, extraHolidays: ['2026-12-31', '2026-12-31'] });
    expect(s).toMatchObject({ planTermDays: 35, extraHolidays: ['2026-12-31'] });
    expect((await getSettings(director)).planTermDays).toBe(35);
    expect((await refusal(updateSettings(director, { planTermDays: 10 }))).status).toBe(403);
    expect((await refusal(createNamed(director, 'themes', 'Nieuw'))).status).toBe(403);
  });

  it('never reaches another municipality’s rows', async () => {
    const a = await setup();
    const b = await setup();
    const dept = await createDepartment(a.admin, { name: 'Alleen in A', domain: 'social' });
    expect((await refusal(deleteDepartment(b.admin, dept.id))).status).toBe(404);
    expect((await refusal(updateUser(b.admin, { id: a.director.actor.userId, name: 'Overgenomen' }))).status).toBe(404);
    expect((await listUsers(b.admin)).some((u) => u.id === a.director.actor.userId)).toBe(false);
    expect(await refusal(createUser(b.admin, { email: 'x@example.nl', name: 'X', role: 'director', areaIds: [a.m.areaIds[0] as string] }))).toMatchObject({
      status: 400,
      fields: ['areaIds'],
    });
  });

  it('adds a user from the command line by municipality slug and department name', async () => {
    const { deps, m } = await setup();
    const u = await unsafeAddUser(deps, {
      municipalitySlug: m.slug,
      email: `cli-${Date.now()}@example.nl`,
      name: 'Cli',
      role: 'specialist',
      departmentName: 'Ruimtelijke ordening',
      password: 'een-lang-wachtwoord',
    });
    expect(u.role).toBe('specialist');
    await expect(unsafeAddUser(deps, { municipalitySlug: m.slug, email: 'y@example.nl', name: 'Y', role: 'wizard' })).rejects.toThrow(/Onbekende rol/);
    await expect(unsafeAddUser(deps, { municipalitySlug: 'nergens', email: 'y@example.nl', name: 'Y', role: 'director' })).rejects.toThrow(/bestaat niet/);
  });
});
