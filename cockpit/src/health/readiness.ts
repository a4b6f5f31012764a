import type { Database } from '@scc/db';
import { type Readiness, type ReadinessCheck, readinessOf } from '@scc/service-kit/readiness';
import { sql } from 'drizzle-orm';

/** The database answers `select 1` on this connection (pool). */
export function databaseCheck(db: Database): ReadinessCheck {
  return async () => {
    await db.execute(sql`select 1`);
    return true;
  };
}

export interface CockpitReadinessOptions {
  /** The runtime connection the API's queries run on. */
  db: Database;
  /**
   * Whether this process's live-feed LISTEN is in place; without it the check is left out (a
   * process without a live feed). Reported as `liveFeed`.
   */
  liveFeedReady?: (() => boolean | Promise<boolean>) | undefined;
  timeoutMs?: number;
}

/** The cockpit is ready when its runtime database answers and, where it has one, its LISTEN is up. */
export function cockpitReadiness({ db, liveFeedReady, timeoutMs }: CockpitReadinessOptions): Readiness {
  return readinessOf(
    { database: databaseCheck(db), ...(liveFeedReady ? { liveFeed: () => liveFeedReady() } : {}) },
    timeoutMs,
  );
}
