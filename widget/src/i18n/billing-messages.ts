import { resolveLocale } from './index.js';

/** Strings of the billing and data-source screens. They come with the billing chunk. */
export interface BillingMessages {
  sections: { usage: string; invoices: string; showBack: string; prices: string };
  sectionsLabel: string;
  loading: string;
  nothing: string;
  /** Well-known metrics; others are shown as they are named. */
  metrics: Record<string, string>;
  metric: string;
  from: string;
  to: string;
  apply: string;
  usageOverTime: (metric: string) => string;
  byChild: (metric: string) => string;
  byDataSource: (metric: string) => string;
  day: string;
  unit: string;
  dataSource: string;
  quantity: string;
  showTables: string;
  hideTables: string;
  period: string;
  runInvoices: string;
  ranInvoices: (count: number) => string;
  issuedInvoices: string;
  receivedInvoices: string;
  number: string;
  seller: string;
  buyer: string;
  total: string;
  status: string;
  statuses: { draft: string; issued: string };
  open: string;
  close: string;
  invoiceTitle: (number: number | null, buyer: string, period: string) => string;
  lines: string;
  amount: string;
  unitPrice: string;
  minimumFee: string;
  notPriced: string;
  downloadCsv: string;
  downloadPdf: string;
  issue: string;
  issueConfirm: (buyer: string) => string;
  confirm: string;
  cancel: string;
  showBackTitle: (period: string) => string;
  showBackLines: string;
  kind: string;
  own: string;
  subtree: string;
  class: string;
  classes: { critical: string; other: string };
  saleList: string;
  buyerList: (buyer: string) => string;
  internalList: string;
  edit: string;
  save: string;
  saved: string;
  noList: string;
  currency: string;
  entries: string;
  addEntry: string;
  removeEntry: string;
  tiers: string;
  upTo: string;
  upToOpen: string;
  addTier: string;
  removeTier: string;
  anyClass: string;
  dataSources: (unit: string) => string;
  name: string;
  externalRef: string;
  lastUsage: string;
  never: string;
  noDataSources: string;
  create: string;
  add: string;
  forbidden: string;
  failed: string;
}

export const enBilling: BillingMessages = {
  sections: { usage: 'Usage', invoices: 'Invoices', showBack: 'Show-back', prices: 'Price lists' },
  sectionsLabel: 'Billing',
  loading: 'Loading…',
  nothing: 'Nothing for this period.',
  metrics: {
    stored_gb: 'Stored GB',
    protected_items: 'Protected items',
    transferred_gb: 'Transferred GB',
  },
  metric: 'Metric',
  from: 'From',
  to: 'To',
  apply: 'Show',
  usageOverTime: (metric) => `${metric} per day`,
  byChild: (metric) => `${metric} by business unit`,
  byDataSource: (metric) => `${metric} by data source`,
  day: 'Day',
  unit: 'Business unit',
  dataSource: 'Data source',
  quantity: 'Quantity',
  showTables: 'Show as table',
  hideTables: 'Hide tables',
  period: 'Month',
  runInvoices: 'Run invoices for the month',
  ranInvoices: (n) => (n === 1 ? '1 invoice computed.' : `${n} invoices computed.`),
  issuedInvoices: 'Invoices sent',
  receivedInvoices: 'Invoices received',
  number: 'Number',
  seller: 'Seller',
  buyer: 'Buyer',
  total: 'Total',
  status: 'Status',
  statuses: { draft: 'Draft', issued: 'Issued' },
  open: 'Open',
  close: 'Close',
  invoiceTitle: (number, buyer, period) => `Invoice ${number ?? '(draft)'} to ${buyer}, ${period}`,
  lines: 'Line items',
  amount: 'Amount',
  unitPrice: 'Unit price',
  minimumFee: 'Minimum fee',
  notPriced: 'No price',
  downloadCsv: 'Download CSV',
  downloadPdf: 'Download PDF',
  issue: 'Issue',
  issueConfirm: (buyer) => `Issue this invoice to ${buyer}? It gets the next number and can no longer be changed.`,
  confirm: 'Issue now',
  cancel: 'Cancel',
  showBackTitle: (period) => `Show-back at internal prices, ${period}`,
  showBackLines: 'By metric',
  kind: 'Kind',
  own: 'Own',
  subtree: 'With subordinate units',
  class: 'Class',
  classes: { critical: 'Critical', other: 'Other' },
  saleList: 'Sale prices (every buyer)',
  buyerList: (buyer) => `Prices for ${buyer}`,
  internalList: 'Internal prices (show-back)',
  edit: 'Edit',
  save: 'Save',
  saved: 'Saved.',
  noList: 'No prices yet.',
  currency: 'Currency',
  entries: 'Prices',
  addEntry: 'Add a metric',
  removeEntry: 'Remove metric',
  tiers: 'Tiers',
  upTo: 'Up to',
  upToOpen: 'empty: everything above',
  addTier: 'Add a tier',
  removeTier: 'Remove tier',
  anyClass: 'Any',
  dataSources: (unit) => `Data sources of ${unit}`,
  name: 'Name',
  externalRef: 'Reference',
  lastUsage: 'Last usage received',
  never: 'Never',
  noDataSources: 'No data sources yet.',
  create: 'Add data source',
  add: 'Add',
  forbidden: 'Your role does not allow this here.',
  failed: 'This could not be loaded.',
};

