import { index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree } from './ltree.js';
import { subtreePolicies } from './scope.js';

/** A person who signs in to a host application; belongs to one home business unit. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath)],
);

export const roleName = pgEnum('role_name', ['viewer', 'operator', 'admin', 'billing']);
export type RoleName = (typeof roleName.enumValues)[number];

/** A role held on a business unit applies to it and every descendant. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Restrict, not cascade: a user may hold roles outside the subtree of the admin deleting it,
    // and a cascade would remove them past row-level security. The cockpit deletes the visible
    // ones itself and refuses when any remain.
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'restrict' }),
    role: roleName('role').notNull(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_assignments_unique').on(t.userId, t.businessUnitId, t.role),
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);
