import { type Messages, messagesFor, resolveLocale } from './index.js';

/**
 * Strings of the tenant operations: ordering, terminating, pending requests. They come with the
 * operations chunk, so hosts whose users never operate do not load them.
 */
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
  terminateIntro: string;
  confirmName: (name: string) => string;
  pending: string;
  kind: Record<string, string>;
  state: Record<string, string>;
  cancelRequest: string;
  restore: string;
  terminated: string;
  /** A pending termination: the day its tenant goes, and how far off that is (`in 27 days`). */
  retainedUntil: (date: string, relative: string) => string;
  cancelled: (what: string) => string;
  restored: (tenant: string) => string;
  restoreRequested: (tenant: string) => string;
  finished: (kind: string, what: string) => string;
  failedBecause: (kind: string, what: string, reason: string) => string;
  ordered: (tenant: string) => string;
  terminationRequested: (tenant: string) => string;
  /** Title of the order form opened from a tenant row. */
  orderFrom: (source: string, businessUnit: string) => string;
  /** Legend of the parts a new tenant takes from its source. */
  takeFrom: (source: string) => string;
  /** Both parts left unchosen: the new tenant starts empty. */
  takeNothing: string;
  parts: { applicationData: string; solutionProfile: string };
  /** The cockpit's proposals of a draft, under this heading. */
  proposals: string;
  copyInto: (target: string) => string;
  copyIntro: string;
  source: string;
  searchSources: string;
  sourcesFound: (count: number) => string;
  noSources: string;
  /** Legend of the parts a copy takes over. */
  whatToCopy: string;
  chooseSourceAndParts: string;
  passed: string;
  blocked: string;
  /** Into a productive tenant: what the copy overwrites, named. */
  overwrites: (target: string, parts: readonly CopyPart[], source: string) => string;
  productiveTarget: (target: string) => string;
  /** The dry run's preview: what the copy replaces in the target. */
  replacesIn: (target: string) => string;
  applicationDataReplaced: (counts: { added: number; changed: number; removed: number; unchanged: number }) => string;
  /** The solution profile's version now, the source's version it takes, and how many settings change. */
  profileReplaced: (targetVersion: number, sourceVersion: number, changes: number) => string;
  changeOps: Record<'added' | 'changed' | 'removed', string>;
  /** Changed records beyond those listed by key. */
  moreRecords: (count: number) => string;
  needsApproval: string;
  copy: string;
  copyRequested: (source: string, target: string) => string;
}

/** The parts a copy or an order takes from a source tenant. */
export type CopyPart = 'applicationData' | 'solutionProfile';

