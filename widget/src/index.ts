/**
 * `<service-control-center>` and the elements every caller needs. Importing this module registers
 * them (guarded: a second copy does not throw). The admin screens and the tenant operations are
 * separate chunks: `loadAdmin()` / `loadOperations()` (or `./lazy/admin.js`, `./lazy/operations.js`)
 * register them and resolve to their classes; so do the composable pieces other than `<scc-tenants>`
 * (`loadPieces()`, `./lazy/pieces.js`) and the business-unit tree and search (`loadTree()`,
 * `./lazy/tree.js`), which `<service-control-center>` loads alongside its first requests.
 */
import { defineElements } from './define.js';

export type { BffClientOptions, BffErrorKind } from './api/bff-client.js';
export { BffClient, BffError } from './api/bff-client.js';
export type * from './api/types.js';
export type {
  BusinessUnitSearchFn,
  SccBusinessUnitSearch,
} from './components/business-unit-search/business-unit-search.js';
export type { LevelLoader, SccBusinessUnitTree } from './components/business-unit-tree/business-unit-tree.js';
export type { ServiceControlCenterStatus } from './components/service-control-center/service-control-center.js';
export { ServiceControlCenter } from './components/service-control-center/service-control-center.js';
export type { StatePanelVariant } from './components/state-panel/state-panel.js';
export { SccStatePanel } from './components/state-panel/state-panel.js';
export type { BadgeTone } from './components/status-badge/status-badge.js';
export { SccStatusBadge } from './components/status-badge/status-badge.js';
export { SccTenantList } from './components/tenant-list/tenant-list.js';
export { SccTenants } from './components/tenants/tenants.js';
export type { ConnectionOptions, StreamListener } from './context/connection.js';
export { connectionContext, createConnection, localeContext, SccConnection } from './context/connection.js';
export { ConnectionController } from './controllers/connection-controller.js';
export type { EventStreamControllerOptions } from './controllers/event-stream-controller.js';
export { EventStreamController } from './controllers/event-stream-controller.js';
export type { FetchToken, SessionTokenControllerOptions } from './controllers/session-token-controller.js';
export { MissingFetchTokenError, SessionTokenController } from './controllers/session-token-controller.js';
export { TenantPageController } from './controllers/tenant-page-controller.js';
export { defineElements, elements } from './define.js';
export * from './events/index.js';
export type { Messages, PluralForms } from './i18n/index.js';
export {
  availableLocales,
  en,
  formatNumber,
  loadLocale,
  localePending,
  messagesFor,
  plural,
  registerLocale,
  resolveLocale,
} from './i18n/index.js';
export type { TenantListMessages } from './i18n/tenant-list-messages.js';
export {
  enTenantList,
  registerTenantListLocale,
  tenantListMessagesFor,
} from './i18n/tenant-list-messages.js';
export type { WidgetPart } from './lazy/parts.js';
export { loadAdmin, loadOperations, loadPieces, loadStepUp, loadTree } from './lazy/parts.js';
export { register } from './register.js';
export type { ServerSentEvent } from './utils/sse.js';
export { SseParser } from './utils/sse.js';

// On a server (SSR, a build step reading our exports) there is no registry: importing must not fail.
if (typeof customElements !== 'undefined') defineElements();
