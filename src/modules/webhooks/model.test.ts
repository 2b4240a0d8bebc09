// The pure rules of webhooks (docs/product.md#webhooks): the published types, the
// target URL, the CloudEvent and its personal data, the signature, retries.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { CaseEvent } from '../timeline/index.js';
import { afterAttempt, buildCloudEvent, type DeliveryFacts, EVENT_NAMES, nameOf, PUBLISHED, retryDelaySeconds, sequenceOf, urlProblem } from './model.js';

describe('the published event types', () => {
  it('maps each kind to the name the migration publishes it under', () => {
    // The trigger reads webhook_event_types; model.ts is what the API and the docs say.
    const sql = readFileSync(new URL('../../../db/migrations/026_webhooks.sql', import.meta.url), 'utf8');
    const rows = [...sql.matchAll(/\('([a-zA-Z.]+)', '([a-z-]+)'\)/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(PUBLISHED).map(([kind, p]) => [kind, p.name]));
  });

  it('publishes only kinds the event log knows, each under a name of its own', () => {
    const known = CaseEvent.options.map((o) => o.shape.type.value);
    expect(Object.keys(PUBLISHED).filter((k) => !known.includes(k as never))).toEqual([]);
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it.each([
    ['a status change', 'case.statusChanged', 'zaak-status-gewijzigd'],
    ['a plan agreed', 'plan.agreed', 'plan-akkoord'],
    ['a commitment recorded', 'commitment.recorded', 'toezegging-vastgelegd'],
    ['the test event', 'webhook.test', 'test'],
    ['a kind that is not published', 'something.else', null],
  ])('%s', (_label, kind, name) => {
    expect(nameOf(kind)).toBe(name);
  });

  it('names only fields the event has', () => {
    for (const o of CaseEvent.options) {
      const kind = o.shape.type.value as keyof typeof PUBLISHED;
      const fields: readonly string[] = PUBLISHED[kind]?.fields ?? [];
      const payload = Object.keys(o.shape.payload.shape);
      expect(
        fields.filter((f) => !payload.includes(f)),
        kind,
      ).toEqual([]);
    }
  });
});

describe('the target URL', () => {
  it.each([
    ['https will do', 'https://zaken.example.nl/regie/events', false, null],
    ['a port and a query will do', 'https://zaken.example.nl:8443/in?bron=regie', false, null],
    ['http is refused by default', 'http://zaken.example.nl/in', false, 'error.webhookUrlHttps'],
    ['http where the installation allows it', 'http://127.0.0.1:9000/in', true, null],
    ['another scheme never', 'ftp://zaken.example.nl/in', true, 'error.webhookUrlScheme'],
    ['no user name', 'https://regie@zaken.example.nl/in', false, 'error.webhookUrlCredentials'],
    ['no password', 'https://regie:geheim@zaken.example.nl/in', false, 'error.webhookUrlCredentials'],
    ['not a URL', 'zaken.example.nl/in', false, 'error.webhookUrlInvalid'],
    ['too long', `https://zaken.example.nl/${'a'.repeat(2000)}`, false, 'error.webhookUrlTooLong'],
  ])('%s', (_label, url, allowHttp, problem) => {
    expect(urlProblem(url, allowHttp)).toBe(problem);
  });
});

const facts = (over: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  deliveryId: '7b2f3c1e-0000-4000-8000-000000000001',
  kind: 'case.statusChanged',
  event: {
    id: 42,
    payload: { from: 'intake', to: 'planning', reason: 'Mevrouw Jansen belde', planDueOn: '2026-04-13' },
    at: new Date('2026-03-02T08:00:00Z'),
    caseId: '11111111-2222-4333-8444-555555555555',
  },
  caseReference: 'VB-2026-0007',
  municipality: { slug: 'voorbeeld', oin: '00000001001234567000' },
  createdAt: new Date('2026-03-02T08:00:00Z'),
  publicUrl: 'https://regie.voorbeeld.nl',
  personalData: false,
  ...over,
});

describe('the CloudEvent', () => {
  it('has the NL GOV shape: specversion, id, source with the OIN, type with the municipality, time, subject, dataref, sequence', () => {
    const e = buildCloudEvent(facts());
    expect(e).toEqual({
      specversion: '1.0',
      id: '7b2f3c1e-0000-4000-8000-000000000001',
      source: 'urn:nld:oin:00000001001234567000:systeem:regie',
      type: 'nl.voorbeeld.regie.zaak-status-gewijzigd',
      time: '2026-03-02T08:00:00.000Z',
      subject: '11111111-2222-4333-8444-555555555555',
      datacontenttype: 'application/json',
      dataref: 'https://regie.voorbeeld.nl/api/v1/cases/11111111-2222-4333-8444-555555555555',
      sequence: '00000000000000000042',
      data: {
        caseId: '11111111-2222-4333-8444-555555555555',
        reference: 'VB-2026-0007',
        event: { id: '42', kind: 'case.statusChanged' },
        details: { from: 'intake', to: 'planning', planDueOn: '2026-04-13' },
        links: {
          case: 'https://regie.voorbeeld.nl/api/v1/cases/11111111-2222-4333-8444-555555555555',
          timeline: 'https://regie.voorbeeld.nl/api/v1/cases/11111111-2222-4333-8444-555555555555/events',
        },
      },
    });
  });

  it('carries free text and names only when the subscription allows personal data', () => {
    const without = JSON.stringify(buildCloudEvent(facts()));
    expect(without).not.toContain('Jansen');
    const withData = buildCloudEvent(facts({ personalData: true }));
    expect(withData.data.details).toEqual({ from: 'intake', to: 'planning', reason: 'Mevrouw Jansen belde', planDueOn: '2026-04-13' });
  });

  it('keeps a note and a message to ids and links without personal data', () => {
    const note = buildCloudEvent(facts({ kind: 'note.added', event: { id: 7, payload: { text: 'Bel dhr. de Vries' }, at: new Date(0), caseId: null } }));
    expect(note.data.details).toEqual({});
    expect(JSON.stringify(note)).not.toContain('Vries');
  });

  it('makes the test event without a case', () => {
    const e = buildCloudEvent(facts({ kind: 'webhook.test', event: null }));
    expect(e).toMatchObject({ type: 'nl.voorbeeld.regie.test', subject: 'test', data: { test: true } });
    expect(e.dataref).toBeUndefined();
  });

  it('orders sequences as strings the way the numbers go', () => {
    expect([sequenceOf(10), sequenceOf(9), sequenceOf(100)].sort()).toEqual([sequenceOf(9), sequenceOf(10), sequenceOf(100)]);
  });
});

describe('the signature (Standard Webhooks)', () => {
  // The example of the Standard Webhooks specification: secret, id, timestamp, body and
  // the signature it gives.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = new Date(1614265330 * 1000);
  const body = '{"test": 2432232314}';

  it('signs "id.timestamp.body" with HMAC-SHA256 as the specification does', () => {
    expect(new Webhook(secret).sign(id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

describe('retries and the dead letter', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [8, 3840],
    [20, 21600],
  ])('after %i failed attempts the next is %i s later', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });

  it.each([
    ['a 2xx answer delivers', true, 1, { status: 'delivered' }],
    ['a failure before the last attempt waits', false, 3, { status: 'pending', retryInSeconds: 120 }],
    ['the last failed attempt goes to the dead letter', false, 8, { status: 'dead' }],
    ['a success on the last attempt still delivers', true, 8, { status: 'delivered' }],
  ] as const)('%s', (_label, ok, attempts, expected) => {
    expect(afterAttempt({ ok }, attempts, 8)).toEqual(expected);
  });
});
