export * from './business-units.js';
export * from './ltree.js';
export * from './operations.js';
export * from './products.js';
export * from './scope.js';
export * from './tenants.js';
export * from './users.js';
