import { defineConfig } from 'vitest/config';

/**
 * One vitest run for every Node part: contracts, service-kit, db, cockpit, bff, demo-host, the
 * stack launcher and the cross-part tests in test/. The widget is not here: it runs in a real
 * browser under @web/test-runner.
 *
 * - Test files live next to the code as `*.test.ts`. End-to-end tests are `*.e2e.test.ts`; they
 *   form their own project with a 120 s test timeout (they start servers and a browser) and run
 *   after the unit project (`sequence.groupOrder`), so they never compete with it for the CPU.
 * - Each test file gets its own database from `createTestDatabase()` (`@scc/db/testing`): on
 *   PGlite a copy of a template dump that `test/support/global-setup.ts` builds once per run;
 *   with DATABASE_URL a fresh `scc_t_*` database on that server, dropped afterwards.
 * - `pool: 'forks'`, at most two files at a time: the machine has two cores and PGlite is CPU
 *   bound, so more workers only add contention.
 */
const nodeParts = '{contracts,service-kit,db,cockpit,bff,demo-host,stack,test}';
const ignored = ['**/node_modules/**', '**/dist/**', 'widget/**', '.test-artifacts/**'];
/**
 * End-to-end tests that install and start whole processes of their own (`pnpm deploy`, tsx): they
 * take both cores for a while, so they run after the browser tests instead of beside them, where
 * they would starve the browser's timed waits.
 */
const processTests = [
  'test/borders/bff-alone.e2e.test.ts',
  'test/processes/*.e2e.test.ts',
  'bff/src/rate-limits/shared-budget.e2e.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['./test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [`${nodeParts}/**/*.test.ts`],
          exclude: [...ignored, '**/*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [`${nodeParts}/**/*.e2e.test.ts`],
          exclude: [...ignored, ...processTests],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A click travels browser → BFF → cockpit → database and back; on a busy machine that
          // takes longer than vitest's default second for `expect.poll`.
          expect: { poll: { timeout: 10_000 } },
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processTests,
          exclude: ignored,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
