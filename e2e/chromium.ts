// The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's
// /usr/bin/chromium when installed, else the headless Chromium that the
// `@sparticuz/chromium` dev dependency ships, so that `npm test` needs nothing but
// Node. Nothing is downloaded: that package carries the browser, the libraries it
// needs beyond libc (NSS, expat), SwiftShader and fonts as brotli files, which are
// unpacked once into node_modules/.cache.
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import type { LaunchOptions } from 'playwright-core';
import { extract } from 'tar';

export interface ChromiumChoice {
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  launch: LaunchOptions;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Keep the browser from calling home during tests.
const QUIET_ARGS = ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  if (env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', launch: systemLaunch(env.CHROMIUM_PATH) };
  if (isExecutable(SYSTEM_CHROMIUM)) return { source: 'system', launch: systemLaunch(SYSTEM_CHROMIUM) };
  return { source: '@sparticuz/chromium', launch: await bundledChromium() };
}

function systemLaunch(executablePath: string): LaunchOptions {
  return { executablePath, args: ['--no-sandbox', '--disable-gpu', ...QUIET_ARGS] };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launch options for the Chromium inside `@sparticuz/chromium`, unpacked on first use. */
export async function bundledChromium(): Promise<LaunchOptions> {
  // Its binary is built for Amazon Linux on x86-64, and runs on any glibc Linux there.
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no Chromium found: set CHROMIUM_PATH (the Chromium of @sparticuz/chromium runs on Linux x64 only, this is ${process.platform}-${process.arch})`,
    );
  }
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  const pkg = packageRoot('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(pkg, '../../.cache/regie-chromium', version);
  if (!existsSync(join(dir, 'chromium'))) await unpack(join(pkg, 'bin'), dir);
  // Its recommended flags, less the two that switch off the same-origin policy and
  // mixed-content blocking (the tests should see the browser's real security
  // rules) and --single-process, which a Lambda needs but which crashes the
  // browser when a test closes one of several contexts.
  const dropped = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
  return {
    executablePath: join(dir, 'chromium'),
    args: [...Sparticuz.args.filter((a) => !dropped.has(a)), ...QUIET_ARGS],
    env: {
      ...definedEntries(process.env),
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: dir,
    },
  };
}

/**
 * Unpacks into a temporary sibling and renames it into place, so that a run that is
 * interrupted, or two runs at once, never leave a half-written browser behind.
 */
async function unpack(bin: string, dir: string): Promise<void> {
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(tmp, 'chromium'), { mode: 0o755 }));
    // SwiftShader's GL libraries beside the binary, where Chromium looks for them;
    // lib/ (NSS, expat) goes on LD_LIBRARY_PATH; fonts/ with our own fonts.conf.
    for (const archive of ['swiftshader.tar.br', 'al2023.tar.br', 'fonts.tar.br']) {
      await extract({ file: join(bin, archive), cwd: tmp, brotli: true, preserveOwner: false });
    }
    writeFileSync(
      join(tmp, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another run unpacked the same version first; theirs is as good as ours.
      if (!existsSync(join(dir, 'chromium'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function packageRoot(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json of ${name} above ${dir}`);
    dir = up;
  }
  return dir;
}

function definedEntries(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
