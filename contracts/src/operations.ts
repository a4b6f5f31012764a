import { z } from '@hono/zod-openapi';
import { defaultApprovalRules, ProductApprovalRulesSchema } from './approvals.js';
import { cursorParam } from './pagination.js';
import { singleLineText } from './text.js';
import { ProfileChangeSchema, ProfileRestoreDraftSchema, TransportDraftSchema } from './transports.js';
import { RoleNameSchema } from './users.js';
import { ValidationSchema } from './validation.js';

export const operationKinds = ['order', 'copy', 'decommission', 'restore', 'transport', 'profile-restore'] as const;
export type OperationKindName = (typeof operationKinds)[number];

export { type Validation, ValidationSchema } from './validation.js';

const Proposal = z.object({ value: z.uuid().nullable(), reason: z.string() });
export const DeterminationsSchema = z
  .object({
    applicationDataSourceTenantId: Proposal,
    solutionProfileSourceTenantId: Proposal,
    name: z.object({ value: z.string(), reason: z.string() }),
    /** A deployment into a productive tenant waits for a second admin (the approvals feature decides when). */
    approvalRequired: z.object({ value: z.boolean(), reason: z.string() }),
  })
  .partial()
  .openapi('Determinations', {
    description: 'Proposed values; the client may override them. Only orders have all three.',
  });
export type Determinations = z.infer<typeof DeterminationsSchema>;

const tenantName = singleLineText(1, 200);

export const OrderDraftSchema = z
  .strictObject({
    kind: z.literal('order'),
    businessUnitId: z.uuid(),
    productId: z.uuid(),
    type: singleLineText(1, 50),
    name: tenantName.optional(),
    applicationDataSourceTenantId: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: 'Omitted: the proposal; null: none (initial tenant)' }),
    solutionProfileSourceTenantId: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: 'Omitted: the proposal; null: none (initial solution profile)' }),
  })
  .openapi('OrderDraft');

export const CopyDraftSchema = z
  .strictObject({
    kind: z.literal('copy'),
    sourceTenantId: z.uuid(),
    targetTenantId: z.uuid(),
    parts: z
      .array(z.enum(['applicationData', 'solutionProfile']))
      .min(1)
      .max(2),
  })
  .openapi('CopyDraft');

export const DecommissionDraftSchema = z
  .strictObject({ kind: z.literal('decommission'), tenantId: z.uuid() })
  .openapi('DecommissionDraft');

export const RestoreDraftSchema = z
  .strictObject({ kind: z.literal('restore'), tenantId: z.uuid(), mode: z.enum(['same', 'new']) })
  .openapi('RestoreDraft');

export const DraftSchema = z
  .discriminatedUnion('kind', [
    OrderDraftSchema,
    CopyDraftSchema,
    DecommissionDraftSchema,
    RestoreDraftSchema,
    TransportDraftSchema,
    ProfileRestoreDraftSchema,
  ])
  .openapi('OperationDraft');
export type Draft = z.infer<typeof DraftSchema>;
export type OrderDraft = z.infer<typeof OrderDraftSchema>;
export type CopyDraft = z.infer<typeof CopyDraftSchema>;
export type DecommissionDraft = z.infer<typeof DecommissionDraftSchema>;
export type RestoreDraft = z.infer<typeof RestoreDraftSchema>;

const count = z.number().int().min(0);

/**
 * What a copy replaces in its target, worked out without changing anything: the requester sees it
 * before submitting, most of all before a copy into a productive tenant.
 */
export const CopyOverwritesSchema = z
  .object({
    solutionProfile: z
      .object({
        targetVersion: count.openapi({ description: 'The target’s profile version now (0: none yet)' }),
        sourceVersion: count.openapi({ description: 'The source’s profile version the copy would carry' }),
        changes: z.array(ProfileChangeSchema).openapi({ description: 'Exactly what changes in the target' }),
      })
      .optional(),
    applicationData: z
      .object({
        added: count,
        changed: count,
        removed: count,
        unchanged: count,
        keys: z
          .array(z.object({ key: z.string(), op: z.enum(['added', 'changed', 'removed']) }))
          .openapi({ description: 'The first records that change, by key (at most 50)' }),
      })
      .optional(),
  })
  .openapi('CopyOverwrites');
export type CopyOverwrites = z.infer<typeof CopyOverwritesSchema>;

export const DryRunSchema = z
  .object({
    allowed: z.boolean(),
    chargeable: z.boolean(),
    validations: z.array(ValidationSchema),
    determinations: DeterminationsSchema,
    overwrites: CopyOverwritesSchema.optional().openapi({ description: 'A copy: what it replaces in the target' }),
  })
  .openapi('DryRun');
export type DryRun = z.infer<typeof DryRunSchema>;

/** The states of an operation request, in the order they usually pass (the database enum's order). */
export const operationStates = [
  'requested',
  'validated',
  // Waits for a quorum of admins (approvals.ts); no worker claims it.
  'awaiting-approval',
  'queued',
  'running',
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
] as const;

