// One process per PGlite data directory: the lock file and what happens around it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './index.js';
import { DataDirInUse, lockDataDir, lockFileOf } from './lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'regie-lock-'));

/** The PID of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  expect(child.status).toBe(0);
  return child.pid as number;
}

describe('PGlite data directory lock', () => {
  it('refuses a second open of a directory while the first holds it, and frees it on close', async () => {
    const dir = join(freshDir(), 'pglite');
    const first = await openDatabase({ dataDir: dir });
    expect(readFileSync(lockFileOf(dir), 'utf8').trim()).toBe(String(process.pid));

    const refused = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirInUse);
    expect((refused as Error).message).toContain(`PID ${process.pid}`);
    expect((refused as Error).message).toMatch(/Stop eerst de server/);
    expect((refused as Error).message).toMatch(/Stop the server first/);
    // The refusal left the holder's lock alone.
    expect(readFileSync(lockFileOf(dir), 'utf8').trim()).toBe(String(process.pid));

    await first.close();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    const second = await openDatabase({ dataDir: dir });
    await second.close();
  }, 60_000);

  it('takes over the lock of a process that is gone', () => {
    const dir = freshDir();
    writeFileSync(lockFileOf(dir), `${deadPid()}\n`);
    const unlock = lockDataDir(dir);
    expect(readFileSync(lockFileOf(dir), 'utf8').trim()).toBe(String(process.pid));
    unlock();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it('takes over a lock file without a PID', () => {
    const dir = freshDir();
    writeFileSync(lockFileOf(dir), '');
    lockDataDir(dir)();
  });

  it('refuses while another live process holds the directory', () => {
    const dir = freshDir();
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(lockFileOf(dir), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`PID ${process.ppid}\\b`));
    expect(readFileSync(lockFileOf(dir), 'utf8').trim()).toBe(String(process.ppid));
  });

  it('does not remove a lock that is no longer its own', () => {
    const dir = freshDir();
    const unlock = lockDataDir(dir);
    writeFileSync(lockFileOf(dir), '12345\n'); // taken over meanwhile
    unlock();
    expect(readFileSync(lockFileOf(dir), 'utf8')).toBe('12345\n');
  });
});
