import { createHash } from 'node:crypto';
import { type Database, operationRequests, type Transaction } from '@scc/db';
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { cockpitLog } from '../log.js';
import type { Clock } from './clock.js';

/**
 * Idempotency keys as Stripe keeps them: a key stands for one request body of one user for 24
 * hours. A retry within that time with the same body gets the first request back; with another
 * body it is refused (422); after it the key is forgotten and names a new request.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted at every level: equal values, equal text, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash stored with a key: sha256 of the canonical JSON of the validated request. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** Keys created before this moment have expired. */
export function idempotencyCutoff(clock: Clock): Date {
  return new Date(clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS);
}

/**
 * Forgets expired keys: the request stays, only its key and hash go, so the key can name a new
 * request. `userId` narrows it to one user's keys (what a submit with a key does on its way).
 */
export async function forgetExpiredKeys(db: Database | Transaction, clock: Clock, userId?: string): Promise<number> {
  const forgotten = await db
    .update(operationRequests)
    .set({ idempotencyKey: null, idempotencyHash: null, idempotencyKeyUsedAt: null })
    .where(
      and(
        isNotNull(operationRequests.idempotencyKey),
        lt(operationRequests.idempotencyKeyUsedAt, idempotencyCutoff(clock)),
        userId === undefined ? sql`true` : eq(operationRequests.requestedByUserId, userId),
      ),
    )
    .returning({ id: operationRequests.id });
  return forgotten.length;
}

/** The sweep beside the workers: once an hour (and at start) every expired key of every user. */
export function createIdempotencyKeySweep(options: { db: Database; clock: Clock; intervalMs?: number }) {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = () => forgetExpiredKeys(options.db, options.clock);
  const run = () =>
    void runOnce().catch((error: unknown) => cockpitLog.error('idempotency key sweep failed', { error }));
  return {
    runOnce,
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, options.intervalMs ?? 60 * 60 * 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
