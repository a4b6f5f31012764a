import type { Brand } from '@scc/contracts/business-units';
import {
  type AnyPgColumn,
  boolean,
  customType,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ltree, pathKey } from './ltree.js';
import { subtreePolicies } from './scope.js';

/** Raw bytes; both drivers (postgres.js, PGlite) read bytea as a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

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
    pathKey: pathKey('path_key', 'path'),
    /** The sales system's id for this unit, so replicated sales data can find it. */
    externalRef: text('external_ref').unique(),
    /** Own branding; descendants without one inherit the nearest ancestor's. */
    brand: jsonb('brand').$type<Brand>(),
    /**
     * Risky actions in this unit's subtree ask for a TOTP step-up. Inherited: a unit requires it
     * when it or any ancestor does (`scc_totp_policy`, migration 0021), so below a unit that
     * requires it, `false` loosens nothing.
     */
    totpRequired: boolean('totp_required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('business_units_path_gist').using('gist', t.path),
    // A page of a subtree walks it in path order from the subtree's first unit (see `inSubtree`).
    index('business_units_path_key_idx').on(t.pathKey),
    // Children are listed by name: one index range scan per page of a tree level.
    index('business_units_parent_name_idx').on(t.parentId, t.name, t.id),
    // The tenant list sorted by unit walks units by name.
    index('business_units_name_id_idx').on(t.name, t.id),
    // Name search (`scc_search_business_units`, migration 0015): trigrams find a substring
    // without reading every name of the subtree.
    index('business_units_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    ...subtreePolicies(t.path),
  ],
);

export type { Brand } from '@scc/contracts/business-units';

/**
 * The logo of a unit's own brand (the brand names it by its sha256). Shared read: a unit's
 * subtree shows its brand, so callers below it read its logo too, as they read its products.
 */
export const brandLogos = pgTable(
  'brand_logos',
  {
    businessUnitId: uuid('business_unit_id')
      .primaryKey()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    buPath: ltree('bu_path').notNull(),
    /** Told from the bytes when stored, never from the uploader. */
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('brand_logos_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath, 'shared-read')],
);
