export { type BffApp, type BffDependencies, createBffApp } from './app.js';
export { type CockpitConnection, connectCockpit } from './cockpit/cockpit-client.js';
export { RevocationFeed } from './embed-sessions/revocation-feed.js';
export { WIDGET_TOKEN_TTL_SECONDS, type WidgetTokenIssuer, widgetTokenIssuer } from './embed-sessions/widget-token.js';
export { RateLimitEnvironment } from './env.js';
export { type HostApplication, HostRegistry, hashApiKey, newApiKey } from './hosts/host-registry.js';
export { generateSigningKey, loadSigningKey, type SigningKey } from './keys/signing-keys.js';
export type { OnLimited, RateLimitHit } from './rate-limits/middleware.js';
export {
  type Budget,
  DEFAULT_RATE_LIMITS,
  type RateLimitPolicy,
  type RateLimitSettings,
} from './rate-limits/policies.js';
export { countForProcesses } from './rate-limits/primary-store.js';
export { RateLimits, type RateLimitsOptions } from './rate-limits/rate-limits.js';
export { type RateLimiting, rateLimitingFromEnvironment } from './rate-limits/setup.js';
export type { RateLimitStore } from './rate-limits/store.js';
