export { type CockpitApp, type CockpitDependencies, createCockpitApp } from './app.js';
export { type BackgroundWork, type BackgroundWorkOptions, startBackgroundWork } from './background.js';
export {
  localUsageCollector,
  readings,
  sendUsage,
  type UsageCollector,
  type UsageReading,
} from './billing/usage/collector.js';
export { newCollectorSecret } from './billing/usage/collector-credentials.js';
export type { Clock } from './operations/clock.js';
export { systemClock } from './operations/clock.js';
export { createEventHub, type EventHub, type OperationEvent } from './operations/event-hub.js';
export { type WebhookSigner, webhookSigner } from './outbox/signature.js';
export type { Caller } from './scope/caller.js';
export { resolveCaller } from './scope/resolve-caller.js';
export { assertRestrictedLogin, UnrestrictedLoginError } from './scope/restricted-login.js';
