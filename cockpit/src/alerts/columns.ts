import type { Alert, AlertSubject } from '@scc/contracts/alerts';
import { alerts, businessUnits } from '@scc/db';
import { sql } from 'drizzle-orm';

/** What every reader of an alert selects (with `alerts` joined to its unit), as the API shows it. */
export const alertColumns = {
  id: alerts.id,
  kind: sql<Alert['kind']>`${alerts.kind}`,
  severity: sql<Alert['severity']>`${alerts.severity}`,
  businessUnitId: alerts.businessUnitId,
  businessUnitName: businessUnits.name,
  subject: sql<AlertSubject>`${alerts.subject}`,
  summary: alerts.summary,
  raisedAt: sql<string>`to_char(${alerts.raisedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};
