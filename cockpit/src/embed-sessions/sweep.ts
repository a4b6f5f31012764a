import { type Database, embedSessions } from '@scc/db';
import { inArray, lt } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import { periodicSweep, type Sweep } from '../sweeps.js';

/**
 * How long a session's row outlives its token. Every token renewal opens a session, so without
 * the sweep the table grows by one row per active user every few minutes; after its token
 * expired a session can do nothing, and the audit log keeps when it was issued and revoked.
 */
export const ENDED_SESSION_KEPT_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;

/** Deletes the sessions whose token expired more than {@link ENDED_SESSION_KEPT_MS} ago, in short batches. */
export async function forgetEndedSessions(db: Database, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - ENDED_SESSION_KEPT_MS);
  let forgotten = 0;
  for (;;) {
    const ended = db
      .select({ id: embedSessions.id })
      .from(embedSessions)
      .where(lt(embedSessions.expiresAt, cutoff))
      .limit(BATCH);
    const rows = await db
      .delete(embedSessions)
      .where(inArray(embedSessions.id, ended))
      .returning({ id: embedSessions.id });
    forgotten += rows.length;
    if (rows.length < BATCH) return forgotten;
  }
}

/** Once an hour, beside the workers. */
export function createEndedSessionSweep(options: { db: Database; clock: Clock; intervalMs?: number }): Sweep {
  return periodicSweep(
    'ended embed session sweep',
    () => forgetEndedSessions(options.db, options.clock),
    options.intervalMs ?? 60 * 60 * 1000,
  );
}
