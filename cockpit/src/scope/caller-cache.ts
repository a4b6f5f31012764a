import type { ServiceTokenClaims } from '@scc/contracts/service-token';
import { CALLERS_CHANGED_CHANNEL, type Database, listen, type Unlisten } from '@scc/db';
import { cockpitLog } from '../log.js';
import type { Caller } from './caller.js';
import { resolveCaller } from './resolve-caller.js';

/** A safety net only: changes are announced, so an entry normally lives until the next change. */
const DEFAULT_TTL_MS = 5_000;
const DEFAULT_MAX_ENTRIES = 10_000;

export interface CallerCache {
  /** The caller the claims name, as {@link resolveCaller} would answer it now. */
  resolve(claims: ServiceTokenClaims): Promise<Caller | undefined>;
  /** Forgets every caller: this process has just changed roles, users or units. */
  invalidate(): void;
  close(): Promise<void>;
}

/**
 * Remembers resolved callers (user, acting unit, scope, roles) so a request needs no statement to
 * find its scope. Every change that could alter an answer is announced by the database
 * (migration 0017) to every cockpit process, which then forgets all its callers; the process
 * that made a change also forgets them itself before it answers, so its own next request never
 * sees the old roles or scope. Callers are only kept while the LISTEN is in place, since
 * announcements made without it are lost; the time limit covers the moment a LISTEN drops
 * before anyone notices.
 */
export function createCallerCache(
  db: Database,
  options: { listenOn?: Database; ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): CallerCache {
  const { listenOn = db, ttlMs = DEFAULT_TTL_MS, maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now } = options;
  const callers = new Map<string, { caller: Caller; keptUntil: number }>();
  // Bumped by every invalidation: a lookup that started before one must not keep its answer.
  let generation = 0;
  let listening = false;
  let closed = false;
  let unlisten: Promise<Unlisten | undefined> | undefined;

  const invalidate = () => {
    generation += 1;
    callers.clear();
  };

  const startListening = () => {
    unlisten ??= listen(listenOn, CALLERS_CHANGED_CHANNEL, invalidate, () => {
      // Announcements made before this moment were lost: nothing kept so far can be trusted.
      invalidate();
      listening = !closed;
    }).catch((error: unknown) => {
      cockpitLog.error('resolved callers are not kept: LISTEN failed', { error });
      return undefined;
    });
  };

  return {
    async resolve(claims) {
      startListening();
      // The host is not part of the resolution: it comes from the claims of each token.
      const key = JSON.stringify([claims.sub, claims.email, claims.businessUnitId, claims.homeBusinessUnitId]);
      const kept = callers.get(key);
      if (kept && now() < kept.keptUntil) return { ...kept.caller, hostId: claims.hostId };
      callers.delete(key);
      const startedIn = generation;
      const caller = await resolveCaller(db, claims);
      if (caller && listening && startedIn === generation) {
        if (callers.size >= maxEntries) callers.delete(callers.keys().next().value as string);
        callers.set(key, { caller, keptUntil: now() + ttlMs });
      }
      return caller;
    },
    invalidate,
    async close() {
      closed = true;
      listening = false;
      invalidate();
      await (await unlisten)?.();
    },
  };
}
