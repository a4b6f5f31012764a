import { formatNumber, plural } from './plural.js';

/**
 * Every user-visible string of the widget. Add a locale by providing a full `Messages` object;
 * counts go through `plural` and numbers through `formatNumber` with the locale's own tag.
 */
export interface Messages {
  productName: string;
  signedInAs: (name: string) => string;
  businessUnits: string;
  businessUnitTreeLabel: string;
  tenants: string;
  /** The view switch of the main section: its name and the two views beside the tenants. */
  views: [label: string, billing: string, dataSources: string];
  tenantsIn: (businessUnit: string) => string;
  tenantCount: (count: number) => string;
  tenantCountShort: (count: number) => string;
  includesDescendants: string;
  /** Business-unit kinds (a free label; unknown ones are shown as they are). */
  unitKind: Record<string, string>;
  columns: {
    name: string;
    type: string;
    lifecycleStatus: string;
    operationalStatus: string;
    businessUnit: string;
  };
  tenantType: Record<string, string>;
  lifecycleStatus: Record<string, string>;
  operationalStatus: Record<string, string>;
  loading: string;
  loadingDetail: string;
  emptyTitle: string;
  emptyDetail: string;
  noBusinessUnits: string;
  errorTitle: string;
  errorUnavailable: string;
  errorNetwork: string;
  errorUnauthorized: string;
  errorForbidden: string;
  /** A 429: the BFF's rate limit for this user (or unit) is spent for now. */
  errorTooManyRequests: string;
  errorGeneric: (status: number) => string;
  errorNotConfigured: string;
  retry: string;
  expand: string;
  collapse: string;
  loadMore: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchNoResults: string;
  /** Announced when results arrive, so screen-reader users know the list below changed. */
  searchResultCount: (count: number) => string;
  searchFailed: string;
  breadcrumbsLabel: string;
  /** "Request termination" of a tenant row (and the dialog it opens). */
  requestTermination: string;
  /** Shown while the live event stream reconnects. */
  reconnecting: string;
  /** Alternative text of a brand's logo (the brand mark shows it on every page; the editor too). */
  logoOf: (name: string) => string;
}

export const en: Messages = {
  productName: 'Service Control Center',
  signedInAs: (name) => `Signed in as ${name}`,
  businessUnits: 'Business units',
  businessUnitTreeLabel: 'Business unit hierarchy',
  tenants: 'Tenants',
  views: ['View', 'Usage & invoices', 'Data sources'],
  tenantsIn: (bu) => `Tenants in ${bu}`,
  tenantCount: (n) => plural('en', n, { one: '# tenant', other: '# tenants' }),
  tenantCountShort: (n) => formatNumber('en', n),
  includesDescendants: 'including subordinate business units',
  unitKind: {
    msp: 'Managed service provider',
    reseller: 'Reseller',
    customer: 'Customer',
    region: 'Region',
    department: 'Department',
    division: 'Division',
    segment: 'Segment',
  },
  columns: {
    name: 'Name',
    type: 'Type',
    lifecycleStatus: 'Lifecycle',
    operationalStatus: 'Status',
    businessUnit: 'Business unit',
  },
  tenantType: { productive: 'Productive', test: 'Test', validation: 'Validation', development: 'Development' },
  lifecycleStatus: {
    live: 'Live',
    provisioning: 'Provisioning',
    decommissioning: 'Decommissioning',
    retained: 'Retained',
    archived: 'Archived',
  },
  operationalStatus: { up: 'Up', degraded: 'Degraded', down: 'Down', maintenance: 'Maintenance' },
  loading: 'Loading…',
  loadingDetail: 'Fetching business units and tenants',
  emptyTitle: 'No tenants in this business unit',
  emptyDetail: 'Tenants of this business unit and its subordinate units will appear here.',
  noBusinessUnits: 'No business units',
  errorTitle: 'Something went wrong',
  errorUnavailable: 'The service control center is temporarily unavailable. Please try again in a moment.',
  errorNetwork: 'The service could not be reached. Check your connection and try again.',
  errorUnauthorized: 'Your session could not be verified. Please sign in again.',
  errorForbidden: 'You are not allowed to see this information.',
  errorTooManyRequests: 'Too many requests in a short time. Please wait a minute and try again.',
  errorGeneric: (status) => `The request failed (HTTP ${status}).`,
  errorNotConfigured: 'The widget is not configured: api-base or fetchToken is missing.',
  retry: 'Retry',
  expand: 'Expand',
  collapse: 'Collapse',
  loadMore: 'Load more',
  searchLabel: 'Search business units by name',
  searchPlaceholder: 'Search by name…',
  searchNoResults: 'No business unit matches.',
  searchResultCount: (n) => plural('en', n, { one: '# business unit found', other: '# business units found' }),
  searchFailed: 'The search failed. Try again.',
  breadcrumbsLabel: 'Path of the selected business unit',
  requestTermination: 'Request termination',
  reconnecting: 'Live updates interrupted; reconnecting…',
  logoOf: (name) => `${name} logo`,
};
