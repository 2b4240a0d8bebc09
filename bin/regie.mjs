#!/usr/bin/env node
// The `regie` command. Runs the compiled server (dist/, see scripts/build-server.mjs)
// when it is current. In a checkout whose sources are newer it runs them through tsx
// (a dev dependency) instead, so that a command never runs yesterday's code; where
// tsx is not installed (production), what was built is what runs.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { COMPILED_CLI, compiledIsCurrent } from '../scripts/compiled.mjs';

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const tsx = compiledIsCurrent() ? undefined : await loadTsx();
if (tsx) {
  await tsx.tsImport('../src/cli.ts', import.meta.url);
} else if (existsSync(COMPILED_CLI)) {
  await import(pathToFileURL(COMPILED_CLI).href);
} else {
  console.error('Regie is niet gebouwd: voer `npm run build` uit (of `npm start`, dat bouwt wat nodig is).');
  process.exit(1);
}
