import type { Alert } from '../api/types.js';
import { resolveLocale } from './index.js';

/** Strings of the notification list. They come with its chunk. */
export interface AlertMessages {
  /** The bell's accessible name, with the unread count. */
  button: (unread: number) => string;
  title: string;
  markAllRead: string;
  markRead: string;
  empty: string;
  loadMore: string;
  failedToLoad: string;
  severity: Record<Alert['severity'], string>;
  /** One sentence per kind, from the alert's subject. */
  describe: (alert: Alert, when: (iso: string) => string) => string;
}

const tenantOf = (alert: Alert, fallback: string) => alert.subject.tenantName ?? fallback;

/** " 7" for invoice 7; nothing when the number is missing. */
const number = (alert: Alert) => (alert.subject.invoiceNumber === undefined ? '' : ` ${alert.subject.invoiceNumber}`);

/** `tenants.test` → `test`; undefined for stored GB. */
const tenantTypeOf = (alert: Alert) =>
  alert.subject.metric?.startsWith('tenants.') ? alert.subject.metric.slice('tenants.'.length) : undefined;

export const enAlerts: AlertMessages = {
  button: (unread) => (unread === 0 ? 'Alerts' : `Alerts, ${unread > 999 ? '999+' : unread} unread`),
  title: 'Alerts',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  empty: 'Nothing needs your attention.',
  loadMore: 'Load more',
  failedToLoad: 'Alerts could not be loaded.',
  severity: { info: 'Info', warning: 'Warning', critical: 'Critical' },
  describe: (alert, when) => {
    const tenant = tenantOf(alert, 'a tenant');
    switch (alert.kind) {
      case 'operation-failed':
        return `A request for ${tenant} failed.`;
      case 'operation-stuck':
        return `A request for ${tenant} has not progressed for a while.`;
      case 'retention-expiring':
        return `${tenant} will be removed for good ${alert.subject.retainedUntil ? `on ${when(alert.subject.retainedUntil)}` : 'soon'}.`;
      case 'quota-exceeded': {
        const type = tenantTypeOf(alert);
        const { consumption = '?', limit = '?' } = alert.subject;
        return type
          ? `Soft quota exceeded: ${consumption} ${type} tenants, the quota is ${limit}.`
          : `Soft quota exceeded: ${consumption} GB stored, the quota is ${limit} GB.`;
      }
      case 'invoice-issued':
        return `${alert.subject.sellerName ?? 'Your seller'} issued invoice${number(alert)} for ${alert.subject.period ?? 'the month'}.`;
    }
  },
};

export const deAlerts: AlertMessages = {
  button: (unread) => (unread === 0 ? 'Hinweise' : `Hinweise, ${unread > 999 ? '999+' : unread} ungelesen`),
  title: 'Hinweise',
  markAllRead: 'Alle als gelesen markieren',
  markRead: 'Als gelesen markieren',
  empty: 'Nichts braucht Ihre Aufmerksamkeit.',
  loadMore: 'Mehr laden',
  failedToLoad: 'Die Hinweise konnten nicht geladen werden.',
  severity: { info: 'Info', warning: 'Warnung', critical: 'Kritisch' },
  describe: (alert, when) => {
    const tenant = tenantOf(alert, 'ein Tenant');
    switch (alert.kind) {
      case 'operation-failed':
        return `Ein Auftrag für ${tenant} ist fehlgeschlagen.`;
      case 'operation-stuck':
        return `Ein Auftrag für ${tenant} kommt seit einer Weile nicht voran.`;
      case 'retention-expiring':
        return `${tenant} wird ${alert.subject.retainedUntil ? `am ${when(alert.subject.retainedUntil)}` : 'bald'} endgültig entfernt.`;
      case 'quota-exceeded': {
        const type = tenantTypeOf(alert);
        const decimal = (value = '?') => value.replace('.', ',');
        const consumption = decimal(alert.subject.consumption);
        const limit = decimal(alert.subject.limit);
        return type
          ? `Kontingent-Warnschwelle überschritten: ${consumption} Tenants vom Typ ${type}, die Schwelle ist ${limit}.`
          : `Kontingent-Warnschwelle überschritten: ${consumption} GB gespeichert, die Schwelle ist ${limit} GB.`;
      }
      case 'invoice-issued':
        return `${alert.subject.sellerName ?? 'Ihr Anbieter'} hat die Rechnung${number(alert)} für ${alert.subject.period ?? 'den Monat'} ausgestellt.`;
    }
  },
};

const catalog = new Map<string, AlertMessages>([
  ['en', enAlerts],
  ['de', deAlerts],
]);

/** The locale's notification strings (English for a locale without). */
export function alertMessagesFor(locale?: string | null): AlertMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enAlerts;
}
