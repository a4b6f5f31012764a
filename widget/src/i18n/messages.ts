import type { MoveCounts } from '../api/types.js';

/** `1 tenant`, `2 tenants`: English plurals add an s unless told otherwise. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every user-visible string of the widget. Add a locale by providing a full `Messages` object. */
export interface Messages {
  productName: string;
  signedInAs: (name: string) => string;
  businessUnits: string;
  businessUnitTreeLabel: string;
  tenants: string;
  tenantsIn: (businessUnit: string) => string;
  tenantCount: (count: number) => string;
  tenantCountShort: (count: number) => string;
  includesDescendants: string;
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
  errorGeneric: (status: number) => string;
  errorNotConfigured: string;
  retry: string;
  expand: string;
  collapse: string;
  loadMore: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchNoResults: string;
  searchFailed: string;
  breadcrumbsLabel: string;
  /** Label of a field the server may name in a problem (`body.name`), falling back to the raw name. */
  fieldLabel: (field: string) => string;
  editUnit: string;
  createChild: string;
  moveUnit: string;
  deleteUnit: string;
  deleteHint: string;
  deleteConfirm: (unit: string) => string;
  save: string;
  create: string;
  cancel: string;
  moveHint: (unit: string) => string;
  moveTarget: (unit: string) => string;
  moveFrom: string;
  moveTo: string;
  moveCounts: string;
  moveCountsText: (counts: MoveCounts) => string;
  brand: string;
  brandSame: string;
  brandChange: (before: string, after: string) => string;
  inheritedRolesChange: string;
  inheritedRolesSame: string;
  before: string;
  after: string;
  confirmMove: string;
  users: string;
  noUsers: string;
  createUser: string;
  grant: string;
  revoke: string;
  revokeRole: (role: string, user: string) => string;
  roleName: Record<string, string>;
  ops: OperationMessages;
}

/** Strings of the tenant operations: ordering, terminating, pending requests. */
export interface OperationMessages {
  orderTenant: string;
  orderFor: (businessUnit: string) => string;
  product: string;
  type: string;
  name: string;
  applicationData: string;
  solutionProfile: string;
  asProposed: string;
  none: string;
  proposal: (value: string) => string;
  useProposal: string;
  checking: string;
  chargeable: string;
  order: string;
  cancel: string;
  requestTermination: string;
  terminateIntro: string;
  confirmName: (name: string) => string;
  pending: string;
  kind: Record<string, string>;
  state: Record<string, string>;
  cancelRequest: string;
  restore: string;
  terminated: string;
  keptUntil: (date: string) => string;
  reconnecting: string;
}

