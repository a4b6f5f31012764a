import { resolveLocale } from './index.js';

/** Strings of the tenant list's paging, sorting, filtering and row actions. */
export interface TenantListMessages {
  /** "1,234 tenants"; capped: "10,000+ tenants". */
  total: (count: number, capped: boolean) => string;
  /** "Showing 50 of 1,234". */
  showing: (shown: number, total: number, capped: boolean) => string;
  filters: string;
  filterType: string;
  filterLifecycle: string;
  filterStatus: string;
  /** The "any value" option of a filter. */
  any: string;
  /** The lifecycle option that also lists decommissioned tenants. */
  allLifecycles: string;
  searchTenants: string;
  actions: string;
  actionsFor: (tenant: string) => string;
  /** A row action's label, by its name (termination's is the shared `requestTermination`). */
  restore: string;
  'copy-into': string;
  'order-from': string;
  transport: string;
  'profile-versions': string;
  loadFailed: string;
}

/** Thousands separators of the locale, so "1,234" in English and "1.234" in German. */
const count = (locale: string, n: number): string => new Intl.NumberFormat(locale).format(n);

const enOne = (n: number, one: string, many: string) => (new Intl.PluralRules('en').select(n) === 'one' ? one : many);

export const enTenantList: TenantListMessages = {
  total: (n, capped) => `${count('en', n)}${capped ? '+' : ''} ${enOne(n, 'tenant', 'tenants')}`,
  showing: (shown, total, capped) => `Showing ${count('en', shown)} of ${count('en', total)}${capped ? '+' : ''}`,
  filters: 'Filter tenants',
  filterType: 'Type',
  filterLifecycle: 'Lifecycle',
  filterStatus: 'Status',
  any: 'Any',
  allLifecycles: 'All, including decommissioned',
  searchTenants: 'Search tenants by name',
  actions: 'Actions',
  actionsFor: (tenant) => `Actions for ${tenant}`,
  restore: 'Restore',
  'copy-into': 'Copy into this tenant',
  'order-from': 'Order from this tenant',
  transport: 'Transport configuration…',
  'profile-versions': 'Solution profile versions',
  loadFailed: 'The tenants could not be loaded.',
};

const catalog = new Map<string, TenantListMessages>([['en', enTenantList]]);

/** Adds or replaces the tenant-list strings of a locale registered with `registerLocale`. */
export function registerTenantListLocale(tag: string, messages: TenantListMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

export function tenantListMessagesFor(locale?: string | null): TenantListMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split('-')[0] ?? '') ?? enTenantList;
}
