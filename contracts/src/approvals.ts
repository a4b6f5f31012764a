import { z } from '@hono/zod-openapi';
import { MovePreviewSchema } from './hierarchy.js';
import { cursorParam } from './pagination.js';
import { storableText } from './text.js';

/**
 * Four eyes: risky changes wait for a quorum of admins of their business unit or a unit above it
 * before they run. The requester never counts. Policies are data per business unit (and product),
 * inherited down the hierarchy: the nearest unit on the path with a policy for the subject wins,
 * else the product's default (`ProductRules.approvals`).
 */

/** What a policy is about. A subtree move has no product: its policies are per unit only. */
export const approvalSubjects = [
  'terminate-productive',
  'transport-into-productive',
  'copy-into-productive',
  'subtree-move',
] as const;
export type ApprovalSubject = (typeof approvalSubjects)[number];

/** The subjects that belong to a product's operation requests (everything but moves). */
export const productApprovalSubjects = [
  'terminate-productive',
  'transport-into-productive',
  'copy-into-productive',
] as const;
export type ProductApprovalSubject = (typeof productApprovalSubjects)[number];

export const ApprovalRuleSchema = z
  .strictObject({
    quorum: z.number().int().min(0).max(10).openapi({
      description: 'Approvals by different admins needed; 0: no approval needed here (overrides a rule above)',
    }),
    expiryHours: z
      .number()
      .int()
      .min(1)
      .max(720)
      .openapi({ description: 'A request not decided by then ends rejected (`approval-expired`)' }),
  })
  .openapi('ApprovalRule');
export type ApprovalRule = z.infer<typeof ApprovalRuleSchema>;

/** The product brief's defaults: a second admin for anything that changes or ends a productive tenant. */
export const defaultApprovalRules = {
  'terminate-productive': { quorum: 1, expiryHours: 72 },
  'transport-into-productive': { quorum: 1, expiryHours: 72 },
  'copy-into-productive': { quorum: 1, expiryHours: 72 },
} as const satisfies Record<ProductApprovalSubject, ApprovalRule>;

/** `ProductRules.approvals`: the product's default rule per subject (missing subjects take the default above). */
export const ProductApprovalRulesSchema = z.partialRecord(z.enum(productApprovalSubjects), ApprovalRuleSchema);

export const ApprovalPolicyParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  subject: z.enum(approvalSubjects).openapi({ param: { name: 'subject', in: 'path' } }),
});

export const ApprovalPolicyQuery = z.strictObject({
  productId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'productId', in: 'query' },
      description: 'Required for every subject but `subtree-move`, which takes none',
    }),
});

export const PutApprovalPolicyBody = ApprovalRuleSchema.openapi('PutApprovalPolicyBody');

export const ApprovalPolicySchema = z
  .object({
    businessUnitId: z.uuid(),
    subject: z.enum(approvalSubjects),
    productId: z.uuid().nullable(),
    own: ApprovalRuleSchema.nullable().openapi({ description: 'This unit’s own policy, if it has one' }),
    effective: ApprovalRuleSchema.nullable().openapi({
      description: 'What holds here; null (or quorum 0): no approval needed',
    }),
    source: z.enum(['unit', 'product-default', 'none']),
    sourceBusinessUnitId: z
      .uuid()
      .nullable()
      .openapi({ description: 'The unit whose policy holds (source `unit`): this one or one above' }),
  })
  .openapi('ApprovalPolicy');
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

export const approvalStates = ['pending', 'approved', 'rejected', 'expired', 'cancelled', 'failed'] as const;
export type ApprovalState = (typeof approvalStates)[number];

export const approvalDecisions = ['approve', 'reject'] as const;
export type ApprovalDecisionName = (typeof approvalDecisions)[number];

export const approvalActions = ['approve', 'reject'] as const;

const instant = z.string().openapi({ format: 'date-time' });

export const ApprovalDecisionSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    decision: z.enum(approvalDecisions),
    comment: z.string().nullable(),
    decidedAt: instant,
  })
  .openapi('ApprovalDecision');

export const ApprovalSchema = z
  .object({
    id: z.uuid(),
    subject: z.enum(approvalSubjects),
    state: z.enum(approvalStates).openapi({
      description:
        '`pending` until the quorum approves (`approved`: the request is queued, the move done), one admin rejects, ' +
        'it expires, or the requester cancels; `failed`: approved, but the move no longer fits the tree',
    }),
    businessUnitId: z.uuid(),
    productId: z.uuid().nullable(),
    operationRequest: z
      .object({ id: z.uuid(), kind: z.string(), tenantId: z.uuid().nullable() })
      .nullable()
      .openapi({ description: 'The operation request waiting for the approval (every subject but moves)' }),
    move: z
      .object({ businessUnitId: z.uuid(), newParentId: z.uuid(), preview: MovePreviewSchema })
      .nullable()
      .openapi({ description: 'The subtree move waiting for the approval, with its preview when it was requested' }),
    quorum: z.number().int().min(1),
    approvals: z.number().int().min(0).openapi({ description: 'Approvals so far' }),
    decisions: z.array(ApprovalDecisionSchema),
    requestedBy: z.object({ userId: z.uuid(), email: z.string() }),
    createdAt: instant,
    expiresAt: instant,
    finishedAt: instant.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    allowedActions: z
      .array(z.enum(approvalActions))
      .openapi({ description: 'What this caller may do now: admins of the unit or above, never the requester' }),
  })
  .openapi('Approval');
export type Approval = z.infer<typeof ApprovalSchema>;

export const ApprovalPageSchema = z
  .object({ items: z.array(ApprovalSchema), nextCursor: z.string().nullable() })
  .openapi('ApprovalPage');

export const ListApprovalsQuery = z.strictObject({
  state: z
    .enum(['pending', 'done', ...approvalStates])
    .optional()
    .openapi({
      param: { name: 'state', in: 'query' },
      description: '`pending` lists what this caller may decide now; `done`: decided, expired or cancelled',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: cursorParam,
});

export const ApprovalIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const DecideApprovalBody = z
  .strictObject({ comment: storableText(1, 2000).optional() })
  .openapi('DecideApprovalBody');

/** The error code of a request whose approval expired before its quorum was reached. */
export const APPROVAL_EXPIRED = 'approval-expired';
/** The error code of a request an approver rejected. */
export const APPROVAL_REJECTED = 'approval-rejected';