export const en: Messages = {
  productName: 'Service Control Center',
  signedInAs: (name) => `Signed in as ${name}`,
  businessUnits: 'Business units',
  businessUnitTreeLabel: 'Business unit hierarchy',
  tenants: 'Tenants',
  tenantsIn: (bu) => `Tenants in ${bu}`,
  tenantCount: (n) => (n === 1 ? '1 tenant' : `${n} tenants`),
  tenantCountShort: (n) => String(n),
  includesDescendants: 'including subordinate business units',
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
  errorGeneric: (status) => `The request failed (HTTP ${status}).`,
  errorNotConfigured: 'The widget is not configured: api-base or fetchToken is missing.',
  retry: 'Retry',
  expand: 'Expand',
  collapse: 'Collapse',
  loadMore: 'Load more',
  searchLabel: 'Search business units by name',
  searchPlaceholder: 'Search by name…',
  searchNoResults: 'No business unit matches.',
  searchFailed: 'The search failed. Try again.',
  breadcrumbsLabel: 'Path of the selected business unit',
  fieldLabel: (field) =>
    (
      ({
        'body.name': 'Name',
        'body.kind': 'Kind',
        'body.email': 'Email',
        'body.displayName': 'Display name',
        'body.role': 'Role',
      }) as Record<string, string>
    )[field] ?? field,
  editUnit: 'Rename or change kind',
  createChild: 'New subordinate unit',
  moveUnit: 'Move',
  deleteUnit: 'Delete',
  deleteHint: 'Only an empty business unit can be deleted.',
  deleteConfirm: (unit) => `Delete ${unit}? This cannot be undone.`,
  save: 'Save',
  create: 'Create',
  cancel: 'Cancel',
  moveHint: (unit) => `Move ${unit} with everything below it. Search for the new parent:`,
  moveTarget: (unit) => `New parent: ${unit}`,
  moveFrom: 'From',
  moveTo: 'To',
  moveCounts: 'Moves',
  moveCountsText: (c) =>
    [
      count(c.businessUnits, 'business unit'),
      count(c.tenants, 'tenant'),
      count(c.users, 'user'),
      count(c.roleAssignments, 'role assignment'),
      count(c.dataSources, 'data source'),
    ].join(', '),
  brand: 'Brand',
  brandSame: 'unchanged',
  brandChange: (before, after) => `changes from ${before} to ${after}`,
  inheritedRolesChange: 'Inherited roles that change',
  inheritedRolesSame: 'No inherited roles change.',
  before: 'Before',
  after: 'After',
  confirmMove: 'Move now',
  users: 'Users and roles',
  noUsers: 'No users here yet.',
  createUser: 'Add user',
  grant: 'Grant',
  revoke: 'Revoke',
  revokeRole: (role, user) => `Revoke ${role} from ${user}`,
  roleName: { viewer: 'Viewer', operator: 'Operator', admin: 'Admin', billing: 'Billing' },
  ops: {
    orderTenant: 'Order tenant',
    orderFor: (bu) => `New tenant for ${bu}`,
    product: 'Product',
    type: 'Type',
    name: 'Name',
    applicationData: 'Application data from',
    solutionProfile: 'Solution profile from',
    asProposed: 'As proposed',
    none: 'None (initial)',
    proposal: (value) => `Proposal: ${value}`,
    useProposal: 'Use proposal',
    checking: 'Checking…',
    chargeable: 'This operation is chargeable.',
    order: 'Order',
    cancel: 'Cancel',
    requestTermination: 'Request termination',
    terminateIntro: 'The tenant is kept for the retention period; until then you can take the request back.',
    confirmName: (name) => `Type “${name}” to confirm`,
    pending: 'Pending requests',
    kind: { order: 'Order', copy: 'Copy', decommission: 'Termination', restore: 'Restore' },
    state: {
      requested: 'Requested',
      validated: 'Validated',
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Done',
      failed: 'Failed',
      rejected: 'Rejected',
      cancelled: 'Cancelled',
    },
    cancelRequest: 'Cancel request',
    restore: 'Restore',
    terminated: 'Terminated tenants',
    keptUntil: (date) => `kept until ${date}`,
    reconnecting: 'Live updates interrupted; reconnecting…',
  },
};

