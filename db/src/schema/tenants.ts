import { lifecycleStatuses } from '@scc/contracts/tenants';
import { index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree, pathKey } from './ltree.js';
import { products } from './products.js';
import { subtreePolicies } from './scope.js';

export const lifecycleStatus = pgEnum('tenant_lifecycle_status', lifecycleStatuses);
export const operationalStatus = pgEnum('tenant_operational_status', ['up', 'degraded', 'down', 'maintenance']);

/** A system instance of a product that belongs to one business unit. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** One of the product's tenant types (productive, test, validation, development …). */
    type: text('type').notNull(),
    /** The product release the tenant runs (extensions name the versions they support). */
    productVersion: text('product_version').notNull().default('1.0.0'),
    lifecycleStatus: lifecycleStatus('lifecycle_status').notNull().default('provisioning'),
    operationalStatus: operationalStatus('operational_status').notNull().default('up'),
    /** While decommissioned: when the retention period ends and the tenant is archived or deleted. */
    retainedUntil: timestamp('retained_until', { withTimezone: true }),
    buPath: ltree('bu_path').notNull(),
    buPathKey: pathKey('bu_path_key', 'bu_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A btree, not GiST: a subtree's tenants are one range of it (see `inSubtree`), and a subtree
    // move rewrites it for every moved tenant, where btree insertion is the cheaper one.
    index('tenants_bu_path_key_id_idx').on(t.buPathKey, t.id),
    // One index per sort of the tenant list, each ending in (name, id) like the list's keyset: a
    // page walks one in order from its cursor and stops after the page (BENCHMARKS.md). Sorted by
    // unit, the walk goes over units by name and takes each unit's tenants from the first one.
    index('tenants_name_id_idx').on(t.name, t.id),
    index('tenants_type_name_id_idx').on(t.type, t.name, t.id),
    index('tenants_lifecycle_name_id_idx').on(t.lifecycleStatus, t.name, t.id),
    index('tenants_operational_name_id_idx').on(t.operationalStatus, t.name, t.id),
    index('tenants_business_unit_name_id_idx').on(t.businessUnitId, t.name, t.id),
    // The list's name search `q` (`scc_search_tenants`, migration 0015).
    index('tenants_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    ...subtreePolicies(t.buPath),
  ],
);

/** What a tenant holds, reduced to keyed rows: enough for copies, archives and restores to be real work. */
const tenantRows = (name: 'tenant_application_data' | 'tenant_solution_profile') =>
  pgTable(
    name,
    {
      id: uuid('id').primaryKey().defaultRandom(),
      tenantId: uuid('tenant_id')
        .notNull()
        .references(() => tenants.id, { onDelete: 'cascade' }),
      key: text('key').notNull(),
      value: jsonb('value').notNull(),
      buPath: ltree('bu_path').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      unique(`${name}_tenant_key`).on(t.tenantId, t.key),
      index(`${name}_bu_path_gist`).using('gist', t.buPath),
      ...subtreePolicies(t.buPath),
    ],
  );

/** The customer's business data in a tenant. */
export const tenantApplicationData = tenantRows('tenant_application_data');
/** The tenant's configuration (business configuration, workspace settings). */
export const tenantSolutionProfile = tenantRows('tenant_solution_profile');
