import { onStopSignal } from '@scc/service-kit/processes';
import { databaseRoles, readEnv } from './env.js';
import { startStack } from './stack.js';

const env = readEnv();
const { ownerUrl, cockpitUrl } = databaseRoles(env);
const stack = await startStack({
  databaseUrl: cockpitUrl,
  migrationDatabaseUrl: ownerUrl,
  dataDir: env.SCC_DATA_DIR,
  ports: {
    cockpit: env.COCKPIT_PORT,
    bff: env.BFF_PORT,
    demoHost: env.DEMO_HOST_PORT,
    identityProvider: env.IDENTITY_PROVIDER_PORT,
  },
  bindHost: env.SCC_BIND_HOST,
  publicHost: env.SCC_PUBLIC_HOST,
  processes: { cockpit: env.SCC_COCKPIT_PROCESSES, bff: env.SCC_BFF_PROCESSES },
  rateLimits: env,
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? 'A port is already in use: stop the other process or set DEMO_HOST_PORT, BFF_PORT, COCKPIT_PORT and IDENTITY_PROVIDER_PORT.'
      : `Service Control Center failed to start: ${(error as Error).message}`,
  );
  process.exit(1);
});

const database = stack.engine === 'pglite' ? `PGlite in ${env.SCC_DATA_DIR}/pglite` : 'PostgreSQL';
const cockpitNote =
  stack.processes.cockpit < env.SCC_COCKPIT_PROCESSES
    ? ` (PGlite keeps its database inside the cockpit's process; ${env.SCC_COCKPIT_PROCESSES} need DATABASE_URL)`
    : '';
console.log(`
  Service Control Center is running (${database}).

    Open the demo:  ${stack.urls.demoHost}
    BFF:            ${stack.urls.bff}   (OpenAPI at /openapi.json)
    Cockpit:        ${stack.urls.cockpit}   (OpenAPI at /openapi.json)
    Sales webhooks: ${stack.urls.webhookReceiver}   (what the cockpit delivered)
    Contoso ID:     ${stack.urls.identityProvider}   (Contoso Retail's identity provider, for single sign-on)
    Processes:      cockpit ${stack.processes.cockpit}, BFF ${stack.processes.bff}${cockpitNote}

  Press Ctrl-C to stop.
`);

onStopSignal(() => {
  console.log('\nStopping…');
  return stack.stop();
});
// A group that cannot start a copy again leaves the stack broken: end, so the supervisor restarts it whole.
void stack.failed.then(async (error) => {
  console.error(`Service Control Center stopped serving: ${error.message}`);
  await stack.stop().catch(() => {});
  process.exit(1);
});