export const deBilling: BillingMessages = {
  sections: { usage: 'Verbrauch', invoices: 'Rechnungen', showBack: 'Kostenverteilung', prices: 'Preislisten' },
  sectionsLabel: 'Abrechnung',
  loading: 'Wird geladen…',
  nothing: 'Nichts in diesem Zeitraum.',
  metrics: {
    stored_gb: 'Gespeicherte GB',
    protected_items: 'Geschützte Objekte',
    transferred_gb: 'Übertragene GB',
  },
  metric: 'Messgröße',
  from: 'Von',
  to: 'Bis',
  apply: 'Anzeigen',
  usageOverTime: (metric) => `${metric} pro Tag`,
  byChild: (metric) => `${metric} nach Organisationseinheit`,
  byDataSource: (metric) => `${metric} nach Datenquelle`,
  day: 'Tag',
  unit: 'Organisationseinheit',
  dataSource: 'Datenquelle',
  quantity: 'Menge',
  showTables: 'Als Tabelle zeigen',
  hideTables: 'Tabellen ausblenden',
  period: 'Monat',
  runInvoices: 'Rechnungen für den Monat berechnen',
  ranInvoices: (n) => (n === 1 ? '1 Rechnung berechnet.' : `${n} Rechnungen berechnet.`),
  issuedInvoices: 'Gestellte Rechnungen',
  receivedInvoices: 'Erhaltene Rechnungen',
  number: 'Nummer',
  seller: 'Verkäufer',
  buyer: 'Käufer',
  total: 'Summe',
  status: 'Status',
  statuses: { draft: 'Entwurf', issued: 'Gestellt' },
  open: 'Öffnen',
  close: 'Schließen',
  invoiceTitle: (number, buyer, period) => `Rechnung ${number ?? '(Entwurf)'} an ${buyer}, ${period}`,
  lines: 'Positionen',
  amount: 'Betrag',
  unitPrice: 'Stückpreis',
  minimumFee: 'Mindestgebühr',
  notPriced: 'Kein Preis',
  downloadCsv: 'CSV herunterladen',
  downloadPdf: 'PDF herunterladen',
  issue: 'Stellen',
  issueConfirm: (buyer) =>
    `Diese Rechnung an ${buyer} stellen? Sie erhält die nächste Nummer und kann danach nicht mehr geändert werden.`,
  confirm: 'Jetzt stellen',
  cancel: 'Abbrechen',
  showBackTitle: (period) => `Kostenverteilung zu internen Preisen, ${period}`,
  showBackLines: 'Nach Messgröße',
  kind: 'Art',
  own: 'Eigen',
  subtree: 'Mit untergeordneten Einheiten',
  class: 'Klasse',
  classes: { critical: 'Kritisch', other: 'Sonstige' },
  saleList: 'Verkaufspreise (alle Käufer)',
  buyerList: (buyer) => `Preise für ${buyer}`,
  internalList: 'Interne Preise (Kostenverteilung)',
  edit: 'Bearbeiten',
  save: 'Speichern',
  saved: 'Gespeichert.',
  noList: 'Noch keine Preise.',
  currency: 'Währung',
  entries: 'Preise',
  addEntry: 'Messgröße hinzufügen',
  removeEntry: 'Messgröße entfernen',
  tiers: 'Staffeln',
  upTo: 'Bis',
  upToOpen: 'leer: alles darüber',
  addTier: 'Staffel hinzufügen',
  removeTier: 'Staffel entfernen',
  anyClass: 'Alle',
  dataSources: (unit) => `Datenquellen von ${unit}`,
  name: 'Name',
  externalRef: 'Referenz',
  lastUsage: 'Letzter Verbrauch erhalten',
  never: 'Nie',
  noDataSources: 'Noch keine Datenquellen.',
  create: 'Datenquelle hinzufügen',
  add: 'Hinzufügen',
  forbidden: 'Ihre Rolle erlaubt das hier nicht.',
  failed: 'Das konnte nicht geladen werden.',
};

const catalog = new Map<string, BillingMessages>([
  ['en', enBilling],
  ['de', deBilling],
]);

/** The locale's billing strings (English for a locale without). */
export function billingMessagesFor(locale?: string | null): BillingMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enBilling;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the API sends it (a decimal string in the currency's major unit with its minor
 * digits, `"1234.50"`), written the locale's way with its currency. The string goes to `Intl` as it
 * is, which formats decimal strings exactly: no float ever holds the amount.
 */
export function formatMoney(locale: string, currency: string, amount: string): string {
  return moneyFormat(locale, currency, 2).format(amount as Intl.StringNumericLiteral);
}

/** A unit price, with all of its up to six decimals (`€0.0125`): rounding it to cents would misstate it. */
export function formatUnitPrice(locale: string, currency: string, price: string): string {
  return moneyFormat(locale, currency, 6).format(price as Intl.StringNumericLiteral);
}

function moneyFormat(locale: string, currency: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${currency}:${decimals}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: decimals });
    moneyFormats.set(key, format);
  }
  return format;
}

const quantityFormats = new Map<string, Intl.NumberFormat>();

/** A quantity (decimal string, up to six decimals) in the locale's digits, exactly. */
export function formatQuantity(locale: string, quantity: string): string {
  let format = quantityFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    quantityFormats.set(locale, format);
  }
  return format.format(quantity as Intl.StringNumericLiteral);
}
