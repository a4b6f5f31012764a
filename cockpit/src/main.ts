import { serve } from '@hono/node-server';
import { createDatabase } from '@scc/db';
import type { JSONWebKeySet } from 'jose';
import { createCockpitApp } from './app.js';
import { serviceTokenVerifier } from './auth/service-token.js';
import { readEnv } from './env.js';

const env = readEnv();
// Migrations need the owner; the runtime connection may be a login that is only a member of scc_app.
if (env.DATABASE_MIGRATION_URL) {
  const owner = await createDatabase({ url: env.DATABASE_MIGRATION_URL, maxConnections: 1 });
  try {
    await owner.migrate();
  } finally {
    await owner.close();
  }
}
const handle = await createDatabase({ url: env.DATABASE_URL, dataDir: env.SCC_DATA_DIR });
if (!env.DATABASE_MIGRATION_URL) {
  await handle.migrate().catch((error: unknown) => {
    throw new Error(
      'Migrating on DATABASE_URL failed. If it is a restricted login, set DATABASE_MIGRATION_URL to the owner.',
      { cause: error },
    );
  });
}
const app = createCockpitApp({
  db: handle.db,
  verifyServiceToken: serviceTokenVerifier(env.trustedServiceKeys as JSONWebKeySet),
});
const server = serve({ fetch: app.fetch, port: env.COCKPIT_PORT, hostname: env.COCKPIT_HOST }, (info) =>
  console.log(`cockpit listening on http://${env.COCKPIT_HOST}:${info.port} (${handle.engine})`),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void handle.close().then(() => process.exit(0))));
}
