import type { AlertKind, AlertSubject, AlertWebhookData } from '@scc/contracts/alerts';
import {
  alertDeliveries,
  alerts,
  businessUnits,
  operationRequestEvents,
  type Transaction,
  webhookEndpoints,
} from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import { alertSummary, severityOf } from './summaries.js';

/**
 * A transaction of a system component on the owner connection (a worker, a sweep): a caller's
 * transaction would not see the endpoints registered above its subtree, and their deliveries
 * would silently be missing.
 */
type Writer = Pick<Transaction, 'insert' | 'select' | 'execute'>;

export interface AlertCause {
  kind: AlertKind;
  businessUnitId: string;
  subject: AlertSubject;
  /** One occurrence, one alert: raising again with the same key does nothing. */
  dedupeKey: string;
  raisedAt: Date;
}

/**
 * Raises an alert in the transaction that wrote its cause, all or nothing: the alert, its event on
 * the live feed (so widgets show it at once) and one delivery per webhook endpoint registered on
 * the unit or above it for this kind. Returns the alert's data, or undefined when this occurrence
 * was raised before.
 */
export async function raiseAlert(tx: Writer, cause: AlertCause): Promise<AlertWebhookData | undefined> {
  const [unit] = await tx
    .select({ name: businessUnits.name, path: businessUnits.path })
    .from(businessUnits)
    .where(eq(businessUnits.id, cause.businessUnitId));
  if (!unit) return undefined;
  const summary = alertSummary(cause.kind, cause.subject, unit.name);
  const severity = severityOf[cause.kind];
  const [alert] = await tx
    .insert(alerts)
    .values({
      kind: cause.kind,
      severity,
      businessUnitId: cause.businessUnitId,
      subject: cause.subject,
      summary,
      dedupeKey: cause.dedupeKey,
      buPath: unit.path,
      raisedAt: cause.raisedAt,
    })
    .onConflictDoNothing({ target: alerts.dedupeKey })
    .returning({ id: alerts.id });
  if (!alert) return undefined;
  const data: AlertWebhookData = {
    id: alert.id,
    kind: cause.kind,
    severity,
    businessUnitId: cause.businessUnitId,
    businessUnitName: unit.name,
    subject: cause.subject,
    summary,
    raisedAt: cause.raisedAt.toISOString(),
  };
  await tx.insert(operationRequestEvents).values({ kind: 'alert', payload: data, buPath: unit.path });
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        sql`${webhookEndpoints.buPath} @> ${unit.path}::ltree`,
        sql`(cardinality(${webhookEndpoints.kinds}) = 0 or ${cause.kind} = any(${webhookEndpoints.kinds}))`,
      ),
    );
  if (endpoints.length > 0) {
    await tx.insert(alertDeliveries).values(
      endpoints.map((endpoint) => ({
        alertId: alert.id,
        endpointId: endpoint.id,
        nextAttemptAt: cause.raisedAt,
        buPath: unit.path,
      })),
    );
  }
  return data;
}
