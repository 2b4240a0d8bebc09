// Once per browser-test run: migrate a PGlite database and seed the demo
// municipalities into it (a year of history played through the real use-cases takes
// a while), then hand every test file a copy (startE2E in support.ts) instead of
// seeding again per file. Made fresh per run, never cached: the demo's dates count
// back from the moment it is seeded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../src/demo/seed.js';
import { systemClock } from '../src/kernel/clock.js';
import { dumpPGlite, openDatabase } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { testDeps } from '../src/testing/factories.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a tarball of a PGlite data directory holding the seeded demo */
    demoDump: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'regie-e2e-demo-'));
  const db = await openDatabase({});
  try {
    await migrate(db);
    await seedDemo(testDeps(db, systemClock));
    const file = join(dir, 'demo.tar');
    writeFileSync(file, Buffer.from(await (await dumpPGlite(db)).arrayBuffer()));
    project.provide('demoDump', file);
  } finally {
    await db.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
