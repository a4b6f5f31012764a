import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { answerClientErrors } from '@scc/service-kit/client-errors';
import { exitOnUncaughtErrors } from '@scc/service-kit/lifecycle';
import { createLogger } from '@scc/service-kit/log';
import { closeServer, onStopSignal, startProcessGroup } from '@scc/service-kit/processes';
import { createBffApp } from './app.js';
import { connectCockpit } from './cockpit/cockpit-client.js';
import { RevocationFeed } from './embed-sessions/revocation-feed.js';
import { widgetTokenIssuer } from './embed-sessions/widget-token.js';
import { readEnv } from './env.js';
import { HostRegistry } from './hosts/host-registry.js';
import { loadSigningKey } from './keys/signing-keys.js';
import { countForProcesses } from './rate-limits/primary-store.js';
import { rateLimitingFromEnvironment } from './rate-limits/setup.js';

exitOnUncaughtErrors('bff');
const env = readEnv();
const log = createLogger('bff');

/** One BFF process. Every copy reads the same keys and host registry, so any of them serves any widget. */
async function serveBff() {
  const limits = rateLimitingFromEnvironment(env, log);
  const hosts = HostRegistry.fromSource(env.BFF_HOST_APPLICATIONS);
  const cockpit = { baseUrl: env.COCKPIT_URL, serviceKey: await loadSigningKey(env.BFF_SERVICE_SIGNING_KEY), log };
  // Every process follows the cockpit's revocation feed of every host, so each refuses a session
  // revoked through any other and ends its event streams.
  const revocations = new RevocationFeed(connectCockpit(cockpit), () => hosts.all());
  revocations.start();
  const app = createBffApp({
    hosts,
    tokens: widgetTokenIssuer({
      publicUrl: env.BFF_PUBLIC_URL,
      signingKey: await loadSigningKey(env.BFF_WIDGET_SIGNING_KEY),
    }),
    cockpit,
    revocations,
    widgetBundlePath: env.BFF_WIDGET_BUNDLE,
    log,
    maxBodyBytes: env.BFF_MAX_BODY_BYTES,
    rateLimiting: limits.rateLimiting,
    hsts: env.BFF_HSTS,
  });
  const server = serve({ fetch: app.fetch, port: env.BFF_PORT, hostname: env.BFF_HOST }, (info) =>
    log.info(`BFF listening on http://${env.BFF_HOST}:${info.port}`, { pid: process.pid }),
  );
  answerClientErrors(server, { hsts: env.BFF_HSTS });
  onStopSignal(async () => {
    revocations.close();
    await closeServer(server);
    await limits.close();
  });
}

if (cluster.isWorker || env.SCC_BFF_PROCESSES === 1) {
  await serveBff();
} else {
  // Without Redis the processes count their rate limits here, so they spend one budget.
  if (!env.REDIS_URL) countForProcesses();
  const group = startProcessGroup({ name: 'BFF', count: env.SCC_BFF_PROCESSES });
  group.listening.then(
    (port) => log.info(`BFF: ${env.SCC_BFF_PROCESSES} processes listening on port ${port}`, { pids: group.pids() }),
    () => {},
  );
  onStopSignal(() => group.stop());
  void group.ended.then((code) => process.exit(code));
}
