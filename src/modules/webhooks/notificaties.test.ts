// The ZGW notificatie of an event (docs/product.md#zgw-notificaties): which events
// become one, and every one valid against the `Message` schema of the official
// notificaties-1.0.0.yaml.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../testing/openapi-validator.js';
import { PUBLISHED } from './model.js';
import { buildNotificatie, describeAnswer, NOTIFICATIE_NAMES, NOTIFICATIES, notificatiesEndpoint } from './notificaties.js';

const spec = loadOpenApi(fileURLToPath(new URL('../../../test/standards/zgw/notificaties-1.0.0.yaml', import.meta.url)));
const valid = (body: unknown) => {
  const v = spec.request('#/components/schemas/Message');
  return v(body) ? [] : v.errors;
};

const CASE = '11111111-2222-4333-8444-555555555555';
const at = new Date('2026-03-02T08:00:00.000Z');
const facts = (kind: string, zaak: Parameters<typeof buildNotificatie>[0]['zaak'] = null) => ({
  kind,
  event: { id: 42, at, caseId: CASE },
  publicUrl: 'https://regie.voorbeeld.nl/',
  zaak,
});

describe('the notificatie of an event', () => {
  it('maps a confirmed case to zaak create and a status change to status create, valid per the specification', () => {
    const zaak = buildNotificatie(facts('case.confirmed'));
    expect(zaak).toEqual({
      kanaal: 'zaken',
      hoofdObject: `https://regie.voorbeeld.nl/api/v1/cases/${CASE}`,
      resource: 'zaak',
      resourceUrl: `https://regie.voorbeeld.nl/api/v1/cases/${CASE}`,
      actie: 'create',
      aanmaakdatum: '2026-03-02T08:00:00.000Z',
    });
    const status = buildNotificatie(facts('case.statusChanged'));
    expect(status).toMatchObject({ resource: 'status', actie: 'create', hoofdObject: zaak?.hoofdObject });
    expect(status?.resourceUrl).toBe(`https://regie.voorbeeld.nl/api/v1/cases/${CASE}/events#00000000000000000042`);
    expect(buildNotificatie(facts('clock.suspended'))).toMatchObject({ resource: 'zaak', actie: 'partial_update' });
    for (const kind of Object.keys(NOTIFICATIES)) expect(valid(buildNotificatie(facts(kind)))).toEqual([]);
  });

  it('points at the zaak once the case is registered, with bronorganisatie and zaaktype as kenmerken', () => {
    const zaakUrl = 'https://zaken.voorbeeld.nl/zaken/api/v1/zaken/9a0b';
    const zaaktype = 'https://ztc.voorbeeld.nl/catalogi/api/v1/zaaktypen/1';
    const n = buildNotificatie(facts('case.statusChanged', { zaakUrl, bronorganisatie: '002564440', zaaktype }));
    expect(n).toMatchObject({ hoofdObject: zaakUrl, kenmerken: { bronorganisatie: '002564440', zaaktype } });
    expect(buildNotificatie(facts('case.confirmed', { zaakUrl, bronorganisatie: null, zaaktype: null }))).toMatchObject({ resourceUrl: zaakUrl });
    expect(valid(n)).toEqual([]);
  });

  it('makes none for an event that is not in the mapping, and the mapping holds published kinds only', () => {
    expect(buildNotificatie(facts('note.added'))).toBeNull();
    expect(buildNotificatie(facts('case.assigned'))).toBeNull();
    for (const kind of Object.keys(NOTIFICATIES)) expect(kind in PUBLISHED).toBe(true);
    expect(NOTIFICATIE_NAMES).toEqual(['zaak-ingediend', 'zaak-bevestigd', 'zaak-status-gewijzigd', 'zaak-termijn-opgeschort', 'zaak-termijn-hervat']);
  });

  it('carries no personal data: only links, the action, its time and configured kenmerken', () => {
    const n = buildNotificatie(facts('case.confirmed', { zaakUrl: null, bronorganisatie: '002564440', zaaktype: null }));
    expect(Object.keys(n ?? {}).sort()).toEqual(['aanmaakdatum', 'actie', 'hoofdObject', 'kanaal', 'kenmerken', 'resource', 'resourceUrl']);
    expect(n?.kenmerken).toEqual({ bronorganisatie: '002564440' });
  });
});

describe('talking to the Notificaties API', () => {
  it('publishes on {base}/notificaties', () => {
    expect(notificatiesEndpoint('https://nrc.voorbeeld.nl/api/v1/')).toBe('https://nrc.voorbeeld.nl/api/v1/notificaties');
  });

  it('logs a problem answer with its title, detail and invalid parameters, and nothing else of the body', () => {
    const body = JSON.stringify({
      type: 'about:blank',
      code: 'invalid',
      title: 'Invalid input.',
      status: 400,
      detail: 'Kanaal bestaat niet.',
      instance: 'urn:uuid:1',
      invalidParams: [{ name: 'kanaal', code: 'invalid', reason: 'Onbekend kanaal' }],
    });
    expect(describeAnswer(400, body)).toBe('HTTP 400: Invalid input. — Kanaal bestaat niet. — kanaal: Onbekend kanaal');
    expect(describeAnswer(403, '<html>nee</html>')).toBe('HTTP 403');
    expect(describeAnswer(500, JSON.stringify({ detail: 'x'.repeat(900) }))).toHaveLength(500);
  });
});
