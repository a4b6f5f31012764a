import { createDatabase } from '../client.js';
import { seed } from '../seed/index.js';

/**
 * `pnpm --filter @scc/db migrate [--seed]`: brings the database up to date as its owner:
 * DATABASE_MIGRATION_URL if set, else DATABASE_URL, else the PGlite folder.
 */
const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
const handle = await createDatabase({ url, dataDir: process.env.SCC_DATA_DIR });
await handle.migrate();
if (process.argv.includes('--seed')) await seed(handle.db);
await handle.close();
console.log(`migrated ${handle.engine} database${process.argv.includes('--seed') ? ' and loaded the seed' : ''}`);
