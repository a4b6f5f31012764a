import type { User } from '@scc/contracts/users';
import { businessUnits, roleAssignments, type Transaction, users } from '@scc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { NamePosition } from '../business-units/queries.js';
import type { Caller } from '../scope/caller.js';
import { inScope, under } from '../scope/in-subtree.js';

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  businessUnitId: users.businessUnitId,
  buPath: users.buPath,
};

/** Attaches each user's role assignments inside the caller's subtree (one query for the page). */
async function withRoles(
  tx: Transaction,
  caller: Caller,
  rows: (Omit<User, 'roles'> & { buPath: string })[],
): Promise<(User & { buPath: string })[]> {
  if (rows.length === 0) return [];
  const roles = await tx
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      businessUnitId: roleAssignments.businessUnitId,
      businessUnitName: businessUnits.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(businessUnits, eq(businessUnits.id, roleAssignments.businessUnitId))
    .where(
      and(
        inScope(roleAssignments.buPath, caller),
        inArray(
          roleAssignments.userId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(roleAssignments.buPath), asc(roleAssignments.role));
  return rows.map((row) => ({
    ...row,
    roles: roles.filter((r) => r.userId === row.id).map(({ userId: _userId, ...role }) => role),
  }));
}

/** Users whose home lies under `underPath` (inside the scope), by e-mail. */
export async function listUsers(
  tx: Transaction,
  caller: Caller,
  options: { underPath: string; limit: number; after?: NamePosition | undefined },
) {
  const rows = await tx
    .select(userColumns)
    .from(users)
    .where(
      and(
        inScope(users.buPath, caller),
        under(users.buPath, options.underPath),
        options.after
          ? sql`(${users.email}, ${users.id}) > (${options.after.name}, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(users.email), asc(users.id))
    .limit(options.limit + 1);
  return { items: await withRoles(tx, caller, rows.slice(0, options.limit)), hasMore: rows.length > options.limit };
}

export async function findUser(tx: Transaction, caller: Caller, id: string) {
  const rows = await tx
    .select(userColumns)
    .from(users)
    .where(and(inScope(users.buPath, caller), eq(users.id, id)));
  const [user] = await withRoles(tx, caller, rows);
  return user;
}

export const userView = ({ buPath: _buPath, ...user }: User & { buPath: string }): User => user;
