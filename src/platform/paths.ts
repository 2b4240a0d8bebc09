// Files Regie reads at run time (the SQL migrations, the built web app) live in the
// checkout beside package.json. Found by walking up from this file, so the same code
// works from the sources (src/, through tsx and in tests) and from the compiled
// build (dist/src/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
