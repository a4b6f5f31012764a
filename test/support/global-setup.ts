import { randomBytes } from 'node:crypto';
import { dropTestDatabasesOfRun, dropTestRoles, prepareTestTemplates, TEST_ROLE_PREFIX } from '@scc/db/testing';

/**
 * Runs once per vitest run, in the main process, before any test worker starts.
 * - PGlite: builds the migrated and the seeded template dumps in `.test-artifacts/` (about 3 s)
 *   so every test file restores a private copy in about 0.5 s instead of creating one.
 * - Server (`DATABASE_URL`): gives the run an id that test database and login role names carry,
 *   and on teardown force-drops any database or `scc_rt_` role of this run that a crashed worker
 *   left behind.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const runId = process.env.SCC_TEST_RUN_ID ?? randomBytes(3).toString('hex');
  process.env.SCC_TEST_RUN_ID = runId;
  await prepareTestTemplates();
  return async () => {
    const url = process.env.DATABASE_URL;
    if (!url) return;
    const leftovers = await dropTestDatabasesOfRun(url, runId);
    if (leftovers.length)
      console.warn(`dropped ${leftovers.length} test database(s) left behind: ${leftovers.join(', ')}`);
    const roles = await dropTestRoles(url, `${TEST_ROLE_PREFIX}${runId}_`);
    if (roles.length) console.warn(`dropped ${roles.length} test role(s) left behind: ${roles.join(', ')}`);
  };
}
