import { readEnv } from './env.js';
import { startStack } from './stack.js';

const env = readEnv();
const stack = await startStack({
  databaseUrl: env.DATABASE_URL,
  migrationDatabaseUrl: env.DATABASE_MIGRATION_URL,
  dataDir: env.SCC_DATA_DIR,
  ports: { cockpit: env.COCKPIT_PORT, bff: env.BFF_PORT, demoHost: env.DEMO_HOST_PORT },
  bindHost: env.SCC_BIND_HOST,
  publicHost: env.SCC_PUBLIC_HOST,
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? 'A port is already in use: stop the other process or set DEMO_HOST_PORT, BFF_PORT and COCKPIT_PORT.'
      : `Service Control Center failed to start: ${(error as Error).message}`,
  );
  process.exit(1);
});

const database = stack.engine === 'pglite' ? `PGlite in ${env.SCC_DATA_DIR}/pglite` : 'PostgreSQL';
console.log(`
  Service Control Center is running (${database}).

    Open the demo:  ${stack.urls.demoHost}
    BFF:            ${stack.urls.bff}   (OpenAPI at /openapi.json)
    Cockpit:        ${stack.urls.cockpit}   (OpenAPI at /openapi.json)
    Sales webhooks: ${stack.urls.webhookReceiver}   (what the cockpit delivered)

  Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
