import { approvalDecisions, approvalStates, approvalSubjects } from '@scc/contracts/approvals';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { operationRequests } from './operations.js';
import { products } from './products.js';
import { subtreePolicies } from './scope.js';

export const approvalSubject = pgEnum('approval_subject', approvalSubjects);
export type ApprovalSubjectName = (typeof approvalSubject.enumValues)[number];

export const approvalState = pgEnum('approval_state', approvalStates);
export type ApprovalStateName = (typeof approvalState.enumValues)[number];

export const approvalDecision = pgEnum('approval_decision', approvalDecisions);

/**
 * A business unit's rule for a subject (and product; moves have none), for its whole subtree: the
 * nearest unit on a path with a policy wins (`scc_approval_policy`, migration 0024). Quorum 0 says
 * "no approval needed here", overriding a unit above or the product's default.
 */
export const approvalPolicies = pgTable(
  'approval_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    subject: approvalSubject('subject').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    quorum: integer('quorum').notNull(),
    expiryHours: integer('expiry_hours').notNull(),
    buPath: ltree('bu_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('approval_policies_unit_subject_product').on(t.businessUnitId, t.subject, t.productId).nullsNotDistinct(),
    check('approval_policies_quorum', sql`${t.quorum} between 0 and 10`),
    check('approval_policies_expiry', sql`${t.expiryHours} between 1 and 720`),
    check('approval_policies_product', sql`(${t.subject} = 'subtree-move') = (${t.productId} is null)`),
    index('approval_policies_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * One thing waiting for four eyes: an operation request in `awaiting-approval`, or a subtree move
 * with the preview shown when it was requested. Quorum and expiry are the policy's when it was
 * requested, so a later policy change does not move the goalposts of a pending approval.
 */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: approvalSubject('subject').notNull(),
    state: approvalState('state').notNull().default('pending'),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    productId: uuid('product_id'),
    operationRequestId: uuid('operation_request_id')
      .unique()
      .references(() => operationRequests.id, { onDelete: 'cascade' }),
    newParentId: uuid('new_parent_id').references(() => businessUnits.id, { onDelete: 'cascade' }),
    movePreview: jsonb('move_preview').$type<Record<string, unknown>>(),
    requestedByUserId: uuid('requested_by_user_id').notNull(),
    requestedByEmail: text('requested_by_email').notNull(),
    quorum: integer('quorum').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // The target of the decisions' foreign key that carries the requester along (see approval_decisions).
    unique('approvals_id_requester').on(t.id, t.requestedByUserId),
    check('approvals_quorum', sql`${t.quorum} >= 1`),
    check(
      'approvals_subject_target',
      sql`case when ${t.subject} = 'subtree-move'
        then ${t.newParentId} is not null and ${t.movePreview} is not null and ${t.operationRequestId} is null
        else ${t.operationRequestId} is not null and ${t.newParentId} is null end`,
    ),
    // One pending move per unit: a second request would be decided against a preview gone stale.
    uniqueIndex('approvals_one_pending_move')
      .on(t.businessUnitId)
      .where(sql`${t.subject} = 'subtree-move' and ${t.state} = 'pending'`),
    index('approvals_pending_expiry').on(t.expiresAt).where(sql`${t.state} = 'pending'`),
    index('approvals_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * One admin's decision on one approval. The database holds both four-eyes rules: one decision per
 * user and approval (unique), and never the requester's — the row copies the requester, the
 * composite foreign key proves the copy right and the check compares it.
 */
export const approvalDecisionsTable = pgTable(
  'approval_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approvalId: uuid('approval_id').notNull(),
    requestedByUserId: uuid('requested_by_user_id').notNull(),
    decidedByUserId: uuid('decided_by_user_id').notNull(),
    decidedByEmail: text('decided_by_email').notNull(),
    decision: approvalDecision('decision').notNull(),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    buPath: ltree('bu_path').notNull(),
  },
  (t) => [
    unique('approval_decisions_once_per_user').on(t.approvalId, t.decidedByUserId),
    foreignKey({
      name: 'approval_decisions_approval',
      columns: [t.approvalId, t.requestedByUserId],
      foreignColumns: [approvals.id, approvals.requestedByUserId],
    }).onDelete('cascade'),
    check('approval_decisions_not_requester', sql`${t.decidedByUserId} <> ${t.requestedByUserId}`),
    index('approval_decisions_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
