// One process per PGlite data directory. PGlite is a database inside the process:
// a second process that opens the same folder (a `regie` command beside a running
// server) writes behind the first one's back, and the first never sees it, or the
// files get damaged. So the opener leaves a lock file with its PID beside the folder
// (./data/pglite.lock for ./data/pglite: inside it, it would stop PGlite's initdb,
// which wants an empty folder) and removes it on close; a lock whose process is gone
// (a crash, a kill -9) is taken over.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const lockFileOf = (dataDir: string) => `${resolve(dataDir)}.lock`;

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `De datamap ${dataDir} is in gebruik door een ander Regie-proces (PID ${pid}). Stop eerst de server, of doe dit via de API.\n` +
        `The data directory ${dataDir} is in use by another Regie process (PID ${pid}). Stop the server first, or use the API.\n` +
        `(${lockFileOf(dataDir)}: verwijder dit bestand alleen als dat proces niet meer bestaat / remove this file only if that process no longer exists.)`,
    );
    this.name = 'DataDirInUse';
  }
}

/** Takes the data directory for this process; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const path = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(path)) return release(path);
    const pid = readPid(path);
    if (pid === undefined) continue; // gone in between: try again
    if (isAlive(pid)) throw new DataDirInUse(dataDir, pid);
    takeOverStale(path, pid);
  }
  throw new Error(`could not lock ${dataDir}: ${path} keeps changing`);
}

/**
 * Creates the lock file with our PID, atomically: like open(path, 'wx'), link() fails
 * when the file exists, and the lock file never exists without its PID in it (which
 * open-then-write would allow for a moment).
 */
function create(path: string): boolean {
  const own = `${path}.${process.pid}`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(own);
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    // Unreadable content cannot name a live process; 0 makes it count as stale.
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Signal 0 tests for the process without touching it; EPERM: it exists, as another user. */
function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a lock whose process is gone. Two processes may find the same stale lock;
 * renaming it away first means only one of them removes it, and one that finds it
 * has meanwhile become a live lock puts it back.
 */
function takeOverStale(path: string, stalePid: number) {
  const claimed = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, claimed);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else was first
    throw err;
  }
  const pid = readPid(claimed);
  if (pid !== undefined && pid !== stalePid && isAlive(pid)) {
    try {
      linkSync(claimed, path);
    } catch {} // a third process holds it now; the next attempt sees that
  }
  unlinkSync(claimed);
}

function release(path: string): () => void {
  const onExit = () => removeIfOurs(path);
  // Also when the process ends without closing the database (an error in a command).
  process.once('exit', onExit);
  return () => {
    process.removeListener('exit', onExit);
    removeIfOurs(path);
  };
}

function removeIfOurs(path: string) {
  if (readPid(path) !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {} // already gone
}
