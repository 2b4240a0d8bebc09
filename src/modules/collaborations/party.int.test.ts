// Agreements and an outside party's read access over HTTP
// (docs/product.md#agreements-within-a-collaboration, docs/product.md#an-outside-partys-read-access):
// recording an agreement, the party's confirmation link, the login link that reveals
// nothing, the party's session seeing only its own collaborations and agreements, and
// every other door shut to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import { pdfText } from '../../testing/pdf.js';
import { collaborationWithParty } from './testing.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
const t = withTestApp({ clock });
let m: TestMunicipality;
let director: Actor;
let owner: Record<string, string>;

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as never });
const mailsTo = (to: string) =>
  t.db.unsafeAdmin
    .selectFrom('outbox')
    .select(['subject', 'body_text'])
    .where('municipality_id', '=', m.id)
    .where('to_address', '=', to)
    .orderBy('id')
    .execute();
const POLICE = 'wijkagent@politie.example';

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  director = await buildUser(t.db, m, { role: 'director', name: 'Ria Regisseur' });
  owner = await t.login(director);
}, 120_000);

describe('agreements and the outside party over HTTP', () => {
  it('records an agreement of the police, which it confirms through its link; then logs in and sees only its own', async () => {
    const mine = await collaborationWithParty(t.deps, director, POLICE);
    const notMine = await collaborationWithParty(t.deps, director, 'iemand@anders.example');
    const page = (await call('GET', `/collaborations/${mine}`, owner)).json();
    const police = page.parties[0].id as string;
    const shopsRes = await call('POST', `/collaborations/${mine}/parties`, owner, {
      kind: 'organisation',
      name: 'Winkeliers',
      orgType: 'private',
      contactEmail: 'info@winkeliers.example',
    });
    const shops = shopsRes.json().parties.find((p: { name: string }) => p.name === 'Winkeliers').id as string;
    const base = { dueOn: '2026-06-01', madeOn: '2026-03-01' };
    const byPolice = await call('POST', `/collaborations/${mine}/agreements`, owner, {
      ...base,
      madeBy: { partyId: police },
      madeTo: { userId: director.userId },
      what: 'Surveillance op vrijdag',
    });
    expect(byPolice.statusCode, byPolice.body).toBe(201);
    expect(byPolice.json()).toMatchObject({ status: 'needsConfirmation', confirmedByParty: true, linkSentTo: 'Politie', caseId: null, collaborationId: mine });
    await call('POST', `/collaborations/${mine}/agreements`, owner, {
      ...base,
      madeBy: { userId: director.userId },
      madeTo: { partyId: shops },
      what: 'Lantaarnpalen',
    });
    // Bad input is a 400 naming the field, never a 500.
    const bad = await call('POST', `/collaborations/${mine}/agreements`, owner, {
      ...base,
      madeBy: { partyId: 'x' },
      madeTo: { userId: director.userId },
      what: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');

    // The confirmation link.
    const token = /\/afspraak\/(\S+)/.exec((await mailsTo(POLICE))[0]?.body_text ?? '')?.[1] as string;
    expect((await call('GET', `/agreement-links/${token}`, {})).json()).toMatchObject({
      party: 'Politie',
      what: 'Surveillance op vrijdag',
      status: 'needsConfirmation',
    });
    expect((await call('POST', `/agreement-links/${token}/answer`, {}, { decision: 'confirm' })).json()).toMatchObject({ status: 'binding' });
    const again = await call('POST', `/agreement-links/${token}/answer`, {}, { decision: 'confirm' });
    expect(again.statusCode).toBe(410);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await call('GET', `/agreement-links/${m.id}.bestaatniet0123456789`, {})).statusCode).toBe(404);

    // The login link: the same answer for a known and an unknown address; a mail only to the known one.
    const known = await call('POST', '/party-login-links', {}, { municipality: m.slug, email: POLICE.toUpperCase() });
    const unknown = await call('POST', '/party-login-links', {}, { municipality: m.slug, email: 'niemand@nergens.example' });
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(known.statusCode).toBe(202);
    expect(await mailsTo('niemand@nergens.example')).toEqual([]);
    const loginMail = (await mailsTo(POLICE)).at(-1);
    const loginToken = /\/partij\/inloggen#(\S+)/.exec(loginMail?.body_text ?? '')?.[1] as string;
    const session = await call('POST', '/party-sessions', {}, { token: loginToken });
    expect(session.statusCode).toBe(204);
    const cookie = { cookie: `regie_party=${session.cookies.find((c) => c.name === 'regie_party')?.value}` };
    expect((await call('POST', '/party-sessions', {}, { token: loginToken })).statusCode).toBe(401);

    const list = (await call('GET', '/party/collaborations', cookie)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([mine]);
    const sheet = (await call('GET', `/party/collaborations/${mine}`, cookie)).json();
    // Only its own agreement; the staff member it was made to named as the municipality.
    expect(sheet.agreements).toEqual([
      expect.objectContaining({ what: 'Surveillance op vrijdag', status: 'binding', madeTo: { name: expect.stringMatching(/^Gemeente /), staff: true } }),
    ]);
    expect(JSON.stringify(sheet)).not.toContain('info@winkeliers.example');
    expect(JSON.stringify(sheet)).not.toContain('Lantaarnpalen');
    expect((await call('GET', `/party/collaborations/${notMine}`, cookie)).statusCode).toBe(404);
    const pdf = await call('GET', `/party/collaborations/${mine}/sheet.pdf`, cookie);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Surveillance op vrijdag');
    expect(text).not.toContain('Lantaarnpalen');

    // No staff door opens for the party's session, and a staff login opens none of the party's.
    expect((await call('GET', '/collaborations', cookie)).statusCode).toBe(401);
    expect((await call('GET', `/collaborations/${mine}`, cookie)).statusCode).toBe(401);
    expect((await call('GET', '/party/collaborations', owner)).statusCode).toBe(403);
    expect((await call('GET', '/party/collaborations', {})).statusCode).toBe(401);

    // Another municipality's party session sees nothing of this one.
    const o = await buildMunicipality(t.db);
    const otherDirector = await buildUser(t.db, o, { role: 'director' });
    await collaborationWithParty(t.deps, otherDirector, POLICE);
    await call('POST', '/party-login-links', {}, { municipality: o.slug, email: POLICE });
    const otherMail = await t.db.unsafeAdmin
      .selectFrom('outbox')
      .select('body_text')
      .where('municipality_id', '=', o.id)
      .where('to_address', '=', POLICE)
      .executeTakeFirstOrThrow();
    const otherToken = /\/partij\/inloggen#(\S+)/.exec(otherMail.body_text)?.[1] as string;
    const otherSession = await call('POST', '/party-sessions', {}, { token: otherToken });
    const otherCookie = { cookie: `regie_party=${otherSession.cookies.find((c) => c.name === 'regie_party')?.value}` };
    expect((await call('GET', `/party/collaborations/${mine}`, otherCookie)).statusCode).toBe(404);
    expect(JSON.stringify((await call('GET', '/party/collaborations', otherCookie)).json())).not.toContain(mine);

    // Logging out ends the session.
    expect((await call('DELETE', '/party-sessions/current', cookie)).statusCode).toBe(204);
    expect((await call('GET', '/party/collaborations', cookie)).statusCode).toBe(401);
  });
});
