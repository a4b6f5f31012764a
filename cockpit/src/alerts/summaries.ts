import type { AlertKind, AlertSubject, alertSeverities } from '@scc/contracts/alerts';

type Severity = (typeof alertSeverities)[number];

/** How urgent each kind is; a receiver pages on `critical` and mails the rest. */
export const severityOf: Record<AlertKind, Severity> = {
  'operation-failed': 'critical',
  'operation-stuck': 'warning',
  'retention-expiring': 'warning',
  'quota-exceeded': 'warning',
  'invoice-issued': 'info',
};

/** `tenants.productive` reads "productive tenants", `stored_gb` "stored GB". */
export const quotaMetricWords = (metric: string | undefined) =>
  metric?.startsWith('tenants.') ? `${metric.slice('tenants.'.length)} tenants` : 'stored GB';

const what = (subject: AlertSubject) =>
  subject.tenantName ? `tenant “${subject.tenantName}”` : subject.tenantId ? `tenant ${subject.tenantId}` : 'a tenant';

/**
 * One English sentence per alert, for logs, mails and receivers without a language of their own;
 * the widget words alerts itself from kind and subject, in the reader's language.
 */
export function alertSummary(kind: AlertKind, subject: AlertSubject, businessUnitName: string): string {
  const operation = subject.operationKind ?? 'operation';
  switch (kind) {
    case 'operation-failed':
      return `The ${operation} request for ${what(subject)} in ${businessUnitName} failed${subject.errorCode ? ` (${subject.errorCode})` : ''}.`;
    case 'operation-stuck':
      return `The ${operation} request for ${what(subject)} in ${businessUnitName} has not progressed for a while.`;
    case 'retention-expiring':
      return `The retention of ${what(subject)} in ${businessUnitName} ends ${subject.retainedUntil ?? 'soon'}; it is then removed for good.`;
    case 'quota-exceeded':
      return `${businessUnitName} has ${subject.consumption ?? 'more'} ${quotaMetricWords(subject.metric)}, above its soft quota of ${subject.limit ?? 'its limit'}.`;
    case 'invoice-issued':
      return `${subject.sellerName ?? 'The seller'} issued invoice${subject.invoiceNumber === undefined ? '' : ` ${subject.invoiceNumber}`} for ${subject.period ?? 'a month'} to ${businessUnitName}.`;
  }
}
