import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * Append-only record of every change: who, when, what, before and after. The application role
 * may only read and insert (policies below, grants and a guard trigger in a custom migration).
 * `bu_path` places an event in the tree so it is readable per subtree; it follows its unit when
 * a subtree moves, through the one SECURITY DEFINER function allowed to rewrite it.
 * `business_unit_id` has no foreign key: events outlive the units they describe.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    businessUnitId: uuid('business_unit_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    buPath: ltree('bu_path').notNull(),
  },
  (t) => [
    index('audit_events_bu_path_gist').using('gist', t.buPath),
    index('audit_events_newest_idx').on(t.occurredAt.desc(), t.id.desc()),
    ...subtreePolicies(t.buPath, 'append-only'),
  ],
);
