import { ProblemError } from '@scc/contracts/problem';
import type { ServiceTokenVerifier } from '@scc/contracts/service-token';
import { type Database, executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';

/** A host's backend acting for itself, through its BFF: on its home unit's subtree, for no user. */
export interface HostCaller {
  hostId: string;
  homeBusinessUnitId: string;
  scopePath: string;
}

export type HostEnv = { Variables: { host: HostCaller } };

/** Who acts when the host itself did something: no user, the host named in the e-mail column. */
export function hostActor(host: Pick<HostCaller, 'hostId'>) {
  return { user: { id: '00000000-0000-0000-0000-000000000000', email: `host:${host.hostId}` } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cockpit's host routes take only service tokens that act for the host itself (`act: host`);
 * a user's token is refused here as a host token is refused everywhere else. The scope is the
 * home unit's subtree, read by `scc_business_unit_path` (migration 0019) in one statement: these
 * calls are rare (a revocation, a refusal, a feed that connects), so nothing is cached.
 */
export function requireHost(db: Database, verify: ServiceTokenVerifier) {
  return createMiddleware<HostEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const claims = token ? await verify(token).catch(() => undefined) : undefined;
    if (!claims?.actsAsHost || !UUID.test(claims.homeBusinessUnitId)) throw ProblemError.of('unauthorized');
    const [row] = await executeRows<{ path: string | null }>(
      db,
      sql`select scc_business_unit_path(${claims.homeBusinessUnitId}::uuid)::text as path`,
    );
    if (!row?.path) throw ProblemError.of('unauthorized');
    c.set('host', { hostId: claims.hostId, homeBusinessUnitId: claims.homeBusinessUnitId, scopePath: row.path });
    await next();
  });
}
