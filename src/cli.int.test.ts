// The `regie` command as a user runs it: a fresh data directory (or the PostgreSQL
// server of the test run), migrate, add a user, create a token, serve with the demo.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from './testing/factories.js';
import { createDatabase } from './testing/pg-cluster.js';

const dataDir = mkdtempSync(join(tmpdir(), 'regie-cli-'));
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  env = { ...process.env, DATA_DIR: dataDir, SMTP_URL: '', DATABASE_URL: '' };
  if (TEST_ENGINE === 'postgres')
    env.DATABASE_URL = await createDatabase(process.env.REGIE_TEST_PG_URL as string, `regie_cli_${randomBytes(4).toString('hex')}`);
});

// Asynchronous: five commands in a row with execFileSync would block the test worker
// for minutes on a busy machine, longer than vitest waits for its worker's messages.
const regie = async (...args: string[]) => (await promisify(execFile)(process.execPath, ['bin/regie.mjs', ...args], { env, encoding: 'utf8' })).stdout;
/** The same, reporting the exit code and both outputs instead of throwing. */
const regieAsync = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['bin/regie.mjs', ...args], { env, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
let serverPort = 0;
afterAll(() => {
  server?.kill('SIGTERM');
});

describe('regie command', () => {
  it('migrates, seeds, adds a user and creates a token', async () => {
    expect(await regie('migrate')).toContain('Migraties uitgevoerd');
    expect(await regie('seed-demo')).toContain('coordinator@voorbeeld.nl');
    expect(
      await regie(
        'user',
        'add',
        '--municipality',
        'voorbeeld',
        '--email',
        'nieuw@voorbeeld.nl',
        '--name',
        'Nieuwe Regisseur',
        '--role',
        'director',
        '--password',
        'een-lang-wachtwoord',
      ),
    ).toContain('nieuw@voorbeeld.nl');
    expect((await regie('token', 'create', '--email', 'nieuw@voorbeeld.nl')).trim()).toMatch(/^regie_[\w-]{40,}$/);
    await expect(regie('user', 'add', '--municipality', 'nergens', '--email', 'x@y.nl', '--name', 'X', '--role', 'director')).rejects.toThrow();
  }, 120_000);

  it('serves the API with the demo municipality and prints how to log in', async () => {
    const port = await freePort();
    serverPort = port;
    server = spawn(process.execPath, ['bin/regie.mjs', 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      server?.stdout?.on('data', (d) => {
        out += String(d);
        if (out.includes('wachtwoord:')) resolve();
      });
      server?.stderr?.on('data', (d) => {
        out += String(d);
      });
      server?.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    expect(out).toContain(`http://localhost:${port}`);
    expect(out).toContain('beheer@voorbeeld.nl');
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: TEST_ENGINE });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@voorbeeld.nl', password: 'regie-demo-2026' }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).municipalityName).toBe('Gemeente Voorbeeld');
  }, 120_000);

  it('never writes a database that the running server holds: refuses beside it (PGlite), works once it has stopped', async () => {
    const running = server as ChildProcess;
    expect(running.exitCode).toBeNull();
    const tokenWorks = async (token: string) =>
      (await fetch(`http://127.0.0.1:${serverPort}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    if (TEST_ENGINE === 'pglite') {
      // PGlite lives inside the server's process: a second process must not open its folder.
      const refused = await regieAsync('token', 'create', '--email', 'nieuw@voorbeeld.nl');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`PID ${running.pid}`);
      expect(refused.stderr).toContain('Stop eerst de server');
      expect(refused.stderr).toContain('Stop the server first');
      expect(refused.stdout).not.toMatch(/regie_/);
    } else {
      // A PostgreSQL server is shared: the running server sees the new token at once.
      const created = await regieAsync('token', 'create', '--email', 'nieuw@voorbeeld.nl');
      expect(created.code).toBe(0);
      expect(await tokenWorks(created.stdout.trim())).toBe(200);
    }

    // SIGTERM while a request is in flight: the server stops accepting, answers it,
    // closes the database and exits 0. `Expect: 100-continue` tells when the server has
    // the request (it answers "100 Continue" once it has read the headers); the body
    // follows only after the signal.
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    // A keep-alive connection, as browsers and proxies keep them: it must not hold the
    // shutdown open for the keep-alive timeout.
    const keepAlive = new Agent({ keepAlive: true });
    const body = JSON.stringify({ email: 'coordinator@voorbeeld.nl', password: 'regie-demo-2026' });
    const answered = new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: serverPort, method: 'POST', path: '/api/v1/auth/login', agent: keepAlive }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.setHeader('content-type', 'application/json');
      req.setHeader('content-length', Buffer.byteLength(body));
      req.setHeader('expect', '100-continue');
      req.on('error', reject);
      req.on('continue', () => {
        running.kill('SIGTERM');
        req.end(body);
      });
      req.flushHeaders();
    });
    expect(await answered).toBe(200);
    const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('still running 15 s after its last answer'), 15_000).unref());
    expect(await Promise.race([exited, deadline])).toBe(0);
    keepAlive.destroy();
    server = undefined;
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    const after = await regieAsync('token', 'create', '--email', 'nieuw@voorbeeld.nl');
    expect(after).toMatchObject({ code: 0 });
    expect(after.stdout.trim()).toMatch(/^regie_[\w-]{40,}$/);
  }, 120_000);

  it('stops cleanly on a signal that arrives while it is still starting: no listening, exit 0', async () => {
    // A database of its own, fresh, so the start is still migrating when the signal comes.
    const freshDir = mkdtempSync(join(tmpdir(), 'regie-cli-early-'));
    const freshEnv: NodeJS.ProcessEnv = { ...env, DATA_DIR: freshDir };
    if (TEST_ENGINE === 'postgres')
      freshEnv.DATABASE_URL = await createDatabase(process.env.REGIE_TEST_PG_URL as string, `regie_cli_early_${randomBytes(4).toString('hex')}`);
    const port = await freePort();
    const early = spawn(process.execPath, ['bin/regie.mjs', 'serve'], {
      env: { ...freshEnv, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    early.stderr?.on('data', (d) => {
      err += String(d);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      early.once('exit', (code, signal) => resolve({ code, signal })),
    );
    // The first line comes once the handlers are there, before the database is opened.
    await new Promise<void>((resolve, reject) => {
      early.stdout?.on('data', (d) => {
        out += String(d);
        if (out.includes('Regie start')) resolve();
      });
      void exited.then(() => reject(new Error(`serve exited before starting: ${out}${err}`)));
    });
    early.kill('SIGTERM');
    const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('still running 30 s after the signal'), 30_000).unref());
    expect(await Promise.race([exited, deadline])).toEqual({ code: 0, signal: null });
    expect(out).toContain('SIGTERM: Regie stopt');
    expect(out).not.toContain('Regie draait op');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    // It never listened.
    const refused = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    expect(existsSync(join(freshDir, 'pglite.lock'))).toBe(false);
  }, 120_000);
});
