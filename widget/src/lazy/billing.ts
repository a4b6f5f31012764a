/**
 * The billing screens (usage charts, invoices, show-back, price lists) and the data-source screen: a
 * chunk of its own, loaded by `<service-control-center>` when a caller opens one of them. The
 * charting library (uPlot) is a chunk of its own again, fetched with the first chart. Importing this
 * module registers the elements (guarded).
 */
import { SccBilling } from '../components/billing/billing.js';
import { SccInvoices } from '../components/billing/invoices.js';
import { SccPriceLists } from '../components/billing/price-lists.js';
import { SccShowBack } from '../components/billing/show-back.js';
import { SccUsage } from '../components/billing/usage.js';
import { SccUsageChart } from '../components/billing/usage-chart.js';
import { SccDataSources } from '../components/data-sources/data-sources.js';
import { register } from '../register.js';

export type { BillingMessages } from '../i18n/billing-messages.js';
export { billingMessagesFor, deBilling, enBilling, formatMoney } from '../i18n/billing-messages.js';
export { SccBilling, SccDataSources, SccInvoices, SccPriceLists, SccShowBack, SccUsage, SccUsageChart };

/** Children first. */
export const billingElements = {
  'scc-usage-chart': SccUsageChart,
  'scc-usage': SccUsage,
  'scc-invoices': SccInvoices,
  'scc-show-back': SccShowBack,
  'scc-price-lists': SccPriceLists,
  'scc-billing': SccBilling,
  'scc-data-sources': SccDataSources,
} as const;

register(billingElements);

declare global {
  interface HTMLElementTagNameMap {
    'scc-usage-chart': SccUsageChart;
    'scc-usage': SccUsage;
    'scc-invoices': SccInvoices;
    'scc-show-back': SccShowBack;
    'scc-price-lists': SccPriceLists;
    'scc-billing': SccBilling;
    'scc-data-sources': SccDataSources;
  }
}
