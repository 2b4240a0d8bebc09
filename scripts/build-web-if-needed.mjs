#!/usr/bin/env node
// Before `npm start`: build the web app when web/dist is missing or older than its
// sources, so a fresh clone needs nothing but `npm ci && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(join(root, 'web/index.html'))) process.exit(0); // no web app in this checkout
const sources = [join(root, 'web/src'), join(root, 'web/index.html'), join(root, 'web/vite.config.ts')].filter(existsSync);
const sourceTime = Math.max(0, ...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
if (existsSync(dist) && statSync(dist).mtimeMs >= sourceTime) process.exit(0);

console.log('Webapp bouwen (eenmalig, duurt even)…');
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
