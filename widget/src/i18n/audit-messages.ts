import { resolveLocale } from './index.js';

/** Strings of the audit log. They come with the admin chunk, with the screen. */
export interface AuditMessages {
  title: string;
  filters: string;
  kind: string;
  allKinds: string;
  /** The kinds of change one can filter by, by action prefix. */
  kinds: Record<string, string>;
  actor: string;
  from: string;
  to: string;
  apply: string;
  when: string;
  who: string;
  what: string;
  unit: string;
  change: string;
  /** A change's name, by action; an unknown one is shown as it is. */
  actions: Record<string, string>;
  deletedUnit: string;
  loading: string;
  empty: string;
  loadMore: string;
  shown: (count: string) => string;
}

export const enAudit: AuditMessages = {
  title: 'Audit log',
  filters: 'Filter the audit log',
  kind: 'Kind',
  allKinds: 'All kinds',
  kinds: {
    'operation-request.': 'Tenant operations',
    'transport.': 'Transports',
    'solution-profile.': 'Solution profiles',
    'business-unit.': 'Business units',
    'user.': 'Users',
    'role-assignment.': 'Roles',
    'data-source.': 'Data sources',
    'embed-session.': 'Sign-ins',
    'host-api-key.': 'Host API keys',
    'identity-provider.': 'Identity providers',
    'rate-limit.': 'Rate limits',
    'step-up.': 'Step-ups',
    'totp.': 'Two-step verification',
    'approval.': 'Approvals',
    'approval-policy.': 'Approval policies',
  },
  actor: 'By (e-mail)',
  from: 'From',
  to: 'To',
  apply: 'Apply filters',
  when: 'When',
  who: 'Who',
  what: 'What',
  unit: 'Business unit',
  change: 'Change',
  actions: {
    'operation-request.submitted': 'Request submitted',
    'operation-request.rejected': 'Request rejected',
    'operation-request.cancelled': 'Request cancelled',
    'operation-request.completed': 'Request completed',
    'operation-request.failed': 'Request failed',
    'operation-request.restored': 'Tenant restored',
    'transport.deployed': 'Transport deployed',
    'solution-profile.restored': 'Profile version restored',
    'solution-profile.edited': 'Profile edited',
    'business-unit.created': 'Unit created',
    'business-unit.renamed': 'Unit renamed',
    'business-unit.updated': 'Unit changed',
    'business-unit.deleted': 'Unit deleted',
    'business-unit.moved': 'Unit moved',
    'data-source.created': 'Data source added',
    'data-source.updated': 'Data source changed',
    'data-source.deleted': 'Data source removed',
    'user.created': 'User created',
    'user.updated': 'User changed',
    'user.deleted': 'User deleted',
    'user.provisioned': 'User created at first sign-in',
    'role-assignment.granted': 'Role granted',
    'role-assignment.revoked': 'Role revoked',
    'embed-session.issued': 'Signed in',
    'embed-session.exchanged': 'Signed in with single sign-on',
    'embed-session.refused': 'Sign-in refused',
    'embed-session.revoked': 'Signed out',
    'host-api-key.created': 'Host API key created',
    'host-api-key.rotated': 'Host API key rotated',
    'host-api-key.revoked': 'Host API key revoked',
    'host-api-key.refused': 'Host API key refused',
    'collector-credential.created': 'Usage collector credential created',
    'collector-credential.revoked': 'Usage collector credential revoked',
    'price-list.changed': 'Price list changed',
    'quota.changed': 'Quota changed',
    'billing-account.changed': 'Billing account changed',
    'invoices.computed': 'Invoice drafts computed',
    'invoice.issued': 'Invoice issued',
    'identity-provider.registered': 'Identity provider trusted',
    'webhook-endpoint.registered': 'Alert webhook registered',
    'webhook-endpoint.removed': 'Alert webhook removed',
    'identity-provider.removed': 'Identity provider removed',
    'rate-limit.exceeded': 'Rate limit reached',
    'step-up.passed': 'Confirmed with a code',
    'step-up.failed': 'Wrong code',
    'step-up.locked-out': 'Locked after wrong codes',
    'totp.enrolled': 'Authenticator app set up',
    'totp.recovery-code-used': 'Recovery code used',
    'totp.policy-changed': 'Two-step verification requirement changed',
    'approval.requested': 'Approval requested',
    'approval.approved': 'Approved',
    'approval.rejected': 'Rejected by an approver',
    'approval.expired': 'Approval expired',
    'approval-policy.changed': 'Approval policy changed',
  },
  deletedUnit: 'a deleted unit',
  loading: 'Loading…',
  empty: 'No changes match.',
  loadMore: 'Load more',
  shown: (count) => `${count} shown`,
};

