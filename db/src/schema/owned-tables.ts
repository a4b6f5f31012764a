import { getTableName, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { alertDeliveries, alertReads, alerts, webhookEndpoints } from './alerts.js';
import { approvalDecisionsTable, approvalPolicies, approvals } from './approvals.js';
import { auditEvents } from './audit.js';
import {
  billingAccounts,
  collectorCredentials,
  invoiceCounters,
  invoices,
  priceLists,
  usageDailyTotals,
  usageRecords,
} from './billing.js';
import { brandLogos } from './business-units.js';
import { dataSources } from './data-sources.js';
import { embedSessions } from './embed-sessions.js';
import { hostApiKeys } from './host-api-keys.js';
import { identityProviders } from './identity-providers.js';
import {
  operationRequestEvents,
  operationRequests,
  outboxEvents,
  tenantArchives,
  webhookDeliveries,
} from './operations.js';
import { contracts, products } from './products.js';
import { quotas } from './quotas.js';
import { tenantApplicationData, tenantSolutionProfile, tenants } from './tenants.js';
import { productExtensions, solutionProfileVersions, tenantExtensions, transports } from './transports.js';
import { roleAssignments, users } from './users.js';

export interface BusinessUnitOwnedTable {
  table: PgTable;
  name: string;
  /**
   * How a subtree move rewrites its `bu_path`: `update` in place as the application role, or
   * `append-only` through `scc_rebase_audit_events`, because the application role may never
   * update those rows itself.
   */
  rebase: 'update' | 'append-only';
  /** The text key of `bu_path` (`pathKey`), when the table has one: a move finds its rows by a btree range on it. */
  pathKey?: SQLWrapper;
  /**
   * The day column, when the table's btree key is day first: a move then finds the subtree's rows
   * one day at a time, over every day usage can have, instead of reading the whole table.
   */
  dayFirstKey?: SQLWrapper;
}

const owned = (
  table: PgTable,
  rebase: BusinessUnitOwnedTable['rebase'] = 'update',
  pathKey?: SQLWrapper,
  dayFirstKey?: SQLWrapper,
): BusinessUnitOwnedTable => ({
  table,
  name: getTableName(table),
  rebase,
  ...(pathKey ? { pathKey } : {}),
  ...(dayFirstKey ? { dayFirstKey } : {}),
});

/**
 * Every table whose rows carry a `bu_path` (business units themselves carry `path`). A subtree
 * move rewrites all of them; `owned-tables.test.ts` fails when a table with a `bu_path` column
 * is missing here or lacks row-level security.
 */
export const businessUnitOwnedTables: readonly BusinessUnitOwnedTable[] = [
  owned(users),
  owned(roleAssignments),
  owned(products),
  owned(contracts),
  owned(tenants),
  owned(tenantApplicationData),
  owned(tenantSolutionProfile),
  owned(tenantArchives),
  owned(dataSources),
  owned(brandLogos),
  owned(operationRequests),
  owned(operationRequestEvents),
  owned(outboxEvents),
  owned(webhookDeliveries),
  owned(embedSessions),
  owned(hostApiKeys),
  owned(identityProviders),
  owned(solutionProfileVersions),
  owned(productExtensions),
  owned(tenantExtensions),
  owned(transports),
  owned(alerts),
  owned(alertReads),
  owned(webhookEndpoints),
  owned(alertDeliveries),
  owned(approvalPolicies),
  owned(approvals),
  owned(approvalDecisionsTable),
  owned(collectorCredentials),
  owned(usageRecords, 'update', usageRecords.buPathKey, usageRecords.day),
  owned(usageDailyTotals, 'update', usageDailyTotals.buPathKey, usageDailyTotals.day),
  owned(billingAccounts),
  owned(priceLists),
  owned(invoices),
  owned(invoiceCounters),
  owned(quotas),
  owned(auditEvents, 'append-only'),
];
