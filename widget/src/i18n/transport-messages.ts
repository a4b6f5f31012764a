import { resolveLocale } from './index.js';

/** Strings of transports and solution profile versions. They come with the transports chunk. */
export interface TransportMessages {
  title: string;
  intro: string;
  source: string;
  target: string;
  chooseTenant: string;
  swap: string;
  profile: string;
  mode: string;
  full: string;
  delta: string;
  baseline: string;
  lastTransport: string;
  version: (version: number, date: string) => string;
  extensions: string;
  noExtensions: string;
  /** An extension the transport installs (`from` null) or upgrades. */
  extensionChange: (name: string, from: string | null, to: string) => string;
  chooseBoth: string;
  checking: string;
  changesIn: (target: string) => string;
  noChanges: string;
  path: string;
  change: string;
  before: string;
  after: string;
  op: Record<'added' | 'changed' | 'removed', string>;
  /** A side that has no value at the path. */
  absent: string;
  fullValue: string;
  resultVersion: (target: string, version: number) => string;
  overwrites: (count: number, target: string) => string;
  conflicts: string;
  conflictsIntro: (source: string, target: string) => string;
  base: string;
  takeSource: string;
  keepTarget: string;
  unresolved: (count: number) => string;
  approval: (reason: string) => string;
  noApproval: string;
  refused: string;
  submit: string;
  cancel: string;
  close: string;
  submitted: (source: string, target: string) => string;
  versionsTitle: (tenant: string) => string;
  versionsIntro: string;
  noVersions: string;
  versionColumn: string;
  created: string;
  writtenBy: string;
  current: string;
  byRequest: (id: string) => string;
  initial: string;
  view: string;
  actions: string;
  document: (version: number) => string;
  rollBack: string;
  rollBackTo: (tenant: string, version: number) => string;
  confirmRollBack: string;
  back: string;
  rollBackSubmitted: (tenant: string, version: number) => string;
}

const enPlural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const enTransports: TransportMessages = {
  title: 'Transport configuration',
  intro:
    'Carry the solution profile and extensions from one tenant to another of the same customer. Nothing changes until you submit.',
  source: 'From (source)',
  target: 'Into (target)',
  chooseTenant: 'Choose a tenant…',
  swap: 'Swap source and target',
  profile: 'Transport the solution profile',
  mode: 'How',
  full: 'Full: the target’s profile becomes the source’s',
  delta: 'Delta: only what the source changed since a baseline',
  baseline: 'Baseline',
  lastTransport: 'The last transport between the two',
  version: (version, date) => `Version ${version} of the source · ${date}`,
  extensions: 'Extensions to install or upgrade',
  noExtensions: 'The source has no extension the target lacks or runs older.',
  extensionChange: (name, from, to) => (from ? `${name} ${from} → ${to}` : `${name} ${to} (new)`),
  chooseBoth: 'Choose the source, the target and what to transport.',
  checking: 'Checking…',
  changesIn: (target) => `What changes in ${target}`,
  noChanges: 'The profile stays as it is.',
  path: 'Setting',
  change: 'Change',
  before: 'Now',
  after: 'After',
  op: { added: 'added', changed: 'changed', removed: 'removed' },
  absent: '(none)',
  fullValue: 'Full value',
  resultVersion: (target, version) => `${target} gets version ${version} of its profile.`,
  overwrites: (count, target) =>
    `${count} ${enPlural(count, 'value', 'values')} ${target} has now ${enPlural(count, 'is', 'are')} overwritten or removed.`,
  conflicts: 'Conflicts',
  conflictsIntro: (source, target) =>
    `${source} and ${target} both changed these settings since the baseline. Choose for each which one wins.`,
  base: 'Baseline',
  takeSource: 'Take source',
  keepTarget: 'Keep target',
  unresolved: (count) => `${count} ${enPlural(count, 'conflict needs', 'conflicts need')} your choice.`,
  approval: (reason) => `Needs approval by a second admin: ${reason}`,
  noApproval: 'Runs at once, without approval.',
  refused: 'Not possible like this:',
  submit: 'Transport',
  cancel: 'Cancel',
  close: 'Close',
  submitted: (source, target) => `Transport from ${source} into ${target} submitted.`,
  versionsTitle: (tenant) => `Solution profile versions of ${tenant}`,
  versionsIntro: 'Every deployment, restore and copy wrote a version. Rolling back writes a new one.',
  noVersions: 'This tenant has no solution profile yet.',
  versionColumn: 'Version',
  created: 'Created',
  writtenBy: 'Written by',
  current: 'current',
  byRequest: (id) => `Request ${id.slice(0, 8)}`,
  initial: 'Initial setup',
  view: 'Show',
  actions: 'Actions',
  document: (version) => `Version ${version}`,
  rollBack: 'Roll back to this version',
  rollBackTo: (tenant, version) => `Roll ${tenant} back to version ${version}?`,
  confirmRollBack: 'Roll back',
  back: 'Back',
  rollBackSubmitted: (tenant, version) => `Rollback of ${tenant} to version ${version} submitted.`,
};

