import { createDatabase } from '../client.js';
import { seed } from '../seed/index.js';

/** `pnpm --filter @scc/db migrate [--seed]`: brings DATABASE_URL (or the PGlite folder) up to date. */
const handle = await createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.SCC_DATA_DIR });
await handle.migrate();
if (process.argv.includes('--seed')) await seed(handle.db);
await handle.close();
console.log(`migrated ${handle.engine} database${process.argv.includes('--seed') ? ' and loaded the seed' : ''}`);
