import type { SecurityEventAction } from '@scc/contracts/embed-sessions';
import { auditEvents, type Transaction } from '@scc/db';
import type { Caller } from '../scope/caller.js';

/** Who made the change: the caller, or for a worker's step the user who asked for it. */
export type AuditActor = Pick<Caller, 'user'> | { user: { id: string; email: string } };

export type AuditAction =
  | 'business-unit.created'
  | 'business-unit.renamed'
  | 'business-unit.updated'
  | 'business-unit.deleted'
  | 'business-unit.moved'
  | 'data-source.created'
  | 'data-source.updated'
  | 'data-source.deleted'
  | 'user.created'
  | 'user.updated'
  | 'user.deleted'
  | 'role-assignment.granted'
  | 'role-assignment.revoked'
  | 'operation-request.submitted'
  | 'operation-request.rejected'
  | 'operation-request.cancelled'
  | 'operation-request.completed'
  | 'operation-request.failed'
  | 'operation-request.restored'
  | 'transport.deployed'
  | 'solution-profile.restored'
  | 'solution-profile.edited'
  | 'embed-session.issued'
  | 'embed-session.exchanged'
  | 'user.provisioned'
  | 'identity-provider.registered'
  | 'identity-provider.removed'
  | 'webhook-endpoint.registered'
  | 'webhook-endpoint.removed'
  | 'embed-session.revoked'
  | 'host-api-key.created'
  | 'host-api-key.rotated'
  | 'host-api-key.revoked'
  | 'totp.enrolled'
  | 'totp.recovery-code-used'
  | 'totp.policy-changed'
  | 'step-up.locked-out'
  | 'approval.requested'
  | 'approval.approved'
  | 'approval.rejected'
  | 'approval.expired'
  | 'approval-policy.changed'
  | 'collector-credential.created'
  | 'collector-credential.revoked'
  | 'price-list.changed'
  | 'quota.changed'
  | 'billing-account.changed'
  | 'invoices.computed'
  | 'invoice.issued'
  | SecurityEventAction;

export interface AuditEntry {
  action: AuditAction;
  entityType:
    | 'business-unit'
    | 'data-source'
    | 'user'
    | 'role-assignment'
    | 'operation-request'
    | 'tenant'
    | 'embed-session'
    | 'host-api-key'
    | 'identity-provider'
    | 'webhook-endpoint'
    | 'security-event'
    | 'approval'
    | 'approval-policy'
    | 'collector-credential'
    | 'price-list'
    | 'billing-account'
    | 'invoice'
    | 'quota';
  entityId: string;
  /** The unit the change belongs to, and its path: where in the tree the event is readable. */
  businessUnit: { id: string; path: string };
  before: unknown;
  after: unknown;
}

/** Writes the change's audit event in the change's own transaction, so neither exists without the other. */
export async function recordAudit(
  tx: Pick<Transaction, 'insert'>,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: actor.user.id,
    actorEmail: actor.user.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    businessUnitId: entry.businessUnit.id,
    buPath: entry.businessUnit.path,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
