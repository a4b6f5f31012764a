import type { ServiceTokenClaims } from '@scc/contracts/service-token';
import { type Database, queryResolvedCaller } from '@scc/db';
import type { Caller } from './caller.js';

/**
 * The one query that looks across the whole tree: it runs before any scope exists. A caller
 * resolves only if the acting business unit lies in the host's home subtree and the user holds
 * a role on it or on an ancestor; otherwise the caller does not exist for the cockpit.
 *
 * The rule lives in the SECURITY DEFINER function `scc_resolve_caller` (migration 0003), so the
 * cockpit's own connection needs no rights beyond `scc_app`'s and never bypasses row-level security.
 */
export async function resolveCaller(db: Database, claims: ServiceTokenClaims): Promise<Caller | undefined> {
  if (!isUuid(claims.businessUnitId) || !isUuid(claims.homeBusinessUnitId)) return undefined;
  if (claims.sub !== undefined && !isUuid(claims.sub)) return undefined;
  const [row] = await queryResolvedCaller(db, {
    userId: claims.sub,
    email: claims.email,
    businessUnitId: claims.businessUnitId,
    homeBusinessUnitId: claims.homeBusinessUnitId,
  });
  if (!row) return undefined;
  return {
    user: { id: row.user_id, email: row.email, displayName: row.display_name },
    businessUnit: { id: row.business_unit_id, name: row.name, kind: row.kind },
    roles: row.roles,
    scopePath: row.path,
    hostId: claims.hostId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
