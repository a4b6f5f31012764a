export { type CockpitApp, type CockpitDependencies, createCockpitApp } from './app.js';
export { type AuditEvent, AuditEventSchema } from './audit/routes.js';
export { type BackgroundWork, type BackgroundWorkOptions, startBackgroundWork } from './background.js';
export { BrandSchema, type EffectiveBrand, EffectiveBrandSchema } from './business-units/brand.js';
export { type BusinessUnit, BusinessUnitSchema } from './business-units/schemas.js';
export { type DataSource, DataSourceSchema } from './data-sources/schemas.js';
export { type MovePreview, MovePreviewSchema, MoveResultSchema } from './hierarchy/schemas.js';
export type { Clock } from './operations/clock.js';
export { systemClock } from './operations/clock.js';
export { createEventHub, type EventHub, type OperationEvent } from './operations/event-hub.js';
export { type ProductRules, ProductRulesSchema } from './operations/product-rules.js';
export {
  type Determinations,
  DeterminationsSchema,
  type Draft,
  DraftSchema,
  type DryRun,
  DryRunSchema,
  IdempotencyHeaders,
  type OperationRequest,
  OperationRequestPageSchema,
  OperationRequestSchema,
  RejectionSchema,
  type Validation,
  ValidationSchema,
} from './operations/schemas.js';
export { type WebhookSigner, webhookSigner } from './outbox/signature.js';
export { ProductSchema } from './products/routes.js';
export type { Caller } from './scope/caller.js';
export { resolveCaller } from './scope/resolve-caller.js';
export { CallerSchema } from './session/schemas.js';
export { type Tenant, TenantSchema } from './tenants/schemas.js';
export { RoleAssignmentSchema, type User, UserSchema } from './users/schemas.js';
