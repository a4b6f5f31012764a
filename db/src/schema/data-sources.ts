import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

export type DataSourceAttributes = Record<string, string | number | boolean>;

/** A system a business unit runs (backup server, server group …), known by its reference in that system. */
export const dataSources = pgTable(
  'data_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    externalRef: text('external_ref').notNull(),
    name: text('name').notNull(),
    attributes: jsonb('attributes').$type<DataSourceAttributes>().notNull().default({}),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('data_sources_unit_kind_ref_unique').on(t.businessUnitId, t.kind, t.externalRef),
    index('data_sources_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
