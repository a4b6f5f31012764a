/**
 * The German strings of the entry's elements: a locale pack of its own, so that pages in English
 * do not load them. `<service-control-center locale="de">` (and `loadLocale('de')`) fetch it while
 * the first requests are under way; importing it registers both catalogues, as `registerLocale`
 * and `registerTenantListLocale` would. The chunks' German strings travel with their chunks.
 */
import { registerLocale } from './index.js';
import type { Messages } from './messages.js';
import { formatNumber, plural } from './plural.js';
import { registerTenantListLocale, type TenantListMessages } from './tenant-list-messages.js';

export const de: Messages = {
  productName: 'Service Control Center',
  signedInAs: (name) => `Angemeldet als ${name}`,
  businessUnits: 'Organisationseinheiten',
  businessUnitTreeLabel: 'Hierarchie der Organisationseinheiten',
  tenants: 'Mandanten',
  views: ['Ansicht', 'Verbrauch & Rechnungen', 'Datenquellen'],
  tenantsIn: (bu) => `Mandanten in ${bu}`,
  tenantCount: (n) => plural('de', n, { one: '# Mandant', other: '# Mandanten' }),
  tenantCountShort: (n) => formatNumber('de', n),
  includesDescendants: 'einschließlich untergeordneter Einheiten',
  unitKind: {
    msp: 'Managed Service Provider',
    reseller: 'Wiederverkäufer',
    customer: 'Kunde',
    region: 'Region',
    department: 'Abteilung',
    division: 'Geschäftsbereich',
    segment: 'Segment',
  },
  columns: {
    name: 'Name',
    type: 'Typ',
    lifecycleStatus: 'Lebenszyklus',
    operationalStatus: 'Status',
    businessUnit: 'Organisationseinheit',
  },
  tenantType: { productive: 'Produktiv', test: 'Test', validation: 'Validierung', development: 'Entwicklung' },
  lifecycleStatus: {
    live: 'Aktiv',
    provisioning: 'Wird bereitgestellt',
    decommissioning: 'Wird stillgelegt',
    retained: 'Aufbewahrt',
    archived: 'Archiviert',
  },
  operationalStatus: { up: 'In Betrieb', degraded: 'Beeinträchtigt', down: 'Ausgefallen', maintenance: 'Wartung' },
  loading: 'Wird geladen …',
  loadingDetail: 'Organisationseinheiten und Mandanten werden abgerufen',
  emptyTitle: 'Keine Mandanten in dieser Organisationseinheit',
  emptyDetail: 'Mandanten dieser Einheit und ihrer untergeordneten Einheiten erscheinen hier.',
  noBusinessUnits: 'Keine Organisationseinheiten',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorUnavailable:
    'Das Service Control Center ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  errorNetwork: 'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorUnauthorized: 'Ihre Sitzung konnte nicht bestätigt werden. Bitte melden Sie sich erneut an.',
  errorForbidden: 'Sie dürfen diese Informationen nicht sehen.',
  errorTooManyRequests: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
  errorGeneric: (status) => `Die Anfrage ist fehlgeschlagen (HTTP ${status}).`,
  errorNotConfigured: 'Das Widget ist nicht konfiguriert: api-base oder fetchToken fehlt.',
  retry: 'Erneut versuchen',
  expand: 'Aufklappen',
  collapse: 'Zuklappen',
  loadMore: 'Mehr laden',
  searchLabel: 'Organisationseinheiten nach Namen suchen',
  searchPlaceholder: 'Nach Namen suchen …',
  searchNoResults: 'Keine Organisationseinheit gefunden.',
  searchResultCount: (n) =>
    plural('de', n, { one: '# Organisationseinheit gefunden', other: '# Organisationseinheiten gefunden' }),
  searchFailed: 'Die Suche ist fehlgeschlagen. Bitte erneut versuchen.',
  breadcrumbsLabel: 'Pfad der ausgewählten Organisationseinheit',
  requestTermination: 'Kündigung beantragen',
  reconnecting: 'Live-Aktualisierung unterbrochen; neue Verbindung …',
  logoOf: (name) => `Logo von ${name}`,
};

export const deTenantList: TenantListMessages = {
  total: (n, capped) => `${formatNumber('de', n)}${capped ? '+' : ''} ${n === 1 && !capped ? 'Mandant' : 'Mandanten'}`,
  showing: (shown, total, capped) =>
    `${formatNumber('de', shown)} von ${formatNumber('de', total)}${capped ? '+' : ''} angezeigt`,
  filters: 'Mandanten filtern',
  filterType: 'Typ',
  filterLifecycle: 'Lebenszyklus',
  filterStatus: 'Status',
  any: 'Alle',
  allLifecycles: 'Alle, auch stillgelegte',
  searchTenants: 'Mandanten nach Namen suchen',
  actions: 'Aktionen',
  actionsFor: (tenant) => `Aktionen für ${tenant}`,
  restore: 'Wiederherstellen',
  'copy-into': 'In diesen Mandanten kopieren',
  transport: 'Konfiguration transportieren…',
  'profile-versions': 'Versionen des Lösungsprofils',
  'order-from': 'Aus diesem Mandanten bestellen',
  loadFailed: 'Die Mandanten konnten nicht geladen werden.',
};

registerLocale('de', de);
registerTenantListLocale('de', deTenantList);
