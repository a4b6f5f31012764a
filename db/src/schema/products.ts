import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * A sellable product. The owning business unit shares it with its whole subtree, so callers
 * below may read an ancestor's products but only change products inside their own subtree.
 */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    tenantTypes: text('tenant_types').array().notNull(),
    /** The product's operation rules as data (see the cockpit's ProductRules); `{}` means all defaults. */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    /** What a tenant's solution profile may hold: a JSON-Schema-like description (cockpit/src/transports/profile-schema.ts); null: any object. */
    profileSchema: jsonb('profile_schema').$type<Record<string, unknown>>(),
    ownerBusinessUnitId: uuid('owner_business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('products_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath, 'shared-read')],
);

/** Sales data replicated per business unit: what it bought, with which options and SLA, for how long. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalRef: text('external_ref').notNull().unique(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    sla: text('sla').notNull(),
    options: jsonb('options').$type<ContractOptions>().notNull().default({}),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contracts_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath)],
);

export interface ContractOptions {
  /** Test tenants allowed beyond the product's default, each chargeable. */
  extraTestTenants?: number;
}
