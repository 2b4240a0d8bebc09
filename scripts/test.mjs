#!/usr/bin/env node
// `npm test`: start a throwaway PostgreSQL cluster, run vitest against it,
// stop the cluster. Extra arguments go to vitest: `npm test -- src/kernel`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
// tsImport loads the TypeScript module without registering tsx globally.
const { startPgCluster } = await tsImport('../src/testing/pg-cluster.ts', import.meta.url);

let cluster;
let child;
let signal; // set when we are interrupted

async function finish(code) {
  // A second signal while stopping must not cut the cleanup short.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
  await cluster?.stop().catch((err) => console.error('[test] stopping PostgreSQL failed:', err));
  process.exit(code);
}

function killGroup(sig) {
  try {
    process.kill(-child.pid, sig);
  } catch {} // group already gone
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    signal = sig;
    if (child) killGroup(sig);
  });
}

try {
  cluster = await startPgCluster();
} catch (err) {
  console.error('[test] could not start PostgreSQL:', err);
  process.exit(1);
}
if (signal) await finish(signal === 'SIGTERM' ? 143 : 130);
console.log(`[test] PostgreSQL ${cluster.version} (${cluster.bin.source}, ${cluster.bin.dir}) started on 127.0.0.1:${cluster.port}`);

// The local vitest binary (what `npx vitest` would run), without npx in between.
child = spawn(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // Own process group, so that we can signal vitest together with its workers:
  // a vitest killed by SIGTERM alone leaves its fork workers running (spinning).
  detached: true,
  // The browser tests find their own Chromium (e2e/chromium.ts).
  env: { ...process.env, REGIE_TEST_PG_URL: cluster.url },
});
child.on('error', (err) => {
  console.error('[test] could not run vitest:', err);
  finish(1);
});
child.on('exit', (code, sig) => {
  killGroup('SIGKILL'); // sweep up workers that outlived vitest
  // Vitest's own code, unless interrupted: then the shell convention 128 + signal.
  const bySignal = signal ?? sig;
  finish(bySignal ? (bySignal === 'SIGTERM' ? 143 : 130) : (code ?? 1));
});
