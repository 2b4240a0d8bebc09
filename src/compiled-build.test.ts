// Production runs the compiled JavaScript (`npm start`: dist/src/cli.js). Build it
// as `npm start` does and check that it serves: migrations found, the web app found,
// no TypeScript loader needed.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'regie-compiled-'));
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('the compiled server', () => {
  it('builds into dist/ and serves the API and the web app without tsx', async () => {
    // Not execFileSync: a worker blocked for the length of a build misses vitest's own messages.
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', '--if-needed'], { cwd: root });
    expect(existsSync(join(root, 'dist/src/cli.js'))).toBe(true);

    const port = await freePort();
    server = spawn(process.execPath, ['dist/src/cli.js', 'serve'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', SMTP_URL: '', REGIE_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      server?.stdout?.on('data', (d) => {
        out += String(d);
        if (out.includes('Regie draait op')) resolve();
      });
      server?.stderr?.on('data', (d) => {
        out += String(d);
      });
      server?.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });

    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    // web/dist (built before the tests) resolves from dist/src as it does from src.
    const page = await fetch(`http://127.0.0.1:${port}/zaken`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 180_000);
});
