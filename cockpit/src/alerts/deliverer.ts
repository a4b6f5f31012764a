import { alertDeliveries, alerts, businessUnits, type Database, webhookEndpoints } from '@scc/db';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import { postSigned } from '../outbox/post-signed.js';
import { webhookSigner } from '../outbox/signature.js';
import { type PollingLoop, pollingLoop } from '../polling-loop.js';
import type { Sealer } from '../step-up/secret-box.js';
import { alertColumns } from './columns.js';

/** The event type of every alert delivery; `data.kind` says which alert. */
export const ALERT_EVENT_TYPE = 'alert.raised';

export interface AlertDelivererOptions {
  /** The owner connection: delivery is system work across every business unit. */
  db: Database;
  clock: Clock;
  /** Opens endpoints' sealed secrets (the cockpit key's webhook purpose). */
  secrets: Sealer;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts after which a delivery is given up (about a day with the default backoff). */
  maxAttempts?: number;
  timeoutMs?: number;
  pollMs?: number;
  fetch?: typeof fetch;
}

/**
 * At-least-once delivery of alerts to hosts' endpoints, claimed like the sales outbox: the next
 * attempt is pushed past the timeout first, so a crashed deliverer's delivery comes due again.
 * The alert's id is the `webhook-id`, the same for every attempt and endpoint.
 */
export function createAlertDeliverer(options: AlertDelivererOptions): PollingLoop {
  const { db, clock } = options;
  const base = options.baseBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 60 * 60 * 1000;
  const maxAttempts = options.maxAttempts ?? 30;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  const at = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs);

  async function claim() {
    return db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: alertDeliveries.id, attempts: alertDeliveries.attempts })
        .from(alertDeliveries)
        .where(
          and(
            isNull(alertDeliveries.deliveredAt),
            lte(alertDeliveries.nextAttemptAt, at()),
            lte(alertDeliveries.attempts, maxAttempts - 1),
          ),
        )
        .orderBy(asc(alertDeliveries.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      await tx
        .update(alertDeliveries)
        .set({ attempts: due.attempts + 1, nextAttemptAt: at(timeoutMs * 2) })
        .where(eq(alertDeliveries.id, due.id));
      const [delivery] = await tx
        .select({
          id: alertDeliveries.id,
          attempts: alertDeliveries.attempts,
          endpointId: webhookEndpoints.id,
          url: webhookEndpoints.url,
          sealedSecret: webhookEndpoints.sealedSecret,
          alert: alertColumns,
        })
        .from(alertDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, alertDeliveries.endpointId))
        .innerJoin(alerts, eq(alerts.id, alertDeliveries.alertId))
        .innerJoin(businessUnits, eq(businessUnits.id, alerts.businessUnitId))
        .where(eq(alertDeliveries.id, due.id));
      return delivery;
    });
  }

  async function runOnce(): Promise<boolean> {
    const delivery = await claim();
    if (!delivery) return false;
    const outcome = await postSigned({
      url: delivery.url,
      sign: webhookSigner(options.secrets.open(delivery.endpointId, delivery.sealedSecret)),
      id: delivery.alert.id,
      type: ALERT_EVENT_TYPE,
      data: delivery.alert,
      timestamp: Math.floor(clock.now().getTime() / 1000),
      timeoutMs,
      fetch: doFetch,
    });
    await db
      .update(alertDeliveries)
      .set(
        outcome.error === null
          ? { deliveredAt: at(), lastStatusCode: outcome.statusCode, lastError: null }
          : {
              lastStatusCode: outcome.statusCode,
              lastError: outcome.error.slice(0, 500),
              nextAttemptAt: at(Math.min(max, base * 2 ** (delivery.attempts - 1))),
            },
      )
      .where(eq(alertDeliveries.id, delivery.id));
    return true;
  }

  return pollingLoop('alert delivery', runOnce, options.pollMs ?? 1000);
}
