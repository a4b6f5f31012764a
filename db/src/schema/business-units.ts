import { type AnyPgColumn, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * A node of the tenant hierarchy (MSP, reseller, customer, region, department, server group …).
 * There are no fixed levels: `kind` is a free label and `path` the chain of ancestor labels.
 */
export const businessUnits = pgTable(
  'business_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => businessUnits.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    kind: text('kind').notNull().default(''),
    path: ltree('path').notNull().unique(),
    /** The sales system's id for this unit, so replicated sales data can find it. */
    externalRef: text('external_ref').unique(),
    /** Own branding; descendants without one inherit the nearest ancestor's. */
    brand: jsonb('brand').$type<Brand>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('business_units_path_gist').using('gist', t.path),
    // Children are listed by name: one index range scan per page of a tree level.
    index('business_units_parent_name_idx').on(t.parentId, t.name, t.id),
    // The tenant list sorted by unit walks units by name.
    index('business_units_name_id_idx').on(t.name, t.id),
    ...subtreePolicies(t.path),
  ],
);

export interface Brand {
  displayName?: string;
  primaryColor?: string;
  logoUrl?: string;
}
