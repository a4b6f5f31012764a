import { ProblemError } from '@scc/contracts/problem';
import type { ServiceTokenVerifier } from '@scc/contracts/service-token';
import { createMiddleware } from 'hono/factory';
import type { CockpitEnv } from '../scope/caller.js';
import type { CallerCache } from '../scope/caller-cache.js';

/**
 * Every `/v1` call must carry a valid service token whose user resolves to a scope. A token that
 * fails verification is refused before any database work. A call of a widget's embed session
 * (`sid`) runs inside it: each of its scoped transactions refuses the session once revoked
 * (`withScope` with the caller).
 */
export function requireCaller(callers: CallerCache, verify: ServiceTokenVerifier) {
  return createMiddleware<CockpitEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw ProblemError.of('unauthorized');
    const claims = await verify(token).catch(() => undefined);
    if (!claims || claims.actsAsHost) throw ProblemError.of('unauthorized');
    const caller = await callers.resolve(claims);
    if (!caller) throw ProblemError.of('unauthorized');
    // The kept caller is shared by all of the user's sessions; the session is this request's own.
    c.set('caller', claims.sessionId ? { ...caller, embedSessionId: claims.sessionId } : caller);
    await next();
  });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose changes never alter who may act where: tenants' operations, embed sessions, step-ups, a host's own calls. */
const CHANGE_NO_CALLERS = ['/v1/operation-requests', '/v1/embed-sessions', '/v1/step-up', '/v1/hosts/'];

/**
 * After a change made through this process, its kept callers are forgotten before the answer
 * leaves, so the caller's next request sees the new roles or scope even before the database's
 * announcement arrives.
 */
export function forgetCallersAfterChanges(callers: CallerCache) {
  return createMiddleware(async (c, next) => {
    await next();
    if (!READS.has(c.req.method) && !CHANGE_NO_CALLERS.some((p) => c.req.path.startsWith(p))) callers.invalidate();
  });
}
