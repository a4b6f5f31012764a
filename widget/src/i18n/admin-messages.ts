import type { MoveCounts } from '../api/types.js';
import { type Messages, messagesFor, resolveLocale } from './index.js';

/** `1 tenant`, `2 tenants`: English plurals add an s unless told otherwise. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Strings of the hierarchy admin screens. They come with the admin chunk, so hosts whose users
 * never administer do not load them.
 */
export interface AdminMessages {
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
  /** The unit's two-step verification requirement and the caller's authenticator. */
  security: string;
  noUsers: string;
  createUser: string;
  grant: string;
  revoke: string;
  revokeRole: (role: string, user: string) => string;
  roleName: Record<string, string>;
  moved: (unit: string, parent: string) => string;
  userCreated: (user: string) => string;
  roleGranted: (role: string, user: string) => string;
  roleRevoked: (role: string, user: string) => string;
}

export const enAdmin: AdminMessages = {
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
  security: 'Two-step verification',
  noUsers: 'No users here yet.',
  createUser: 'Add user',
  grant: 'Grant',
  revoke: 'Revoke',
  revokeRole: (role, user) => `Revoke ${role} from ${user}`,
  roleName: { viewer: 'Viewer', operator: 'Operator', admin: 'Admin', billing: 'Billing' },
  moved: (unit, parent) => `${unit} now lies under ${parent}.`,
  userCreated: (user) => `${user} was created.`,
  roleGranted: (role, user) => `${user} is ${role} here now.`,
  roleRevoked: (role, user) => `${user} is no longer ${role} here.`,
};

export const deAdmin: AdminMessages = {
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
  security: 'Bestätigung in zwei Schritten',
  noUsers: 'Hier gibt es noch keine Benutzer.',
  createUser: 'Benutzer anlegen',
  grant: 'Zuweisen',
  revoke: 'Entziehen',
  revokeRole: (role, user) => `${role} von ${user} entziehen`,
  roleName: { viewer: 'Betrachter', operator: 'Bediener', admin: 'Administrator', billing: 'Abrechnung' },
  moved: (unit, parent) => `${unit} liegt jetzt unter ${parent}.`,
  userCreated: (user) => `${user} wurde angelegt.`,
  roleGranted: (role, user) => `${user} ist hier jetzt ${role}.`,
  roleRevoked: (role, user) => `${user} ist hier nicht mehr ${role}.`,
};

const catalog = new Map<string, AdminMessages>([
  ['en', enAdmin],
  ['de', deAdmin],
]);

/** Adds or replaces the admin strings of a locale registered with `registerLocale`. */
export function registerAdminLocale(tag: string, messages: AdminMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

export type MessagesWithAdmin = Messages & AdminMessages;

/** The locale's messages with its admin strings (English ones for a locale without). */
export function adminMessagesFor(locale?: string | null): MessagesWithAdmin {
  const tag = resolveLocale(locale);
  return { ...messagesFor(locale), ...(catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enAdmin) };
}
