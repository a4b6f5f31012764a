import { businessUnits, type Database, type RoleName, roleAssignments, users } from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceTokenClaims } from '../auth/service-token.js';
import type { Caller } from './caller.js';

const home = alias(businessUnits, 'home');

/**
 * The one query that looks across the whole tree: it runs before any scope exists. A caller
 * resolves only if the acting business unit lies in the host's home subtree and the user holds
 * a role on it or on an ancestor; otherwise the caller does not exist for the cockpit.
 */
export async function resolveCaller(db: Database, claims: ServiceTokenClaims): Promise<Caller | undefined> {
  if (!isUuid(claims.businessUnitId) || !isUuid(claims.homeBusinessUnitId)) return undefined;
  if (claims.sub !== undefined && !isUuid(claims.sub)) return undefined;
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      businessUnitId: businessUnits.id,
      name: businessUnits.name,
      kind: businessUnits.kind,
      path: businessUnits.path,
      roles: sql<RoleName[]>`array_agg(distinct ${roleAssignments.role}::text order by ${roleAssignments.role}::text)`,
    })
    .from(users)
    .innerJoin(businessUnits, eq(businessUnits.id, claims.businessUnitId))
    .innerJoin(home, and(eq(home.id, claims.homeBusinessUnitId), sql`${businessUnits.path} <@ ${home.path}`))
    .innerJoin(
      roleAssignments,
      and(eq(roleAssignments.userId, users.id), sql`${roleAssignments.buPath} @> ${businessUnits.path}`),
    )
    .where(claims.sub ? eq(users.id, claims.sub) : eq(users.email, claims.email ?? ''))
    .groupBy(users.id, businessUnits.id);
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: { id: row.userId, email: row.email, displayName: row.displayName },
    businessUnit: { id: row.businessUnitId, name: row.name, kind: row.kind },
    roles: row.roles,
    scopePath: row.path,
    hostId: claims.hostId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
