// Once per test run, before any test file of the `pglite` or `postgres` project:
// migrate the database every test database of that engine is copied from, so that
// the workers, which start in parallel, find it ready (prepared-db.ts).
import type { TestProject } from 'vitest/node';
import { preparedPGlite, preparedTemplate } from './prepared-db.js';

export default async function setup(project: TestProject): Promise<void> {
  const engine = project.config.env?.REGIE_TEST_DB;
  if (engine === 'pglite') await preparedPGlite();
  // Without a server the tests themselves say how to run them (factories.ts).
  else if (engine === 'postgres' && process.env.REGIE_TEST_PG_URL) await preparedTemplate(process.env.REGIE_TEST_PG_URL);
}