/** Actions on a request that a client may offer, each only when `allowedActions` names it. */
export const requestActions = ['cancel'] as const;
export type RequestAction = (typeof requestActions)[number];

export const OperationRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(operationKinds),
    state: z.enum(operationStates),
    progress: z.number().int().min(0).max(100),
    step: z.string().nullable().openapi({ description: 'What the request is doing now, for people' }),
    businessUnitId: z.uuid(),
    tenantId: z.uuid().nullable(),
    productId: z.uuid().nullable(),
    draft: z.record(z.string(), z.unknown()),
    determinations: DeterminationsSchema,
    validations: z.array(ValidationSchema),
    chargeable: z.boolean(),
    requestedBy: z.object({ userId: z.uuid(), email: z.string() }),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    retainedUntil: z.string().nullable().openapi({
      format: 'date-time',
      description: 'A termination waiting out its retention period: when the tenant goes; null otherwise',
    }),
    allowedActions: z.array(z.enum(requestActions)).openapi({
      description: 'What this caller may do with the request now (a termination in retention: `cancel` restores)',
    }),
  })
  .openapi('OperationRequest');
export type OperationRequest = z.infer<typeof OperationRequestSchema>;

export const OperationRequestPageSchema = z
  .object({ items: z.array(OperationRequestSchema), nextCursor: z.string().nullable() })
  .openapi('OperationRequestPage');

export const ListOperationRequestsQuery = z.strictObject({
  state: z
    .enum(['open', 'done', ...operationStates])
    .optional()
    .openapi({ param: { name: 'state', in: 'query' }, description: '`open`: not finished yet; `done`: finished' }),
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'businessUnitId', in: 'query' }, description: 'Requests of this unit’s subtree' }),
  tenantId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'tenantId', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: cursorParam,
});

export const OperationRequestIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'Visible ASCII characters only')
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'A retry with the same key returns the same request',
    }),
});

/** Resuming the live feed: every event after this feed position is replayed first. */
export const EventStreamHeaders = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .openapi({ param: { name: 'last-event-id', in: 'header' } }),
});

/** 422: the request was stored as `rejected`; each failed rule is one error. */
export const RejectionSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(422),
    detail: z.string().optional(),
    requestId: z.uuid(),
    errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })),
  })
  .openapi('Rejection');

/** Role needed per operation and tenant type; `*` applies to every type not listed. */
const PermissionsSchema = z.partialRecord(z.enum(operationKinds), z.record(z.string().min(1).max(50), RoleNameSchema));

export const defaultPermissions = {
  order: { '*': 'operator' },
  // Deploying into a productive tenant is more restrictive than into any other.
  copy: { productive: 'admin', '*': 'operator' },
  decommission: { productive: 'admin', '*': 'operator' },
  restore: { '*': 'operator' },
  transport: { productive: 'admin', '*': 'operator' },
  'profile-restore': { productive: 'admin', '*': 'operator' },
} as const satisfies z.infer<typeof PermissionsSchema>;

/**
 * How strictly deployments (transports, copies, profile restores) treat each tenant type. Whether
 * one waits for approval is the approval policies' to say (`approvals`, contracts/src/approvals.ts).
 */
const TransportRulesSchema = z.strictObject({
  /**
   * Tenant types a delta may reach only with changes already deployed to a tenant of another
   * type of the same customer (docs/transports.md, rule `tested-before-productive`).
   */
  testedFirstFor: z.array(z.string().min(1).max(50)).max(20),
});

export const defaultTransportRules = {
  testedFirstFor: ['productive'],
} as const satisfies z.infer<typeof TransportRulesSchema>;

/**
 * A product's operation rules as data, with the defaults of the product brief. Stored in
 * `products.rules` without `tenantTypes` (the product's own column); anything missing there
 * takes its default, so products created before a rule existed get the default behaviour.
 */
export const ProductRulesSchema = z
  .strictObject({
    tenantTypes: z.array(z.string().min(1).max(50)).min(1).max(20),
    maxLiveProductive: z.number().int().min(0).max(100).default(1),
    maxTestTenants: z.number().int().min(0).max(100).default(1),
    extraTestTenants: z.enum(['refuse', 'chargeable']).default('chargeable'),
    retentionDays: z.number().int().min(0).max(3650).default(28),
    afterRetention: z
      .record(z.string().min(1).max(50), z.enum(['archive', 'delete']))
      .default({ test: 'delete', development: 'delete', '*': 'archive' }),
    permissions: PermissionsSchema.default(defaultPermissions),
    transports: TransportRulesSchema.default(defaultTransportRules),
    /** Four eyes where no business unit's approval policy says otherwise (contracts/src/approvals.ts). */
    approvals: ProductApprovalRulesSchema.default(defaultApprovalRules),
  })
  .openapi('ProductRules');

export type ProductRules = z.infer<typeof ProductRulesSchema>;
