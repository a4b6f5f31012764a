import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { executeRows } from './rows.js';
import type { RoleName } from './schema/users.js';

/** One row of `scc_resolve_caller` (migration 0003), the only query that reads across the tree. */
export interface ResolvedCallerRow {
  user_id: string;
  email: string;
  display_name: string;
  business_unit_id: string;
  name: string;
  kind: string;
  path: string;
  roles: RoleName[];
}

/**
 * Calls the SECURITY DEFINER function in one statement: the user (by id, else by e-mail) acting
 * on a business unit inside a home unit's subtree. No row means no such caller.
 */
export function queryResolvedCaller(
  db: Pick<Database, 'execute'>,
  args: { userId?: string | null; email?: string | null; businessUnitId: string; homeBusinessUnitId: string },
): Promise<ResolvedCallerRow[]> {
  return executeRows<ResolvedCallerRow>(
    db,
    sql`select user_id, email, display_name, business_unit_id, name, kind, path, roles
      from scc_resolve_caller(${args.userId ?? null}::uuid, ${args.email ?? null}::text,
        ${args.businessUnitId}::uuid, ${args.homeBusinessUnitId}::uuid)`,
  );
}

/**
 * Where the database announces that resolved callers may be stale (migration 0017): a role,
 * user or business unit changed. The payload is empty; a listener drops every caller it keeps.
 */
export const CALLERS_CHANGED_CHANNEL = 'scc_callers_changed';
