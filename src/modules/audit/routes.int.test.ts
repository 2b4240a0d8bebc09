// The access log over HTTP (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd):
// reading an initiator's contact details, a dossier or an export leaves a row in the
// transaction of the read; only the admin reads the log, filtered and paginated, and
// the log stays out of the case timeline.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { type BuiltCase, buildCase, buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { issueLoginLink } from '../identity/index.js';

const t = withTestApp();
let m: TestMunicipality;
let admin: Actor;
let director: Actor;
let coordinator: Actor;
let otherAdmin: Actor;
let c: BuiltCase;

interface Entry {
  id: string;
  kind: string;
  actor: { id: string; role: string; name: string | null };
  case: { id: string; reference: string | null } | null;
  initiator: { id: string; name: string | null } | null;
  exportName: string | null;
  clientAddress: string | null;
}

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await buildUser(t.db, m, { role: 'admin' });
  director = await buildUser(t.db, m, { role: 'director' });
  coordinator = await buildUser(t.db, m, { role: 'coordinator' });
  otherAdmin = await buildUser(t.db, await buildMunicipality(t.db), { role: 'admin' });
  c = await buildCase({ municipality: m, deps: t.deps, status: 'planning', director, coordinator });
});

// One login per person: logging in is rate-limited.
const sessions = new Map<string, Record<string, string>>();
async function as(a: Actor): Promise<Record<string, string>> {
  const known = sessions.get(a.userId);
  if (known) return known;
  const h = await t.login(a);
  sessions.set(a.userId, h);
  return h;
}

async function log(query = ''): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/access-log-entries${query}`, headers: await as(admin) });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('what is logged', () => {
  it('a staff member reading the case gets the contact details, and the read is logged with who, what and from where', async () => {
    const before = (await log(`?case=${c.id}&kind=contactDetails`)).items.length;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: await as(director) });
    expect(res.statusCode).toBe(200);
    expect(res.json().initiator.email).toBe(c.initiator.email);
    const after = (await log(`?case=${c.id}&kind=contactDetails`)).items;
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({
      kind: 'contactDetails',
      actor: { id: director.userId, role: 'director' },
      case: { id: c.id, reference: c.reference },
      initiator: { id: c.initiator.userId, name: c.initiator.name },
      exportName: null,
    });
    expect(after[0]?.clientAddress).toBe('127.0.0.1');
  });

  it('the initiator reading their own case is not logged', async () => {
    const before = (await log(`?case=${c.id}`)).items.length;
    // The initiator logs in with a one-time link, as mailed to them.
    const link = await t.db.tenant(m.id, (trx) => issueLoginLink(trx, t.deps, { municipalityId: m.id, userId: c.initiator.userId, caseId: c.id }));
    const token = /inloggen\/link#(\S+)/.exec(link)?.[1] as string;
    const redeem = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login-links/redeem', payload: { token } });
    expect(redeem.statusCode).toBe(200);
    const cookie = `regie_session=${redeem.cookies.find((k) => k.name === 'regie_session')?.value}`;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().initiator.email).toBe(c.initiator.email);
    expect((await log(`?case=${c.id}`)).items).toHaveLength(before);
  });

  it('a dossier download is logged', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/dossier`, headers: await as(coordinator) });
    expect(res.statusCode).toBe(200);
    const items = (await log(`?case=${c.id}&kind=dossier`)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor: { id: coordinator.userId, role: 'coordinator' }, initiator: { id: c.initiator.userId } });
  });

  it('the CSV export of the commitments register is logged', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/commitments/export', headers: await as(director) });
    expect(res.statusCode).toBe(200);
    const items = (await log(`?kind=export&actor=${director.userId}`)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ exportName: 'toezeggingenregister.csv', case: null, initiator: null });
  });

  it('the CSV export of the case list is logged', async () => {
    const exporter = await buildUser(t.db, m, { role: 'coordinator' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export', headers: await as(exporter) });
    expect(res.statusCode).toBe(200);
    const items = (await log(`?kind=export&actor=${exporter.userId}`)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ exportName: 'zaken.csv', case: null, initiator: null });
  });

  it('a refused read leaves no row', async () => {
    const stranger = await buildUser(t.db, await buildMunicipality(t.db), { role: 'director' });
    const before = (await log(`?case=${c.id}`)).items.length;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: await as(stranger) });
    expect(res.statusCode).toBe(404);
    expect((await log(`?case=${c.id}`)).items).toHaveLength(before);
  });

  it('the log is not part of the case timeline', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/events`, headers: await as(director) });
    expect(res.statusCode).toBe(200);
    const types: string[] = res.json().items.map((e: { type: string }) => e.type);
    expect(types).toContain('case.submitted');
    expect(types.filter((x) => /access|inzage/i.test(x))).toEqual([]);
    expect(res.body).not.toContain('contactDetails');
  });
});

describe('reading the log', () => {
  it('pages newest first with a cursor, every entry once', async () => {
    const h = await as(director);
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: h });
    const all = (await log(`?case=${c.id}&limit=100`)).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await log(`?case=${c.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(new Set(seen).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it('filters on the day, in Dutch time', async () => {
    // The test clock stands at 2 March 2026.
    expect((await log(`?case=${c.id}&from=2026-03-02&to=2026-03-02`)).items.length).toBeGreaterThan(0);
    expect((await log(`?case=${c.id}&from=2026-03-03`)).items).toHaveLength(0);
    expect((await log(`?case=${c.id}&to=2026-03-01`)).items).toHaveLength(0);
  });

  it('filters on the initiator and the actor', async () => {
    const byInitiator = (await log(`?initiator=${c.initiator.userId}`)).items;
    expect(byInitiator.length).toBeGreaterThan(0);
    expect(byInitiator.every((e) => e.initiator?.id === c.initiator.userId)).toBe(true);
    const byCoordinator = (await log(`?actor=${coordinator.userId}`)).items;
    expect(byCoordinator.map((e) => e.kind)).toEqual(['dossier']);
  });

  it('is for the admin only, and only of their own municipality', async () => {
    for (const who of [director, coordinator]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/access-log-entries', headers: await as(who) });
      expect(res.statusCode).toBe(403);
    }
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/access-log-entries?limit=100', headers: await as(otherAdmin) });
    expect(other.statusCode).toBe(200);
    expect(other.json().items).toEqual([]);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: await as(admin) });
    expect(me.json().abilities.readAccessLog).toBe(true);
  });

  it('refuses a forged cursor and an unknown kind with a 400', async () => {
    const h = await as(admin);
    for (const q of ['cursor=bm9wZQ', 'kind=everything', 'from=2026-02-30']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/access-log-entries?${q}`, headers: h });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('the retention term in the settings (docs/product.md#bewaartermijn)', () => {
  it('is 24 months unless the admin sets it, within 6 to 240 months or empty to keep', async () => {
    const h = await as(admin);
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: h });
    expect(got.json().personalDataRetentionMonths).toBe(24);
    const patch = (body: unknown, headers = h) => t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers, payload: body as object });
    expect((await patch({ personalDataRetentionMonths: 36 })).json().personalDataRetentionMonths).toBe(36);
    expect((await patch({ personalDataRetentionMonths: null })).json().personalDataRetentionMonths).toBeNull();
    for (const bad of [5, 241, 12.5, '24']) expect((await patch({ personalDataRetentionMonths: bad })).statusCode).toBe(400);
    expect((await patch({ personalDataRetentionMonths: 24 }, await as(director))).statusCode).toBe(403);
    const row = await t.db.unsafeAdmin.selectFrom('municipalities').select('personal_data_retention_months').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.personal_data_retention_months).toBeNull();
  });
});
