export { createDatabase, type Database, type DatabaseHandle, type DatabaseOptions, dumpPglite } from './client.js';
export { EMBED_SESSION_ENDED_CODE, EMBED_SESSION_REVOKED_CHANNEL } from './embed-session.js';
export { listen, type Unlisten } from './listen.js';
export { childPath, inSubtree, pathLabel } from './paths.js';
export { CALLERS_CHANGED_CHANNEL, queryResolvedCaller, type ResolvedCallerRow } from './resolve-caller.js';
export { executeRows, rowsOf } from './rows.js';
export {
  ensureRuntimeLogin,
  type RuntimeLoginOptions,
  rowSecurityBypasses,
  runtimeLoginName,
  runtimeLoginUrl,
} from './runtime-login.js';
export * from './schema/index.js';
export { copyFromStdin, type Scope, type ScopeOptions, type Transaction, withScope } from './scoped.js';