export const de: Messages = {
  productName: 'Service Control Center',
  signedInAs: (name) => `Angemeldet als ${name}`,
  businessUnits: 'Organisationseinheiten',
  businessUnitTreeLabel: 'Hierarchie der Organisationseinheiten',
  tenants: 'Mandanten',
  tenantsIn: (bu) => `Mandanten in ${bu}`,
  tenantCount: (n) => (n === 1 ? '1 Mandant' : `${n} Mandanten`),
  tenantCountShort: (n) => String(n),
  includesDescendants: 'einschließlich untergeordneter Einheiten',
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
  errorGeneric: (status) => `Die Anfrage ist fehlgeschlagen (HTTP ${status}).`,
  errorNotConfigured: 'Das Widget ist nicht konfiguriert: api-base oder fetchToken fehlt.',
  retry: 'Erneut versuchen',
  expand: 'Aufklappen',
  collapse: 'Zuklappen',
  loadMore: 'Mehr laden',
  searchLabel: 'Organisationseinheiten nach Namen suchen',
  searchPlaceholder: 'Nach Namen suchen …',
  searchNoResults: 'Keine Organisationseinheit gefunden.',
  searchFailed: 'Die Suche ist fehlgeschlagen. Bitte erneut versuchen.',
  breadcrumbsLabel: 'Pfad der ausgewählten Organisationseinheit',
  fieldLabel: (field) =>
    (
      ({
        'body.name': 'Name',
        'body.kind': 'Art',
        'body.email': 'E-Mail',
        'body.displayName': 'Anzeigename',
        'body.role': 'Rolle',
      }) as Record<string, string>
    )[field] ?? field,
  editUnit: 'Umbenennen oder Art ändern',
  createChild: 'Neue untergeordnete Einheit',
  moveUnit: 'Verschieben',
  deleteUnit: 'Löschen',
  deleteHint: 'Nur eine leere Organisationseinheit kann gelöscht werden.',
  deleteConfirm: (unit) => `${unit} löschen? Das lässt sich nicht rückgängig machen.`,
  save: 'Speichern',
  create: 'Anlegen',
  cancel: 'Abbrechen',
  moveHint: (unit) => `${unit} mit allem darunter verschieben. Neue übergeordnete Einheit suchen:`,
  moveTarget: (unit) => `Neue übergeordnete Einheit: ${unit}`,
  moveFrom: 'Von',
  moveTo: 'Nach',
  moveCounts: 'Betroffen',
  moveCountsText: (c) =>
    [
      count(c.businessUnits, 'Organisationseinheit', 'Organisationseinheiten'),
      count(c.tenants, 'Mandant', 'Mandanten'),
      count(c.users, 'Benutzer', 'Benutzer'),
      count(c.roleAssignments, 'Rollenzuweisung', 'Rollenzuweisungen'),
      count(c.dataSources, 'Datenquelle', 'Datenquellen'),
    ].join(', '),
  brand: 'Marke',
  brandSame: 'unverändert',
  brandChange: (before, after) => `wechselt von ${before} zu ${after}`,
  inheritedRolesChange: 'Geerbte Rollen, die sich ändern',
  inheritedRolesSame: 'Keine geerbte Rolle ändert sich.',
  before: 'Vorher',
  after: 'Nachher',
  confirmMove: 'Jetzt verschieben',
  users: 'Benutzer und Rollen',
  noUsers: 'Hier gibt es noch keine Benutzer.',
  createUser: 'Benutzer anlegen',
  grant: 'Zuweisen',
  revoke: 'Entziehen',
  revokeRole: (role, user) => `${role} von ${user} entziehen`,
  roleName: { viewer: 'Betrachter', operator: 'Bediener', admin: 'Administrator', billing: 'Abrechnung' },
  ops: {
    orderTenant: 'Mandant bestellen',
    orderFor: (bu) => `Neuer Mandant für ${bu}`,
    product: 'Produkt',
    type: 'Typ',
    name: 'Name',
    applicationData: 'Anwendungsdaten aus',
    solutionProfile: 'Lösungsprofil aus',
    asProposed: 'Wie vorgeschlagen',
    none: 'Keine (initial)',
    proposal: (value) => `Vorschlag: ${value}`,
    useProposal: 'Vorschlag übernehmen',
    checking: 'Wird geprüft …',
    chargeable: 'Dieser Vorgang ist kostenpflichtig.',
    order: 'Bestellen',
    cancel: 'Abbrechen',
    requestTermination: 'Kündigung beantragen',
    terminateIntro:
      'Der Mandant wird für die Aufbewahrungsfrist behalten; bis dahin können Sie den Antrag zurückziehen.',
    confirmName: (name) => `Zur Bestätigung „${name}“ eingeben`,
    pending: 'Offene Anträge',
    kind: { order: 'Bestellung', copy: 'Kopie', decommission: 'Kündigung', restore: 'Wiederherstellung' },
    state: {
      requested: 'Beantragt',
      validated: 'Geprüft',
      queued: 'Eingereiht',
      running: 'Läuft',
      succeeded: 'Erledigt',
      failed: 'Fehlgeschlagen',
      rejected: 'Abgelehnt',
      cancelled: 'Zurückgezogen',
    },
    cancelRequest: 'Antrag zurückziehen',
    restore: 'Wiederherstellen',
    terminated: 'Gekündigte Mandanten',
    keptUntil: (date) => `aufbewahrt bis ${date}`,
    reconnecting: 'Live-Aktualisierung unterbrochen; neue Verbindung …',
  },
};