export const deAudit: AuditMessages = {
  title: 'Änderungsprotokoll',
  filters: 'Änderungsprotokoll filtern',
  kind: 'Art',
  allKinds: 'Alle Arten',
  kinds: {
    'operation-request.': 'Mandantenvorgänge',
    'transport.': 'Transporte',
    'solution-profile.': 'Lösungsprofile',
    'business-unit.': 'Organisationseinheiten',
    'user.': 'Benutzer',
    'role-assignment.': 'Rollen',
    'data-source.': 'Datenquellen',
    'embed-session.': 'Anmeldungen',
    'host-api-key.': 'Host-API-Schlüssel',
    'identity-provider.': 'Identitätsanbieter',
    'rate-limit.': 'Anfragelimits',
    'step-up.': 'Bestätigungen mit Code',
    'totp.': 'Bestätigung in zwei Schritten',
    'approval.': 'Freigaben',
    'approval-policy.': 'Freigaberegeln',
  },
  actor: 'Von (E-Mail)',
  from: 'Von',
  to: 'Bis',
  apply: 'Filter anwenden',
  when: 'Wann',
  who: 'Wer',
  what: 'Was',
  unit: 'Organisationseinheit',
  change: 'Änderung',
  actions: {
    'operation-request.submitted': 'Antrag gestellt',
    'operation-request.rejected': 'Antrag abgelehnt',
    'operation-request.cancelled': 'Antrag zurückgezogen',
    'operation-request.completed': 'Antrag erledigt',
    'operation-request.failed': 'Antrag fehlgeschlagen',
    'operation-request.restored': 'Mandant wiederhergestellt',
    'transport.deployed': 'Transport eingespielt',
    'solution-profile.restored': 'Profilversion wiederhergestellt',
    'solution-profile.edited': 'Profil geändert',
    'business-unit.created': 'Einheit angelegt',
    'business-unit.renamed': 'Einheit umbenannt',
    'business-unit.updated': 'Einheit geändert',
    'business-unit.deleted': 'Einheit gelöscht',
    'business-unit.moved': 'Einheit verschoben',
    'data-source.created': 'Datenquelle hinzugefügt',
    'data-source.updated': 'Datenquelle geändert',
    'data-source.deleted': 'Datenquelle entfernt',
    'user.created': 'Benutzer angelegt',
    'user.updated': 'Benutzer geändert',
    'user.deleted': 'Benutzer gelöscht',
    'user.provisioned': 'Benutzer bei erster Anmeldung angelegt',
    'role-assignment.granted': 'Rolle vergeben',
    'role-assignment.revoked': 'Rolle entzogen',
    'embed-session.issued': 'Angemeldet',
    'embed-session.exchanged': 'Mit Single Sign-on angemeldet',
    'embed-session.refused': 'Anmeldung abgewiesen',
    'embed-session.revoked': 'Abgemeldet',
    'host-api-key.created': 'Host-API-Schlüssel erstellt',
    'host-api-key.rotated': 'Host-API-Schlüssel erneuert',
    'host-api-key.revoked': 'Host-API-Schlüssel widerrufen',
    'host-api-key.refused': 'Host-API-Schlüssel abgewiesen',
    'collector-credential.created': 'Zugang für Verbrauchssammler erstellt',
    'collector-credential.revoked': 'Zugang für Verbrauchssammler widerrufen',
    'price-list.changed': 'Preisliste geändert',
    'quota.changed': 'Kontingent geändert',
    'billing-account.changed': 'Abrechnungskonto geändert',
    'invoices.computed': 'Rechnungsentwürfe berechnet',
    'invoice.issued': 'Rechnung ausgestellt',
    'identity-provider.registered': 'Identitätsanbieter vertraut',
    'webhook-endpoint.registered': 'Webhook für Hinweise registriert',
    'webhook-endpoint.removed': 'Webhook für Hinweise entfernt',
    'identity-provider.removed': 'Identitätsanbieter entfernt',
    'rate-limit.exceeded': 'Anfragelimit erreicht',
    'step-up.passed': 'Mit Code bestätigt',
    'step-up.failed': 'Falscher Code',
    'step-up.locked-out': 'Nach falschen Codes gesperrt',
    'totp.enrolled': 'Authenticator-App eingerichtet',
    'totp.recovery-code-used': 'Wiederherstellungscode verwendet',
    'totp.policy-changed': 'Pflicht zur Bestätigung in zwei Schritten geändert',
    'approval.requested': 'Freigabe angefordert',
    'approval.approved': 'Freigegeben',
    'approval.rejected': 'Freigabe abgelehnt',
    'approval.expired': 'Freigabe abgelaufen',
    'approval-policy.changed': 'Freigaberegel geändert',
  },
  deletedUnit: 'eine gelöschte Einheit',
  loading: 'Wird geladen …',
  empty: 'Keine passenden Änderungen.',
  loadMore: 'Mehr laden',
  shown: (count) => `${count} angezeigt`,
};

const catalog = new Map<string, AuditMessages>([
  ['en', enAudit],
  ['de', deAudit],
]);

/** Adds or replaces the audit log's strings of a locale registered with `registerLocale`. */
export function registerAuditLocale(tag: string, messages: AuditMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

/** The locale's audit log strings (English for a locale without). */
export function auditMessagesFor(locale?: string | null): AuditMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enAudit;
}
