// The pure rules of the ZGW registration (docs/product.md#zgw-registration).
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  baseUrlProblem,
  byVolgnummer,
  documentBody,
  documentIdentificatie,
  followable,
  isRsin,
  omschrijving,
  retryDelaySeconds,
  zaakBody,
  zgwJwt,
} from './model.js';

describe('RSIN', () => {
  it('takes 9 digits that pass the elfproef', () => {
    expect(isRsin('002564440')).toBe(true);
    expect(isRsin('123456782')).toBe(true);
    expect(isRsin('123456781')).toBe(false);
    expect(isRsin('12345678')).toBe(false);
    expect(isRsin('000000000')).toBe(false);
    expect(isRsin('12345678a')).toBe(false);
  });
});

describe('the zaak', () => {
  it('cuts the omschrijving to 80 characters', () => {
    expect(omschrijving('Terras aan de haven')).toBe('Terras aan de haven');
    const long = omschrijving('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });

  it('has the RSIN as bronorganisatie and verantwoordelijke organisatie, and a GeoJSON point only when the case has one', () => {
    const base = { rsin: '002564440', zaaktype: 'https://ztc.example/zaaktypen/1', reference: 'Z-2026-0001', title: 'Terras', startdatum: '2026-03-01' };
    const withPoint = zaakBody({ ...base, point: { lon: 5.1, lat: 52.09 } });
    expect(withPoint).toMatchObject({ bronorganisatie: '002564440', verantwoordelijkeOrganisatie: '002564440', identificatie: 'Z-2026-0001' });
    expect(withPoint.zaakgeometrie).toEqual({ type: 'Point', coordinates: [5.1, 52.09] });
    expect(zaakBody({ ...base, point: null })).not.toHaveProperty('zaakgeometrie');
  });
});

describe('settings', () => {
  it('accepts http(s) base URLs without credentials or query', () => {
    expect(baseUrlProblem('')).toBeNull();
    expect(baseUrlProblem('https://openzaak.example/zaken/api/v1')).toBeNull();
    expect(baseUrlProblem('ftp://x.example')).toBe('error.zgwUrlInvalid');
    expect(baseUrlProblem('https://u:p@x.example')).toBe('error.zgwUrlInvalid');
    expect(baseUrlProblem('https://x.example/?a=1')).toBe('error.zgwUrlInvalid');
    expect(baseUrlProblem('geen adres')).toBe('error.zgwUrlInvalid');
  });
});

describe('retries', () => {
  it('back off exponentially up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});

describe('the ZGW JWT', () => {
  it('is HS256 with the client id as iss and client_id, and iat', async () => {
    const token = await zgwJwt('regie-test', 'een-geheim-van-lengte', new Date('2026-03-01T10:00:00Z'));
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(decodeJwt(token)).toMatchObject({ iss: 'regie-test', client_id: 'regie-test', iat: Date.parse('2026-03-01T10:00:00Z') / 1000 });
  });
});

describe('documents (docs/product.md#zgw-documents)', () => {
  it.each([
    ['the dossier', 'REG-2026-000123', { kind: 'dossier' as const }, 'REG-2026-000123-dossier'],
    ['a file: the start of its SHA-256', 'REG-2026-000123', { kind: 'attachment' as const, sha256: 'ab'.repeat(32) }, 'REG-2026-000123-abababababab'],
    ['a long reference is cut to stay within 40 characters', 'R'.repeat(50), { kind: 'dossier' as const }, `${'R'.repeat(32)}-dossier`],
  ])('identifies %s', (_, reference, doc, expected) => {
    const id = documentIdentificatie(reference, doc);
    expect(id).toBe(expected);
    expect(id.length).toBeLessThanOrEqual(40);
  });

  it('sends the content inline as base64 with the fields the Documenten API requires', () => {
    const body = documentBody({
      rsin: '002564440',
      informatieobjecttype: 'https://ztc.example/informatieobjecttypen/1',
      identificatie: 'REG-1-dossier',
      titel: `  Zaakdossier\n ${'x'.repeat(300)}`,
      bestandsnaam: 'zaakdossier-REG-1.pdf',
      formaat: 'application/pdf',
      content: Buffer.from('%PDF-1.7'),
      creatiedatum: '2026-03-01',
    });
    expect(body).toMatchObject({
      bronorganisatie: '002564440',
      auteur: 'Regie',
      taal: 'dut',
      inhoud: Buffer.from('%PDF-1.7').toString('base64'),
      bestandsomvang: 8,
    });
    expect((body.titel as string).length).toBe(200);
    expect(body.titel as string).toMatch(/^Zaakdossier x/);
  });
});

describe('the Catalogi API (docs/product.md#zgw-zaaktype-choice)', () => {
  it.each([
    ['a next page of the same API', 'https://ztc.example/catalogi/api/v1/zaaktypen?page=2', true],
    ['no next page', null, false],
    ['another host', 'https://evil.example/catalogi/api/v1/zaaktypen?page=2', false],
    ['another path on the host', 'https://ztc.example/other/zaaktypen?page=2', false],
    ['not a URL', 'page 2', false],
  ])('follows %s: %s', (_, next, expected) => {
    expect(followable(next, 'https://ztc.example/catalogi/api/v1')).toBe(expected);
  });

  it('orders status types by volgnummer', () => {
    expect(byVolgnummer([{ volgnummer: 3 }, { volgnummer: 1 }, { volgnummer: 2 }]).map((s) => s.volgnummer)).toEqual([1, 2, 3]);
  });
});
