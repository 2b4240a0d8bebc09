import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { listPages, serverSecret } from './secret.js';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'regie-secret-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the server's secret", () => {
  it('is SECRET_KEY when set, and refuses one too short to be a secret', () => {
    const secret = 's'.repeat(40);
    expect(serverSecret(loadConfig({ SECRET_KEY: secret, DATA_DIR: fresh() }))).toBe(secret);
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY/);
  });

  it('is otherwise made once in DATA_DIR/secret.key, readable by its owner only, and kept', () => {
    const dataDir = fresh();
    const first = serverSecret({ secret: undefined, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(first);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(serverSecret({ secret: undefined, dataDir })).toBe(first);
    // another data folder, another key
    expect(serverSecret({ secret: undefined, dataDir: fresh() })).not.toBe(first);
  });

  it('signs cursors per list: a cursor of one list is refused by another', () => {
    const config = { secret: 'k'.repeat(40), dataDir: fresh() };
    const row = { at: '2026-03-02T09:00:00.000Z', id: '00000000-0000-4000-8000-000000000001' };
    const { nextCursor } = listPages(config, 'cases').page([row, row], 1, (r) => ({ s: r.at, i: r.id }));
    expect(listPages(config, 'cases').decode(nextCursor as string)).toEqual({ s: row.at, i: row.id });
    expect(() => listPages(config, 'commitments').decode(nextCursor as string)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => listPages({ ...config, secret: 'o'.repeat(40) }, 'cases').decode(nextCursor as string)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
