// The API client over a stubbed fetch: what every request carries (language, CSRF
// token on writes, If-Match) and how answers become data or an ApiError.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Api = typeof import('./api.js');
let m: Api;
const sent: Request[] = [];
let reply: (req: Request) => Response | Promise<Response> = () => Response.json({});

beforeAll(async () => {
  // The browser resolves /api/v1/… against the page; Node's Request needs an origin.
  class PageRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, 'https://regie.test') : input, init);
    }
  }
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', async (req: Request) => {
    sent.push(req);
    return reply(req);
  });
  m = await import('./api.js');
});
afterEach(() => {
  sent.length = 0;
  m.setCsrfToken(null);
});
// The next test file in this worker gets the real fetch back (vitest.config.ts: workers are shared).
afterAll(() => {
  vi.unstubAllGlobals();
});

const problem = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('the API client', () => {
  it('sends the language and leaves empty filters out of the query', async () => {
    reply = () => Response.json({ items: [], nextCursor: null });
    m.setApiLanguage('en');
    m.setCsrfToken('csrf-1');
    await m.api.cases({ status: 'intake', q: '', director: undefined });
    const req = sent[0] as Request;
    expect(req.method).toBe('GET');
    expect(new URL(req.url).pathname + new URL(req.url).search).toBe('/api/v1/cases?status=intake');
    expect(req.headers.get('accept-language')).toBe('en');
    expect(req.headers.get('accept')).toBe('application/json, application/problem+json');
    expect(req.headers.get('x-csrf-token')).toBeNull(); // reads carry no CSRF token
    expect(req.headers.get('content-type')).toBeNull();
    m.setApiLanguage('nl');
  });

  it('sends the CSRF token, a JSON body and If-Match with the version on an update', async () => {
    reply = () => Response.json({ id: 'c1' });
    m.setCsrfToken('csrf-2');
    await m.api.suspend({ id: 'c1', version: 7 } as Parameters<Api['api']['suspend']>[0], 'wacht op advies');
    const req = sent[0] as Request;
    expect(req.method).toBe('POST');
    expect(new URL(req.url).pathname).toBe('/api/v1/cases/c1/suspension');
    expect(req.headers.get('x-csrf-token')).toBe('csrf-2');
    expect(req.headers.get('if-match')).toBe('"7"');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(await req.json()).toEqual({ reason: 'wacht op advies' });
  });

  it('sends no Content-Type without a body and answers null for 204', async () => {
    reply = () => new Response(null, { status: 204 });
    expect(await m.api.logout()).toBeNull();
    expect(sent[0]?.headers.get('content-type')).toBeNull();
  });

  it('turns problem+json into an ApiError with the offending fields', async () => {
    reply = () =>
      problem(400, { type: 'x', title: 'Ongeldige invoer', status: 400, detail: 'title: verplicht', invalidParams: [{ name: 'title', reason: 'verplicht' }] });
    const e = await m.api.createRule({} as Parameters<Api['api']['createRule']>[0]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(m.ApiError);
    expect(e).toMatchObject({ status: 400, title: 'Ongeldige invoer', detail: 'title: verplicht', invalidParams: [{ name: 'title', reason: 'verplicht' }] });
  });

  it('marks a 412 as stale and names a non-JSON error by its status text', async () => {
    reply = () => problem(412, { type: 'x', title: 'Gewijzigd', status: 412 });
    expect(await m.api.resume({ id: 'c1', version: 3 } as Parameters<Api['api']['resume']>[0]).catch((x: { stale: boolean }) => x.stale)).toBe(true);
    reply = () => new Response('<html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } });
    expect(await m.api.me().catch((x: InstanceType<Api['ApiError']>) => [x.status, x.title, x.invalidParams])).toEqual([502, 'Bad Gateway', []]);
  });

  it('reports an unreachable server as status 0 and lets an abort stay an abort', async () => {
    reply = () => Promise.reject(new TypeError('fetch failed'));
    expect(await m.api.me().catch((x: InstanceType<Api['ApiError']>) => x.status)).toBe(0);
    reply = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    expect(await m.api.me().catch((x: Error) => x.name)).toBe('AbortError');
  });
});
