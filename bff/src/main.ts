import { serve } from '@hono/node-server';
import { exitOnUncaughtErrors } from '@scc/service-kit/lifecycle';
import { createLogger } from '@scc/service-kit/log';
import { createBffApp } from './app.js';
import { widgetTokenIssuer } from './embed-sessions/widget-token.js';
import { readEnv } from './env.js';
import { HostRegistry } from './hosts/host-registry.js';
import { loadSigningKey } from './keys/signing-keys.js';

exitOnUncaughtErrors('bff');
const env = readEnv();
const log = createLogger('bff');
const app = createBffApp({
  hosts: HostRegistry.fromSource(env.BFF_HOST_APPLICATIONS),
  tokens: widgetTokenIssuer({
    publicUrl: env.BFF_PUBLIC_URL,
    signingKey: await loadSigningKey(env.BFF_WIDGET_SIGNING_KEY),
  }),
  cockpit: { baseUrl: env.COCKPIT_URL, serviceKey: await loadSigningKey(env.BFF_SERVICE_SIGNING_KEY) },
  widgetBundlePath: env.BFF_WIDGET_BUNDLE,
  log,
  maxBodyBytes: env.BFF_MAX_BODY_BYTES,
});
const server = serve({ fetch: app.fetch, port: env.BFF_PORT, hostname: env.BFF_HOST }, (info) =>
  log.info(`BFF listening on http://${env.BFF_HOST}:${info.port}`),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
