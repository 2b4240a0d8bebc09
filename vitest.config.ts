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
    // A worker runs file after file of a project without starting afresh: the modules
    // (PGlite's WebAssembly, the app) are loaded once per worker, not once per file,
    // which halves the suite's time. Test files therefore leave nothing global behind:
    // each makes its own databases and servers, and a stub of a global is undone
    // after its file (web/src/api.test.ts).
    poolOptions: { forks: { isolate: false } },
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
          // Chromium (e2e/support.ts, startE2E), so two files run at a time.
        },
      },
    ],
  },
});
