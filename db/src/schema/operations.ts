import { operationKinds, operationStates } from '@scc/contracts/operations';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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
import { products } from './products.js';
import { subtreePolicies } from './scope.js';
import { users } from './users.js';

export const operationRequestState = pgEnum('operation_request_state', operationStates);
export type OperationRequestState = (typeof operationRequestState.enumValues)[number];

export const operationKind = pgEnum('operation_kind', operationKinds);
export type OperationKind = (typeof operationKind.enumValues)[number];

/**
 * A customer-initiated tenant operation, from its validation to its end. Workers claim queued
 * requests with a lease; `completedSteps` and `checkpoint` let a request that lost its worker
 * resume after the last completed step instead of starting over.
 */
export const operationRequests = pgTable(
  'operation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: operationKind('kind').notNull(),
    state: operationRequestState('state').notNull().default('requested'),
    progress: integer('progress').notNull().default(0),
    step: text('step'),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'restrict' }),
    /** The tenant the request works on; for an order set once the tenant exists. No FK: deleted tenants keep their history. */
    tenantId: uuid('tenant_id'),
    draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
    determinations: jsonb('determinations').$type<Record<string, unknown>>().notNull().default({}),
    validations: jsonb('validations').$type<unknown[]>().notNull().default([]),
    chargeable: boolean('chargeable').notNull().default(false),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    requestedByEmail: text('requested_by_email').notNull(),
    idempotencyKey: text('idempotency_key'),
    /**
     * sha256 of the canonical JSON of the draft the key was first used with: a retry with the key
     * must carry the same request. Cleared with the key once the key expires (24 hours).
     */
    idempotencyHash: text('idempotency_hash'),
    /**
     * When the key was first used, by the cockpit's clock (the clock rules and workers read, which
     * tests move): the key expires 24 hours later. `created_at` is the database's own time.
     */
    idempotencyKeyUsedAt: timestamp('idempotency_key_used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    completedSteps: text('completed_steps').array().notNull().default(sql`'{}'::text[]`),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>().notNull().default({}),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    unique('operation_requests_idempotency').on(t.requestedByUserId, t.idempotencyKey),
    // The expiry sweep finds the keys to forget without reading every request.
    index('operation_requests_idempotency_expiry')
      .on(t.idempotencyKeyUsedAt)
      .where(sql`${t.idempotencyKey} is not null`),
    index('operation_requests_bu_path_gist').using('gist', t.buPath),
    index('operation_requests_claim_idx').on(t.state, t.runAfter),
    index('operation_requests_tenant_idx').on(t.tenantId),
    index('operation_requests_bu_product_idx').on(t.businessUnitId, t.productId),
    // A tenant is terminated, and restored, by one request at a time; a second one racing past
    // the submit's locked check ends here (see docs/operations.md, "Guarantees"). Open is "not
    // ended", so a request awaiting approval holds its tenant too.
    uniqueIndex('operation_requests_one_open_termination')
      .on(t.tenantId)
      .where(sql`${t.kind} = 'decommission' and ${t.state} not in ('succeeded', 'failed', 'rejected', 'cancelled')`),
    uniqueIndex('operation_requests_one_open_restore')
      .on(t.tenantId)
      .where(sql`${t.kind} = 'restore' and ${t.state} not in ('succeeded', 'failed', 'rejected', 'cancelled')`),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * Every visible change of a request or tenant. `id` is taken at insert, but transactions commit
 * in another order, so the feed is ordered by `position`: a deferred trigger assigns it at
 * commit under one lock (migration 0012), so a position is visible only after every lower one.
 * The SSE feed sends `position` as its event id, replays from here after a reconnect
 * (`Last-Event-ID`), and the same trigger NOTIFYs listeners.
 */
export const operationRequestEvents = pgTable(
  'operation_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `operation-request` or `tenant`: the SSE event name. */
    kind: text('kind').notNull(),
    requestId: uuid('request_id'),
    tenantId: uuid('tenant_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The feed position, set when the inserting transaction commits; null only inside it. */
    position: bigint('position', { mode: 'number' }),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('operation_request_events_bu_path_gist').using('gist', t.buPath),
    uniqueIndex('operation_request_events_position_idx').on(t.position),
    ...subtreePolicies(t.buPath),
  ],
);

/** A snapshot of a tenant's data taken when its retention ended; a restore reads it back. */
export const tenantArchives = pgTable(
  'tenant_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    /** The request that archived the tenant: archiving twice for one request writes one snapshot. */
    requestId: uuid('request_id').notNull().unique(),
    snapshot: jsonb('snapshot').$type<TenantSnapshot>().notNull(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tenant_archives_bu_path_gist').using('gist', t.buPath),
    index('tenant_archives_tenant_idx').on(t.tenantId),
    ...subtreePolicies(t.buPath),
  ],
);

export interface TenantSnapshot {
  tenant: { id: string; name: string; type: string; productId: string; businessUnitId: string };
  applicationData: { key: string; value: unknown }[];
  solutionProfile: { key: string; value: unknown }[];
}

/**
 * Messages for the sales and invoicing system, written in the same transaction as the request
 * that caused them and delivered at least once; `id` is the stable event id receivers dedupe on.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_events_bu_path_gist').using('gist', t.buPath),
    index('outbox_events_pending_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    ...subtreePolicies(t.buPath),
  ],
);

/** One row per delivery attempt of an outbox event. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => outboxEvents.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    url: text('url').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_bu_path_gist').using('gist', t.buPath),
    index('webhook_deliveries_event_idx').on(t.eventId),
    ...subtreePolicies(t.buPath),
  ],
);
