// Choosing the zaaktype and its status types from the Catalogi API
// (docs/product.md#zgw-zaaktype-choice) and the zaak on the case
// (docs/product.md#zgw-zaak-on-case), over HTTP against the Catalogi API built from its
// official specification: lists followed page by page, status types in their order,
// a status type of another zaaktype refused, an unreachable Catalogi API a 502 with
// problem+json (and typed addresses still kept), and the zaak's address for staff of
// the case's own municipality only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, buildCase, buildMunicipality, ctxFor } from '../../testing/factories.js';
import { type FakeZgw, startFakeZgw } from '../../testing/fake-zgw.js';
import { withTestApp } from '../../testing/http.js';
import { unsafeRunDueZgwTasks } from './delivery.js';
import { caseZaak } from './service.js';

const SECRET = 'geheim-voor-de-catalogi-test';

describe('the Catalogi API and the zaak on the case', () => {
  const t = withTestApp();
  let headers: Record<string, string>;
  let fake: FakeZgw;
  let m: Awaited<ReturnType<typeof buildMunicipality>>;
  let version = 0;
  const put = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/zgw/settings', headers: { ...headers, 'if-match': `"${version}"` }, payload });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };

  beforeAll(async () => {
    m = await buildMunicipality(t.db);
    headers = await t.login(await actorOf('admin', { municipality: m }));
    fake = await startFakeZgw({ clientId: 'regie-catalogi', secret: SECRET, pageSize: 2 });
  });
  afterAll(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  it('asks for the Catalogi API first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/zaaktypen', headers });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('lists the definitive zaaktypen over every page, each with its status types by volgnummer', async () => {
    const made = ['Evenement', 'Initiatief', 'Terras', 'Woning', 'Zonnepark'].map((omschrijving, i) =>
      fake.addZaaktype({
        identificatie: `ZT-${i}`,
        omschrijving,
        statustypen: [`${omschrijving} ontvangen`, `${omschrijving} in behandeling`, `${omschrijving} afgerond`],
      }),
    );
    fake.addZaaktype({ identificatie: 'ZT-C', omschrijving: 'Nog een concept', statustypen: ['Eén'], concept: true });
    fake.addInformatieobjecttype('Bijlage');
    fake.addInformatieobjecttype('Zaakdossier');
    fake.addInformatieobjecttype('Advies');
    expect((await put({ catalogiUrl: fake.catalogiUrl, clientId: 'regie-catalogi', clientSecret: SECRET })).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/zaaktypen', headers });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      url: string;
      identificatie: string;
      omschrijving: string;
      statustypen: { url: string; omschrijving: string; volgnummer: number }[];
    }[];
    // five definitive zaaktypen on three pages of two; the concept is not offered
    expect(items.map((z) => z.omschrijving)).toEqual(['Evenement', 'Initiatief', 'Terras', 'Woning', 'Zonnepark']);
    expect(fake.requests.filter((r) => r.path.includes('/zaaktypen?')).map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual([
      null,
      '2',
      '3',
    ]);
    expect(items[1]).toEqual({
      url: made[1]?.url,
      identificatie: 'ZT-1',
      omschrijving: 'Initiatief',
      statustypen: [
        { url: made[1]?.statustypen[0], omschrijving: 'Initiatief ontvangen', volgnummer: 1 },
        { url: made[1]?.statustypen[1], omschrijving: 'Initiatief in behandeling', volgnummer: 2 },
        { url: made[1]?.statustypen[2], omschrijving: 'Initiatief afgerond', volgnummer: 3 },
      ],
    });
    const types = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/informatieobjecttypen', headers });
    expect(types.statusCode).toBe(200);
    expect(types.json().items.map((i: { omschrijving: string }) => i.omschrijving)).toEqual(['Advies', 'Bijlage', 'Zaakdossier']);
  });

  it('refuses a status type of another zaaktype, and keeps one of the chosen zaaktype', async () => {
    const [a, b] = [
      fake.addZaaktype({ identificatie: 'ZT-A', omschrijving: 'A', statustypen: ['A1', 'A2'] }),
      fake.addZaaktype({ identificatie: 'ZT-B', omschrijving: 'B', statustypen: ['B1', 'B2'] }),
    ];
    const bad = await put({ zaaktypeUrl: a?.url, statustypeIntakeUrl: a?.statustypen[0], statustypeClosedUrl: b?.statustypen[1] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().invalidParams).toEqual([{ name: 'statustypeClosedUrl', reason: 'Dit statustype hoort niet bij het gekozen zaaktype.' }]);
    const good = await put({ zaaktypeUrl: a?.url, statustypeIntakeUrl: a?.statustypen[0], statustypeClosedUrl: a?.statustypen[1] });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ zaaktypeUrl: a?.url, statustypeClosedUrl: a?.statustypen[1] });
  });

  it('answers 502 with problem+json when the Catalogi API is down, and still keeps typed addresses', async () => {
    fake.cutNext(1000);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/zaaktypen', headers });
    expect(res.statusCode).toBe(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title ?? res.json().detail).toContain('Catalogi API');
    const typed = await put({ statustypePlanAgreedUrl: 'https://ztc.example/catalogi/api/v1/statustypen/22222222-2222-4222-8222-222222222222' });
    expect(typed.statusCode, typed.body).toBe(200);
    fake.cutNext(0);
  });

  it('shows the zaak of a case to staff of the case, not to another municipality or the initiator', async () => {
    // the status types as the Catalogi API gives them again
    const z = fake.addZaaktype({ identificatie: 'ZT-R', omschrijving: 'Registratie', statustypen: ['Ontvangen'] });
    expect(
      (
        await put({
          enabled: true,
          zakenUrl: fake.zakenUrl,
          zaaktypeUrl: z.url,
          statustypeIntakeUrl: '',
          statustypePlanAgreedUrl: '',
          statustypeClosedUrl: '',
          rsin: '002564440',
        })
      ).statusCode,
    ).toBe(200);
    const c = await buildCase({ municipality: m, deps: t.deps });
    const director = await t.login(await actorOf('director', { municipality: m }));
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/zgw`, headers: director });
    expect(before.json()).toEqual({ zaakUrl: null, pending: 1, failed: 0 });
    await unsafeRunDueZgwTasks(t.deps, { timeoutMs: 2000 });
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/zgw`, headers: director });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ zaakUrl: fake.zaken.find((zaak) => zaak.identificatie === c.reference)?.url, pending: 0, failed: 0 });

    const other = await buildMunicipality(t.db);
    const stranger = await t.login(await actorOf('director', { municipality: other }));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/zgw`, headers: stranger })).statusCode).toBe(404);
    await expect(caseZaak(ctxFor(t.deps, c.initiator), c.id)).rejects.toMatchObject({ status: 403 });
  });
});
