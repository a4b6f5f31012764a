export { type BffApp, type BffDependencies, createBffApp } from './app.js';
export { type CockpitConnection, connectCockpit } from './cockpit/cockpit-client.js';
export { RevocationFeed } from './embed-sessions/revocation-feed.js';
export { WIDGET_TOKEN_TTL_SECONDS, type WidgetTokenIssuer, widgetTokenIssuer } from './embed-sessions/widget-token.js';
export { type HostApplication, HostRegistry, hashApiKey, newApiKey } from './hosts/host-registry.js';
export { generateSigningKey, loadSigningKey, type SigningKey } from './keys/signing-keys.js';
