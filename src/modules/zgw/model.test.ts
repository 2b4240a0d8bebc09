// The pure rules of the ZGW registration (docs/product.md#zgw-registration).
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { baseUrlProblem, isRsin, omschrijving, retryDelaySeconds, zaakBody, zgwJwt } from './model.js';

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
