export { type CockpitApp, type CockpitDependencies, createCockpitApp } from './app.js';
export type { BusinessUnit } from './business-units/schemas.js';
export type { Caller } from './scope/caller.js';
export { resolveCaller } from './scope/resolve-caller.js';
export type { Tenant } from './tenants/schemas.js';
