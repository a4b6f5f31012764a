import type { AlertKind, AlertSubject, AlertWebhookData } from '@scc/contracts/alerts';
import {
  alertDeliveries,
  alerts,
  businessUnits,
  executeRows,
  operationRequestEvents,
  type Transaction,
  webhookEndpoints,
} from '@scc/db';
import { eq, sql } from 'drizzle-orm';
import { alertSummary, severityOf } from './summaries.js';

/**
 * A transaction of a system component on the owner connection (a worker, a sweep), or a caller's
 * transaction whose scope holds the alerted unit (see the endpoints below).
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
  // The owner connection reads the endpoints themselves; a caller's transaction (an issued invoice)
  // sees only those of its own subtree and asks `scc_alert_endpoints` (migration 0028) for those
  // above it. Each finds what the other cannot, so both are asked.
  const endpoints = await executeRows<{ id: string }>(
    tx,
    sql`select ${webhookEndpoints.id} as id from ${webhookEndpoints}
      where ${webhookEndpoints.buPath} @> ${unit.path}::ltree
        and (cardinality(${webhookEndpoints.kinds}) = 0 or ${cause.kind} = any(${webhookEndpoints.kinds}))
      union select id from scc_alert_endpoints(${unit.path}::ltree, ${cause.kind}) id`,
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
