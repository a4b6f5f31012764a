import { createHash } from 'node:crypto';
import { type Database, operationRequests, type Transaction } from '@scc/db';
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { periodicSweep, type Sweep } from '../sweeps.js';
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

const forgotten = { idempotencyKey: null, idempotencyHash: null, idempotencyKeyUsedAt: null };

/** The key has expired: first used more than 24 hours ago by `clock` (keys from before that was kept: by creation). */
export function isExpired(row: { idempotencyKeyUsedAt: Date | null; createdAt: Date }, clock: Clock): boolean {
  return (row.idempotencyKeyUsedAt ?? row.createdAt) < idempotencyCutoff(clock);
}

/** One request lets go of its key, which then names a new request. */
export async function forgetKey(tx: Transaction, requestId: string): Promise<void> {
  await tx.update(operationRequests).set(forgotten).where(eq(operationRequests.id, requestId));
}

/** Forgets every expired key (the request stays, only its key and hash go): the sweep's work. */
export async function forgetExpiredKeys(db: Database | Transaction, clock: Clock): Promise<number> {
  const rows = await db
    .update(operationRequests)
    .set(forgotten)
    .where(
      and(
        isNotNull(operationRequests.idempotencyKey),
        lt(operationRequests.idempotencyKeyUsedAt, idempotencyCutoff(clock)),
      ),
    )
    .returning({ id: operationRequests.id });
  return rows.length;
}

/** The sweep beside the workers: once an hour (and at start) every expired key of every user. */
export function createIdempotencyKeySweep(options: { db: Database; clock: Clock; intervalMs?: number }): Sweep {
  return periodicSweep(
    'idempotency key sweep',
    () => forgetExpiredKeys(options.db, options.clock),
    options.intervalMs ?? 60 * 60 * 1000,
  );
}
