import { serve } from '@hono/node-server';
import { createDemoHostApp } from './app.js';
import { readEnv } from './env.js';

/**
 * The demo host on its own, as a customer would run their app: a separate process that reaches a
 * running BFF over HTTP, registered there with this host's origin and API key.
 */
const env = readEnv();
const app = createDemoHostApp({
  bffInternalUrl: env.BFF_INTERNAL_URL,
  bffPublicUrl: env.BFF_PUBLIC_URL,
  apiKey: env.DEMO_HOST_API_KEY,
});
const server = serve({ fetch: app.fetch, port: env.DEMO_HOST_PORT, hostname: env.DEMO_HOST_HOST }, (info) =>
  console.log(`demo host listening on http://${env.DEMO_HOST_HOST}:${info.port}`),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
