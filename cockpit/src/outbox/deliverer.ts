import { type Database, outboxEvents, webhookDeliveries } from '@scc/db';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import { type PollingLoop, pollingLoop } from '../polling-loop.js';
import { postSigned } from './post-signed.js';
import { webhookSigner } from './signature.js';

export interface OutboxDelivererOptions {
  /** The owner connection: delivery is system work across every business unit. */
  db: Database;
  clock: Clock;
  /** The sales and invoicing system's webhook endpoint. */
  url: string;
  /** `whsec_<base64>`, the Standard Webhooks secret shared with the receiver. */
  secret: string;
  /** First retry after this long, doubling per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** An attempt that takes longer counts as failed (and may still have arrived: receivers dedupe on webhook-id). */
  timeoutMs?: number;
  pollMs?: number;
  fetch?: typeof fetch;
}

/** `runOnce` delivers (or fails to deliver) one due event. */
export type OutboxDeliverer = PollingLoop;

/**
 * At-least-once delivery of the transactional outbox. An event is claimed by pushing its next
 * attempt past the request timeout, so a crashed deliverer's event comes due again by itself;
 * its id is the `webhook-id` of every attempt, so the receiver can drop duplicates.
 */
export function createOutboxDeliverer(options: OutboxDelivererOptions): OutboxDeliverer {
  const { db, clock } = options;
  const base = options.baseBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 60 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  // Here rather than per delivery, so a malformed secret stops the process at start.
  const sign = webhookSigner(options.secret);
  const at = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs);

  async function claim() {
    return db.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(outboxEvents)
        .where(and(isNull(outboxEvents.deliveredAt), lte(outboxEvents.nextAttemptAt, at())))
        .orderBy(asc(outboxEvents.nextAttemptAt), asc(outboxEvents.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!event) return undefined;
      const [claimed] = await tx
        .update(outboxEvents)
        .set({ attempts: event.attempts + 1, nextAttemptAt: at(timeoutMs * 2) })
        .where(eq(outboxEvents.id, event.id))
        .returning();
      return claimed;
    });
  }

  async function runOnce(): Promise<boolean> {
    const event = await claim();
    if (!event) return false;
    const { statusCode, error } = await postSigned({
      url: options.url,
      sign,
      id: event.id,
      type: event.type,
      data: event.payload,
      timestamp: Math.floor(clock.now().getTime() / 1000),
      timeoutMs,
      fetch: doFetch,
    });
    const succeeded = error === null;
    await db.transaction(async (tx) => {
      await tx.insert(webhookDeliveries).values({
        eventId: event.id,
        attempt: event.attempts,
        url: options.url,
        statusCode,
        error,
        succeeded,
        buPath: event.buPath,
      });
      await tx
        .update(outboxEvents)
        .set(
          succeeded
            ? { deliveredAt: at(), lastError: null }
            : { lastError: error, nextAttemptAt: at(Math.min(max, base * 2 ** (event.attempts - 1))) },
        )
        .where(eq(outboxEvents.id, event.id));
    });
    return true;
  }

  return pollingLoop('outbox delivery', runOnce, options.pollMs ?? 1000);
}
