import { getTableName, sql } from 'drizzle-orm';
import { type AnyPgColumn, type PgPolicy, pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/**
 * The role every cockpit transaction switches to. It owns nothing and cannot bypass
 * row-level security, so a query that forgets its own subtree filter is still filtered.
 */
export const appRole = pgRole('scc_app').existing();

/** The caller's subtree root path, set per transaction; unset means "nothing visible". */
export const scopePath = sql`(select nullif(current_setting('app.scope_path', true), '')::ltree)`;

/**
 * What the application role may do with a table's rows, always within the scope:
 * - `subtree`: read and write rows inside it.
 * - `shared-read`: the same, and read rows of its ancestors too (products: a unit shares its
 *   products with its whole subtree, which may use but not change them).
 * - `append-only`: read and insert rows inside it, never update or delete them (audit events;
 *   revoked grants and a guard trigger, migration 0005, refuse those for every role as well).
 */
export type SubtreeAccess = 'subtree' | 'shared-read' | 'append-only';

/**
 * The row-level-security policies for `scc_app` of a table whose rows lie in the tree at `path`
 * (`bu_path`; business units their own `path`). The one definition of isolation: every such table
 * declares its policies with this and nothing else, and `owned-tables.test.ts` checks that the
 * migrated database holds exactly these policies. The names and SQL are those of the migrations
 * that created them, so drizzle-kit sees no change.
 */
export function subtreePolicies(path: AnyPgColumn, access: SubtreeAccess = 'subtree'): PgPolicy[] {
  const table = getTableName(path.table);
  const inScope = sql`${path} <@ ${scopePath}`;
  switch (access) {
    case 'subtree':
      return [pgPolicy(`${table}_subtree`, { for: 'all', to: appRole, using: inScope, withCheck: inScope })];
    case 'shared-read':
      return [
        pgPolicy(`${table}_shared_read`, {
          for: 'select',
          to: appRole,
          using: sql`${inScope} or ${path} @> ${scopePath}`,
        }),
        pgPolicy(`${table}_subtree_insert`, { for: 'insert', to: appRole, withCheck: inScope }),
        pgPolicy(`${table}_subtree_update`, { for: 'update', to: appRole, using: inScope, withCheck: inScope }),
        pgPolicy(`${table}_subtree_delete`, { for: 'delete', to: appRole, using: inScope }),
      ];
    case 'append-only':
      return [
        pgPolicy(`${table}_subtree_read`, { for: 'select', to: appRole, using: inScope }),
        pgPolicy(`${table}_subtree_append`, { for: 'insert', to: appRole, withCheck: inScope }),
      ];
  }
}
