// Where the compiled server lives and whether it is current: dist/src/cli.js must
// be newer than every file under src/ (tests aside: they are not built) and the
// TypeScript configs it was built with.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const COMPILED_CLI = join(root, 'dist/src/cli.js');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs; // a deleted file changes its directory
  for (const e of readdirSync(path)) if (!e.endsWith('.test.ts')) t = Math.max(t, newest(join(path, e)));
  return t;
}

export function compiledIsCurrent() {
  if (!existsSync(COMPILED_CLI)) return false;
  const sources = ['src', 'tsconfig.json', 'tsconfig.build.json'].map((p) => join(root, p)).filter(existsSync);
  // Without the sources (a deployment of dist/ alone) the build is all there is.
  return sources.every((s) => newest(s) <= statSync(COMPILED_CLI).mtimeMs);
}
