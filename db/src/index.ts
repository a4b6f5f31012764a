export { createDatabase, type Database, type DatabaseHandle, type DatabaseOptions, dumpPglite } from './client.js';
export { childPath, pathLabel } from './paths.js';
export { executeRows, rowsOf } from './rows.js';
export * from './schema/index.js';
export { type Transaction, withScope } from './scoped.js';
