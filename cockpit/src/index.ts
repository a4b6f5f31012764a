export { type CockpitApp, type CockpitDependencies, createCockpitApp } from './app.js';
export { type BusinessUnit, BusinessUnitSchema } from './business-units/schemas.js';
export type { Caller } from './scope/caller.js';
export { resolveCaller } from './scope/resolve-caller.js';
export { CallerSchema } from './session/schemas.js';
export { type Tenant, TenantSchema } from './tenants/schemas.js';
