// The municipality's own look over HTTP (docs/product.md#the-municipalitys-own-look):
// the admin sets contact details, a primary colour white text stays readable on and a
// small logo; the public reads them; the logo is served by Regie itself with headers
// that keep even a hostile SVG from running anything.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { buildMunicipality, buildUser, type TestMunicipality } from '../../testing/factories.js';
import { withTestApp } from '../../testing/http.js';

const t = withTestApp();
let m: TestMunicipality;
let admin: Record<string, string>;
let director: Record<string, string>;

beforeAll(async () => {
  m = await buildMunicipality(t.db);
  admin = await t.login((await buildUser(t.db, m, { role: 'admin' })) as Actor);
  director = await t.login((await buildUser(t.db, m, { role: 'director' })) as Actor);
});

const patch = (body: Record<string, unknown>, headers = admin) => t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers, payload: body });
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#01689b"/></svg>';
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]);

/** A 400 problem+json naming the field, with a Dutch reason containing `reason` when given. */
function refusedField(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, field: string, reason?: string) {
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const fields = (res.json() as { invalidParams?: { name: string; reason: string }[] }).invalidParams ?? [];
  const hit = fields.find((f) => f.name === field);
  expect(hit, JSON.stringify(res.json())).toBeDefined();
  if (reason) expect(hit?.reason).toContain(reason);
}

describe('settings: contact details and look', () => {
  it('stores contact, colour and logo, and the public info and theme stylesheet show them', async () => {
    const res = await patch({
      contactEmail: 'Info@Gemeente.example.nl',
      contactPhone: '14 030',
      contactWebsite: 'https://www.gemeente.example.nl/contact',
      primaryColor: '#01689B',
      logo: b64(svg),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      contactEmail: 'info@gemeente.example.nl',
      contactPhone: '14 030',
      contactWebsite: 'https://www.gemeente.example.nl/contact',
      primaryColor: '#01689b',
    });
    expect(res.json().logoUrl).toMatch(new RegExp(`^/api/v1/municipalities/${m.slug}/logo\\?v=\\d+$`));

    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      contactEmail: 'info@gemeente.example.nl',
      contactPhone: '14 030',
      contactWebsite: 'https://www.gemeente.example.nl/contact',
      primaryColor: '#01689b',
      logoUrl: res.json().logoUrl,
    });

    const css = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}/theme.css` });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['x-content-type-options']).toBe('nosniff');
    expect(css.body).toContain('--utrecht-button-primary-action-background-color: #01689b;');
    expect(css.body).toContain('--utrecht-link-color: #01689b;');

    const logo = await t.app.inject({ method: 'GET', url: res.json().logoUrl });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toContain('image/svg+xml');
    expect(logo.body).toBe(svg);

    // Cleared again: empty text removes a contact detail, null the colour and the logo.
    const cleared = await patch({ contactPhone: '', primaryColor: null, logo: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ contactPhone: null, primaryColor: null, logoUrl: null, contactEmail: 'info@gemeente.example.nl' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}/logo` })).statusCode).toBe(404);
    const plain = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}/theme.css` });
    expect(plain.body).not.toContain('--utrecht-button-primary-action-background-color');
  });

  it('refuses a colour white text is unreadable on, with a Dutch reason, and a malformed colour', async () => {
    refusedField(
      await patch({ primaryColor: '#ffcc00' }),
      'primaryColor',
      'Witte tekst op deze kleur is slecht leesbaar: het contrast moet ten minste 4,5:1 zijn',
    );
    refusedField(await patch({ primaryColor: 'red' }), 'primaryColor', 'Geef de kleur als #rrggbb');
    refusedField(await patch({ primaryColor: '#12345' }), 'primaryColor', 'Geef de kleur als #rrggbb');
    expect((await patch({ primaryColor: '#01689b' })).statusCode).toBe(200);
    // A refused change leaves the stored colour as it was.
    await patch({ primaryColor: '#ffcc00' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin })).json().primaryColor).toBe('#01689b');
  });

  it('refuses a bad e-mail address, a website that is not https and a phone number that is too long or has a line break', async () => {
    refusedField(await patch({ contactEmail: 'geen-adres' }), 'contactEmail');
    refusedField(await patch({ contactWebsite: 'http://www.gemeente.example.nl' }), 'contactWebsite', 'https://');
    refusedField(await patch({ contactWebsite: 'javascript:alert(1)' }), 'contactWebsite', 'https://');
    refusedField(await patch({ contactWebsite: `https://www.example.nl/${'a'.repeat(300)}` }), 'contactWebsite');
    refusedField(await patch({ contactPhone: '0'.repeat(41) }), 'contactPhone');
    refusedField(await patch({ contactPhone: '030\n123' }), 'contactPhone');
  });

  it('refuses a logo that is too large or not a PNG or SVG; accepts a PNG', async () => {
    const big = `<svg xmlns="http://www.w3.org/2000/svg"><!--${'x'.repeat(101 * 1024)}--></svg>`;
    refusedField(await patch({ logo: b64(big) }), 'logo', 'Het logo is te groot');
    refusedField(await patch({ logo: b64('<html><body><script>alert(1)</script></body></html>') }), 'logo', 'PNG- of SVG-bestand');
    refusedField(await patch({ logo: b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0])) }), 'logo', 'PNG- of SVG-bestand');
    refusedField(await patch({ logo: 'dit is geen base64!' }), 'logo');

    const ok = await patch({ logo: png.toString('base64') });
    expect(ok.statusCode, ok.body).toBe(200);
    const logo = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}/logo` });
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.rawPayload.equals(png)).toBe(true);
  });

  it('serves an SVG with a script sandboxed: no script, no outside resources, shown inline only', async () => {
    const evil =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><image href="https://evil.example/x.png"/></svg>';
    expect((await patch({ logo: b64(evil) })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}/logo` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain('sandbox');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['last-modified']).toBeDefined();
  });

  it('lets only the admin change the look, and the page CSP still refuses outside images', async () => {
    const res = await patch({ primaryColor: '#01689b' }, director);
    expect(res.statusCode).toBe(403);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${m.slug}` });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/img-src 'self' data:(;|$)/);
  });

  it('answers 404 for an unknown municipality', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/bestaat-niet/logo' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/bestaat-niet/theme.css' })).statusCode).toBe(404);
  });
});
