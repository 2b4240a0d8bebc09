// A staff address is unique within a municipality, not across them: an admin learns
// nothing about another municipality's staff, and each staff member still logs in to
// their own municipality (docs/architecture.md#staff-login-and-municipalities).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

let a: TestMunicipality;
let b: TestMunicipality;
let adminA: Actor;
const t = withTestApp();
beforeAll(async () => {
  a = await buildMunicipality(t.db);
  b = await buildMunicipality(t.db);
  adminA = await buildUser(t.db, a, { role: 'admin' });
});

const unique = () => Math.random().toString(36).slice(2);
const login = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
const createStaff = async (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: await t.login(adminA),
    payload: { email, name: 'Nieuwe Collega', role: 'director', password },
  });

describe('staff addresses per municipality', () => {
  it('lets an admin of A add a staff member with an address used in B, and both log in to their own municipality', async () => {
    const email = `gedeeld-${unique()}@example.nl`;
    await buildUser(t.db, b, { role: 'coordinator', email }); // the factory's password
    const created = await createStaff(email.toUpperCase(), 'een ander lang wachtwoord');
    expect(created.statusCode).toBe(201);
    expect(JSON.stringify(created.json())).not.toContain(b.id);

    const inA = await login({ email, password: 'een ander lang wachtwoord' });
    expect(inA.statusCode).toBe(200);
    expect(inA.json()).toMatchObject({ municipalityId: a.id, role: 'director' });
    const inB = await login({ email, password: 'correct horse battery staple' });
    expect(inB.statusCode).toBe(200);
    expect(inB.json()).toMatchObject({ municipalityId: b.id, role: 'coordinator' });

    // Naming the municipality tries only its account.
    expect((await login({ email, password: 'correct horse battery staple', municipality: a.slug })).statusCode).toBe(401);
    expect((await login({ email, password: 'correct horse battery staple', municipality: b.slug })).json().municipalityId).toBe(b.id);
  });

  it('still answers 409 for an address already used by staff of the same municipality', async () => {
    const email = `dubbel-${unique()}@example.nl`;
    await buildUser(t.db, a, { role: 'specialist', email });
    const again = await createStaff(email, 'een ander lang wachtwoord');
    expect(again.statusCode).toBe(409);
  });

  it('a wrong password looks like an unknown address, also when the address is staff in two municipalities', async () => {
    const email = `twee-${unique()}@example.nl`;
    await buildUser(t.db, a, { role: 'director', email });
    await buildUser(t.db, b, { role: 'director', email });
    const wrong = await login({ email, password: 'niet het wachtwoord' });
    const unknown = await login({ email: `niemand-${unique()}@example.nl`, password: 'niet het wachtwoord' });
    expect({ status: wrong.statusCode, body: wrong.json() }).toEqual({ status: unknown.statusCode, body: unknown.json() });
    expect(wrong.statusCode).toBe(401);
    // The same password in both: who holds it chooses the municipality.
    const both = await login({ email, password: 'correct horse battery staple' });
    expect(both.statusCode).toBe(409);
    expect(both.json().type).toContain('choose-municipality');
    expect((await login({ email, password: 'correct horse battery staple', municipality: a.slug })).json().municipalityId).toBe(a.id);
  });
});
