import { configDefaults, defineConfig } from 'vitest/config';

// Projects (select with `--project NAME`):
//   unit      src/**/*.test.ts (not *.int.test.ts) and the web app's web/src/**/*.test.ts
//   pglite    src/**/*.int.test.ts against in-process PGlite
//   postgres  the same *.int.test.ts files against the real server of `npm test`,
//             and the *.pg.test.ts files, which only make sense there
//   e2e       e2e/**/*.e2e.ts, each file with its own server and Chromium
// The DB factory picks the database from REGIE_TEST_DB; REGIE_TEST_PG_URL comes
// from scripts/test.mjs, which starts a throwaway PostgreSQL cluster. The global
// setup migrates one database per engine and run; test files get copies of it.
const prepareDatabase = 'src/testing/global-setup.ts';
export default defineConfig({
  test: {
    pool: 'forks',
    // Every test file in a process of its own. A worker that runs file after file
    // (isolate: false) halves the suite's time, but a test that starts an OpenID
    // provider and logs in then once waited two minutes in such a long-lived process,
    // as it did twice when the browser tests shared one process; never in a fresh one.
    maxWorkers: 2,
    minWorkers: 1,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000, // beforeAll hooks create databases
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.int.test.ts', 'src/**/*.pg.test.ts'],
          env: { REGIE_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: { name: 'pglite', include: ['src/**/*.int.test.ts', 'bench/**/*.int.test.ts'], env: { REGIE_TEST_DB: 'pglite' }, globalSetup: [prepareDatabase] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.int.test.ts', 'src/**/*.pg.test.ts', 'bench/**/*.int.test.ts'],
          env: { REGIE_TEST_DB: 'postgres' },
          globalSetup: [prepareDatabase],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file starts its own Regie, copy of the demo database, SMTP server and
          // Chromium (e2e/support.ts, startE2E), so they run beside the other files.
        },
      },
    ],
  },
});
