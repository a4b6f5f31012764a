import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';
import { users } from './users.js';

/**
 * Something people of a unit's subtree should know now: a failed or stuck operation request, a
 * retention about to end. `dedupe_key` makes raising idempotent (a sweep that runs in every cockpit
 * process, a worker that retries its last step), so each occurrence is one alert.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    subject: jsonb('subject').$type<Record<string, unknown>>().notNull(),
    summary: text('summary').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    buPath: ltree('bu_path').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('alerts_dedupe_key').on(t.dedupeKey),
    index('alerts_bu_path_gist').using('gist', t.buPath),
    index('alerts_raised_idx').on(t.raisedAt, t.id),
    ...subtreePolicies(t.buPath),
  ],
);

/** Who has read which alert: unread is per person, not per unit. */
export const alertReads = pgTable(
  'alert_reads',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    buPath: ltree('bu_path').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.userId] }),
    index('alert_reads_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * Where a host application wants the alerts of a unit's subtree delivered. The Standard Webhooks
 * secret is kept sealed (`v1.<iv>.<ciphertext>`, AES-256-GCM under a key derived from the cockpit's
 * `COCKPIT_TOTP_KEY`, bound to the endpoint's id): the deliverer must read it back to sign, and a
 * copy of the database alone must not let anyone forge deliveries.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: text('host_id').notNull(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** Empty: every kind. */
    kinds: text('kinds').array().notNull().default(sql`'{}'::text[]`),
    sealedSecret: text('sealed_secret').notNull(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_endpoints_bu_path_gist').using('gist', t.buPath),
    index('webhook_endpoints_host_idx').on(t.hostId),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * One alert to one endpoint: written with the alert (a transactional outbox), delivered at least
 * once with backoff; the alert's id is the `webhook-id` of every attempt, so receivers dedupe.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    buPath: ltree('bu_path').notNull(),
  },
  (t) => [
    unique('alert_deliveries_alert_endpoint').on(t.alertId, t.endpointId),
    index('alert_deliveries_pending_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    index('alert_deliveries_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
