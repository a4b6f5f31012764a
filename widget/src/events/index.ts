export * from './scc-business-unit-select.js';
export * from './scc-error.js';
export * from './scc-operation-request-cancel.js';
export * from './scc-operation-request-complete.js';
export * from './scc-operation-request-submit.js';
export * from './scc-ready.js';
export * from './scc-retry.js';
export * from './scc-tenant-terminate.js';
