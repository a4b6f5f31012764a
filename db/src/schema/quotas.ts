import { sql } from 'drizzle-orm';
import { check, index, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * A unit's own limit on a metric of its subtree (`stored_gb`, or `tenants.<type>`: live tenants of a
 * type): a soft limit that raises an alert, a hard one that refuses orders. A unit's effective limit is
 * the strictest on its path, so a unit below can only tighten what holds above it (checked where it is
 * set, migration 0028's `scc_quota_chain` shows the rows above the caller).
 */
export const quotas = pgTable(
  'quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    softLimit: numeric('soft_limit', { precision: 21, scale: 6 }),
    hardLimit: numeric('hard_limit', { precision: 21, scale: 6 }),
    /**
     * The acting unit of whoever set it last: a caller acting below that unit (its admins acting on
     * their own unit) may tighten the quota but neither loosen nor remove it.
     */
    setByUnitId: uuid('set_by_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    /** Since when the soft limit is crossed; null while below it. One alert per crossing. */
    softExceededSince: timestamp('soft_exceeded_since', { withTimezone: true }),
    buPath: ltree('bu_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('quotas_unit_metric').on(t.businessUnitId, t.metric),
    check('quotas_metric', sql`${t.metric} ~ '^(stored_gb|tenants\\.[a-z][a-z0-9-]{0,39})$'`),
    check('quotas_some_limit', sql`${t.softLimit} is not null or ${t.hardLimit} is not null`),
    check(
      'quotas_limits_order',
      sql`${t.softLimit} is null or ${t.hardLimit} is null or ${t.softLimit} <= ${t.hardLimit}`,
    ),
    check('quotas_limits_positive', sql`coalesce(${t.softLimit}, 0) >= 0 and coalesce(${t.hardLimit}, 0) >= 0`),
    index('quotas_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
