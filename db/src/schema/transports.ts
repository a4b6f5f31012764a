import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './ltree.js';
import { operationRequests } from './operations.js';
import { products } from './products.js';
import { subtreePolicies } from './scope.js';
import { tenants } from './tenants.js';

/**
 * Every version of a tenant's solution profile (a JSON document); the current one is the highest.
 * A version is written once, by the deployment, copy or restore that made it (`created_by_request_id`,
 * unique per tenant, so a repeated step finds its version instead of writing a second one).
 * `tenant_solution_profile` keeps the current version's top-level sections as rows for copies and
 * archives; the writer of a version rewrites them in the same transaction.
 */
export const solutionProfileVersions = pgTable(
  'solution_profile_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdByRequestId: uuid('created_by_request_id'),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('solution_profile_versions_tenant_version').on(t.tenantId, t.version),
    unique('solution_profile_versions_tenant_request').on(t.tenantId, t.createdByRequestId),
    check('solution_profile_versions_positive', sql`${t.version} > 0`),
    check('solution_profile_versions_object', sql`jsonb_typeof(${t.document}) = 'object'`),
    index('solution_profile_versions_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

/** The extensions a product offers, each version with the product versions it supports and what it needs. */
export const productExtensions = pgTable(
  'product_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    version: text('version').notNull(),
    /** Inclusive. */
    minProductVersion: text('min_product_version').notNull(),
    /** Exclusive; null: no upper bound. */
    maxProductVersion: text('max_product_version'),
    dependsOn: jsonb('depends_on').$type<{ name: string; minVersion: string }[]>().notNull().default([]),
    /** The product's path: the catalogue is shared with the product's subtree like the product. */
    buPath: ltree('bu_path').notNull(),
  },
  (t) => [
    unique('product_extensions_product_name_version').on(t.productId, t.name, t.version),
    index('product_extensions_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath, 'shared-read'),
  ],
);

/** The extensions installed in a tenant: one version per name. */
export const tenantExtensions = pgTable(
  'tenant_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    version: text('version').notNull(),
    installedByRequestId: uuid('installed_by_request_id'),
    buPath: ltree('bu_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('tenant_extensions_tenant_name').on(t.tenantId, t.name),
    index('tenant_extensions_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * One row per completed transport, written in the deployment's transaction: a delta finds its
 * baseline here (the source version of the last transport between the two), the productive rule
 * finds what was deployed to non-productive tenants, and a repeated deployment step finds its row
 * (`request_id` unique) and writes nothing.
 */
export const transports = pgTable(
  'transports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .unique()
      .references(() => operationRequests.id, { onDelete: 'restrict' }),
    sourceTenantId: uuid('source_tenant_id').notNull(),
    targetTenantId: uuid('target_tenant_id').notNull(),
    /** The target's type when deployed. */
    targetType: text('target_type').notNull(),
    /** `full` or `delta`; null: extensions only. */
    profileMode: text('profile_mode'),
    sourceVersion: integer('source_version'),
    baselineVersion: integer('baseline_version'),
    targetVersionBefore: integer('target_version_before'),
    targetVersionAfter: integer('target_version_after'),
    extensions: jsonb('extensions').$type<{ name: string; version: string }[]>().notNull().default([]),
    /** The target's path. */
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('transports_mode', sql`${t.profileMode} is null or ${t.profileMode} in ('full', 'delta')`),
    index('transports_pair_idx').on(t.sourceTenantId, t.targetTenantId, t.createdAt),
    index('transports_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
