// A real `regie` process for the tests that need one: the command as an operator runs
// it (bin/regie.mjs), with its own environment, on a free port.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs `regie <args>` to its end; answers its exit code and both outputs (never throws on a non-zero exit). */
export function regieCommand(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/regie.mjs', ...args], { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export interface RegieServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** everything it wrote to stdout and stderr so far */
  output(): string;
  /** resolves with the exit code (or the signal) once the process has ended */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts `regie serve` and resolves once it listens (it prints where it runs). */
export async function startRegieServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<RegieServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/regie.mjs', 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`regie serve did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      if (out.includes('Regie draait op')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`regie serve exited (${code}) before it listened:\n${out}`));
    });
  });
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Polls `probe` until it holds or `timeoutMs` has passed; no fixed sleep decides anything. */
export async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
