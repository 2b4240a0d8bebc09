// Security headers on web pages and API answers: a strict Content-Security-Policy,
// nosniff, no framing, no referrer; HSTS only when cookies are secure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testDeps } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';
import type { App } from './server.js';

const t = withTestApp();
let secure: App;
beforeAll(async () => {
  secure = await buildApp({ ...testDeps(t.db), config: { ...t.deps.config, secureCookies: true } });
  await secure.ready();
});
afterAll(async () => {
  await secure?.close();
});

describe('security headers', () => {
  it.each([
    ['a web page', '/zaken'],
    ['an API answer', '/api/v1/health'],
    ['an API refusal', '/api/v1/me'],
  ])('are on %s', async (_label, url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and the https upgrade when cookies are secure', async () => {
    const res = await secure.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
