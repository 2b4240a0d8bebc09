import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger, prettyStream } from './log.js';

describe('log configuration', () => {
  it('is JSON in production and readable elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ logFormat: 'json', logLevel: 'info' });
    expect(loadConfig({})).toMatchObject({ logFormat: 'pretty', logLevel: 'info' });
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty', LOG_LEVEL: 'warn' })).toMatchObject({ logFormat: 'pretty', logLevel: 'warn' });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('writes a request as one readable line in the pretty format', () => {
    let out = '';
    const log = createLogger(
      { logLevel: 'info', logFormat: 'pretty' },
      prettyStream({
        write: (s: string) => {
          out += s;
        },
      }),
    );
    log.child({ reqId: 'r-1' }).info({ method: 'GET', route: '/api/v1/cases/:id', status: 200, ms: 12, actorId: 'u-1' }, 'request');
    expect(out).toMatch(/^\d\d:\d\d:\d\d INFO {2}request GET \/api\/v1\/cases\/:id 200 12ms {2}req=r-1 actor=u-1\n$/);
  });

  it('leaves headers, bodies and query strings out of anything logged by hand', () => {
    const lines: string[] = [];
    const log = createLogger({ logLevel: 'info', logFormat: 'json' }, { write: (s: string) => void lines.push(s) });
    log.info({ headers: { cookie: 'regie_session=abc' }, body: { email: 'a@b.nl' }, query: { q: 'Jansen' }, route: '/x' }, 'by hand');
    expect(lines.join('')).not.toMatch(/abc|a@b\.nl|Jansen/);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ route: '/x' });
  });
});
