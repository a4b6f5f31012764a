export * from './scc-business-unit-change.js';
export * from './scc-business-unit-select.js';
export * from './scc-error.js';
export * from './scc-ready.js';
export * from './scc-retry.js';
