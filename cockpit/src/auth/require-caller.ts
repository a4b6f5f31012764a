import { ProblemError } from '@scc/contracts/problem';
import type { ServiceTokenVerifier } from '@scc/contracts/service-token';
import type { Database } from '@scc/db';
import { createMiddleware } from 'hono/factory';
import type { CockpitEnv } from '../scope/caller.js';
import { resolveCaller } from '../scope/resolve-caller.js';

/** Every `/v1` call must carry a valid service token whose user resolves to a scope. */
export function requireCaller(db: Database, verify: ServiceTokenVerifier) {
  return createMiddleware<CockpitEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw ProblemError.of('unauthorized');
    const claims = await verify(token).catch(() => undefined);
    if (!claims) throw ProblemError.of('unauthorized');
    const caller = await resolveCaller(db, claims);
    if (!caller) throw ProblemError.of('unauthorized');
    c.set('caller', caller);
    await next();
  });
}
