#!/usr/bin/env node
// Compiles the server (src/) to plain JavaScript in dist/ with tsconfig.build.json.
// `--if-needed` (what `npm start` runs first): only when dist/ is missing or older
// than the sources, so a fresh clone needs nothing but `npm ci && npm start`.
//
// tsc writes into a fresh sibling directory that then replaces dist/ in one
// rename, so a `regie` command started meanwhile never runs half a build.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_CLI, compiledIsCurrent } from './compiled.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.includes('--if-needed') && compiledIsCurrent()) process.exit(0);

const tsc = join(root, 'node_modules/typescript/bin/tsc');
if (!existsSync(tsc)) {
  // A production install without dev dependencies runs what was built.
  if (existsSync(COMPILED_CLI) && process.argv.includes('--if-needed')) process.exit(0);
  console.error('TypeScript ontbreekt om de server te bouwen: voer `npm ci` uit, of `npm run build` vóór `npm prune --omit=dev`.');
  process.exit(1);
}

console.log('Server bouwen (tsc)…');
const out = join(root, `dist.${process.pid}.tmp`);
const old = join(root, `dist.${process.pid}.old`);
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(out, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
const dist = join(root, 'dist');
if (existsSync(dist)) renameSync(dist, old);
renameSync(out, dist);
rmSync(old, { recursive: true, force: true });