export const deTransports: TransportMessages = {
  title: 'Konfiguration transportieren',
  intro:
    'Übertragen Sie Lösungsprofil und Erweiterungen von einem Mandanten in einen anderen desselben Kunden. Bis zum Absenden ändert sich nichts.',
  source: 'Von (Quelle)',
  target: 'Nach (Ziel)',
  chooseTenant: 'Mandanten wählen…',
  swap: 'Quelle und Ziel tauschen',
  profile: 'Lösungsprofil transportieren',
  mode: 'Wie',
  full: 'Vollständig: Das Profil des Ziels wird das der Quelle',
  delta: 'Delta: nur was die Quelle seit einer Basis geändert hat',
  baseline: 'Basis',
  lastTransport: 'Der letzte Transport zwischen beiden',
  version: (version, date) => `Version ${version} der Quelle · ${date}`,
  extensions: 'Zu installierende oder zu aktualisierende Erweiterungen',
  noExtensions: 'Die Quelle hat keine Erweiterung, die dem Ziel fehlt oder dort älter ist.',
  extensionChange: (name, from, to) => (from ? `${name} ${from} → ${to}` : `${name} ${to} (neu)`),
  chooseBoth: 'Wählen Sie Quelle, Ziel und was transportiert wird.',
  checking: 'Wird geprüft…',
  changesIn: (target) => `Was sich in ${target} ändert`,
  noChanges: 'Das Profil bleibt, wie es ist.',
  path: 'Einstellung',
  change: 'Änderung',
  before: 'Jetzt',
  after: 'Danach',
  op: { added: 'hinzugefügt', changed: 'geändert', removed: 'entfernt' },
  absent: '(keiner)',
  fullValue: 'Ganzer Wert',
  resultVersion: (target, version) => `${target} erhält Version ${version} seines Profils.`,
  overwrites: (count, target) =>
    `${count} ${count === 1 ? 'Wert' : 'Werte'} von ${target} ${count === 1 ? 'wird' : 'werden'} überschrieben oder entfernt.`,
  conflicts: 'Konflikte',
  conflictsIntro: (source, target) =>
    `${source} und ${target} haben diese Einstellungen seit der Basis beide geändert. Wählen Sie jeweils, welche gilt.`,
  base: 'Basis',
  takeSource: 'Quelle übernehmen',
  keepTarget: 'Ziel behalten',
  unresolved: (count) => `${count} ${count === 1 ? 'Konflikt braucht' : 'Konflikte brauchen'} Ihre Wahl.`,
  approval: (reason) => `Braucht die Freigabe eines zweiten Admins: ${reason}`,
  noApproval: 'Läuft sofort, ohne Freigabe.',
  refused: 'So nicht möglich:',
  submit: 'Transportieren',
  cancel: 'Abbrechen',
  close: 'Schließen',
  submitted: (source, target) => `Transport von ${source} nach ${target} beantragt.`,
  versionsTitle: (tenant) => `Versionen des Lösungsprofils von ${tenant}`,
  versionsIntro:
    'Jede Bereitstellung, Wiederherstellung und Kopie schrieb eine Version. Ein Zurücksetzen schreibt eine neue.',
  noVersions: 'Dieser Mandant hat noch kein Lösungsprofil.',
  versionColumn: 'Version',
  created: 'Erstellt',
  writtenBy: 'Geschrieben von',
  current: 'aktuell',
  byRequest: (id) => `Auftrag ${id.slice(0, 8)}`,
  initial: 'Ersteinrichtung',
  view: 'Anzeigen',
  actions: 'Aktionen',
  document: (version) => `Version ${version}`,
  rollBack: 'Auf diese Version zurücksetzen',
  rollBackTo: (tenant, version) => `${tenant} auf Version ${version} zurücksetzen?`,
  confirmRollBack: 'Zurücksetzen',
  back: 'Zurück',
  rollBackSubmitted: (tenant, version) => `Zurücksetzen von ${tenant} auf Version ${version} beantragt.`,
};

/** The locale's transport strings (English for a locale without). */
export function transportMessagesFor(locale?: string | null): TransportMessages {
  return resolveLocale(locale).startsWith('de') ? deTransports : enTransports;
}