export const enOperations: OperationMessages = {
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
  terminateIntro: 'The tenant is kept for the retention period; until then you can take the request back.',
  confirmName: (name) => `Type “${name}” to confirm`,
  pending: 'Pending requests',
  kind: {
    order: 'Order',
    copy: 'Copy',
    decommission: 'Termination',
    restore: 'Restore',
    transport: 'Transport',
    'profile-restore': 'Profile rollback',
  },
  state: {
    requested: 'Requested',
    validated: 'Validated',
    'awaiting-approval': 'Awaiting approval',
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
  retainedUntil: (date, relative) => `Retained until ${date} (${relative})`,
  cancelled: (what) => `Request cancelled: ${what}`,
  restored: (tenant) => `${tenant} is back.`,
  restoreRequested: (tenant) => `Restore of ${tenant} requested.`,
  finished: (kind, what) => `${kind} finished: ${what}`,
  failedBecause: (kind, what, reason) => `${kind} failed: ${what}. ${reason}`,
  ordered: (tenant) => `Order of ${tenant} submitted.`,
  terminationRequested: (tenant) => `Termination of ${tenant} requested.`,
  orderFrom: (source, bu) => `New tenant for ${bu} from ${source}`,
  takeFrom: (source) => `Take from ${source}`,
  takeNothing: 'Nothing chosen: the new tenant starts with initial data and profile.',
  parts: { applicationData: 'Application data', solutionProfile: 'Solution profile' },
  proposals: 'Proposals',
  copyInto: (target) => `Copy into ${target}`,
  copyIntro: 'Choose the tenant to copy from and what to copy. Whatever you do not choose stays as it is.',
  source: 'Source tenant',
  searchSources: 'Search tenants of the same product',
  sourcesFound: (n) => (n === 1 ? '1 tenant found' : `${n} tenants found`),
  noSources: 'No other tenant of this product matches.',
  whatToCopy: 'What to copy',
  chooseSourceAndParts: 'Choose a source tenant and at least one part to see the check.',
  passed: 'Passed',
  blocked: 'Blocked',
  overwrites: (target, parts, source) =>
    `${target} is productive: this copy overwrites its ${parts.map((part) => enOperations.parts[part].toLowerCase()).join(' and ')} with those of ${source}.`,
  productiveTarget: (target) => `${target} is productive: what you copy overwrites what it has now.`,
  replacesIn: (target) => `What this copy replaces in ${target}`,
  applicationDataReplaced: ({ added, changed, removed, unchanged }) =>
    `Application data: ${changed} records overwritten, ${removed} removed, ${added} added, ${unchanged} unchanged.`,
  profileReplaced: (from, to, n) =>
    n === 0
      ? `Solution profile: version ${from} already matches the source’s version ${to}; nothing changes.`
      : `Solution profile: version ${from} takes the source’s version ${to}; ${n === 1 ? '1 setting changes' : `${n} settings change`}.`,
  changeOps: { added: 'added', changed: 'changed', removed: 'removed' },
  moreRecords: (n) => `and ${n} more`,
  needsApproval: 'A second admin must approve this copy before it runs.',
  copy: 'Copy',
  copyRequested: (source, target) => `Copy from ${source} into ${target} submitted.`,
};

const deArticled: Record<CopyPart, string> = {
  applicationData: 'die Anwendungsdaten',
  solutionProfile: 'das Lösungsprofil',
};

export const deOperations: OperationMessages = {
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
  terminateIntro: 'Der Mandant wird für die Aufbewahrungsfrist behalten; bis dahin können Sie den Antrag zurückziehen.',
  confirmName: (name) => `Zur Bestätigung „${name}“ eingeben`,
  pending: 'Offene Anträge',
  kind: {
    order: 'Bestellung',
    copy: 'Kopie',
    decommission: 'Kündigung',
    restore: 'Wiederherstellung',
    transport: 'Transport',
    'profile-restore': 'Profil-Rücksetzung',
  },
  state: {
    requested: 'Beantragt',
    validated: 'Geprüft',
    'awaiting-approval': 'Wartet auf Freigabe',
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
  retainedUntil: (date, relative) => `Aufbewahrt bis ${date} (${relative})`,
  cancelled: (what) => `Antrag zurückgezogen: ${what}`,
  restored: (tenant) => `${tenant} ist wieder da.`,
  restoreRequested: (tenant) => `Wiederherstellung von ${tenant} beantragt.`,
  finished: (kind, what) => `${kind} abgeschlossen: ${what}`,
  failedBecause: (kind, what, reason) => `${kind} fehlgeschlagen: ${what}. ${reason}`,
  ordered: (tenant) => `Bestellung von ${tenant} übermittelt.`,
  terminationRequested: (tenant) => `Kündigung von ${tenant} beantragt.`,
  orderFrom: (source, bu) => `Neuer Mandant für ${bu} aus ${source}`,
  takeFrom: (source) => `Aus ${source} übernehmen`,
  takeNothing: 'Nichts gewählt: Der neue Mandant beginnt mit initialen Daten und initialem Profil.',
  parts: { applicationData: 'Anwendungsdaten', solutionProfile: 'Lösungsprofil' },
  proposals: 'Vorschläge',
  copyInto: (target) => `In ${target} kopieren`,
  copyIntro:
    'Wählen Sie den Mandanten, aus dem kopiert wird, und was kopiert wird. Was Sie nicht wählen, bleibt unverändert.',
  source: 'Quellmandant',
  searchSources: 'Mandanten desselben Produkts suchen',
  sourcesFound: (n) => (n === 1 ? '1 Mandant gefunden' : `${n} Mandanten gefunden`),
  noSources: 'Kein anderer Mandant dieses Produkts passt.',
  whatToCopy: 'Was kopiert wird',
  chooseSourceAndParts: 'Wählen Sie einen Quellmandanten und mindestens einen Teil, um die Prüfung zu sehen.',
  passed: 'Erfüllt',
  blocked: 'Blockiert',
  overwrites: (target, parts, source) =>
    `${target} ist produktiv: Diese Kopie überschreibt ${parts.map((part) => deArticled[part]).join(' und ')} mit dem Stand aus ${source}.`,
  productiveTarget: (target) => `${target} ist produktiv: Was Sie kopieren, überschreibt den jetzigen Stand.`,
  replacesIn: (target) => `Was diese Kopie in ${target} ersetzt`,
  applicationDataReplaced: ({ added, changed, removed, unchanged }) =>
    `Anwendungsdaten: ${changed} Datensätze überschrieben, ${removed} entfernt, ${added} hinzugefügt, ${unchanged} unverändert.`,
  profileReplaced: (from, to, n) =>
    n === 0
      ? `Lösungsprofil: Version ${from} entspricht schon Version ${to} der Quelle; nichts ändert sich.`
      : `Lösungsprofil: Version ${from} übernimmt Version ${to} der Quelle; ${n === 1 ? '1 Einstellung ändert sich' : `${n} Einstellungen ändern sich`}.`,
  changeOps: { added: 'hinzugefügt', changed: 'geändert', removed: 'entfernt' },
  moreRecords: (n) => `und ${n} weitere`,
  needsApproval: 'Ein zweiter Admin muss diese Kopie freigeben, bevor sie läuft.',
  copy: 'Kopieren',
  copyRequested: (source, target) => `Kopie aus ${source} in ${target} übermittelt.`,
};

const catalog = new Map<string, OperationMessages>([
  ['en', enOperations],
  ['de', deOperations],
]);

/** Adds or replaces the operation strings of a locale registered with `registerLocale`. */
export function registerOperationLocale(tag: string, messages: OperationMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

export type MessagesWithOperations = Messages & { ops: OperationMessages };

/** The locale's messages with its operation strings as `ops` (English ones for a locale without). */
export function operationMessagesFor(locale?: string | null): MessagesWithOperations {
  const tag = resolveLocale(locale);
  const ops = catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enOperations;
  return { ...messagesFor(locale), ops };
}
