import type { OperationRequest, RequestAction } from '@scc/contracts/operations';
import type { OperationRequestState, RoleName } from '@scc/db';
import { holdsRole } from './rules.js';
import { openStates } from './state-machine.js';

/** Open and not yet claimed by a worker. */
const WAITING: readonly OperationRequestState[] = openStates.filter((state) => state !== 'running');

interface RequestFacts {
  kind: OperationRequest['kind'];
  state: OperationRequestState;
  completedSteps: readonly string[];
  /** A termination's `runAfter` is the end of its retention period. */
  runAfter: Date;
  leaseUntil: Date | null;
}

/**
 * When a termination that waits out its retention period, unclaimed, lets its tenant go; null
 * for every other request (one a worker holds is running, not waiting).
 */
export function retainedUntil(request: RequestFacts, now: Date): Date | null {
  const waiting =
    request.kind === 'decommission' &&
    request.state === 'running' &&
    request.completedSteps.includes('retain') &&
    (request.leaseUntil === null || request.leaseUntil < now);
  return waiting ? request.runAfter : null;
}

/** Whether the request's state lets it be cancelled: not yet started, or a termination in retention. */
export function stateAllowsCancel(request: Pick<OperationRequest, 'state' | 'retainedUntil'>): boolean {
  return WAITING.includes(request.state) || request.retainedUntil !== null;
}

/** What a caller with these roles on its acting unit may do with the request now (cancel.ts decides the same). */
export function allowedActions(
  request: Pick<OperationRequest, 'state' | 'retainedUntil'>,
  roles: readonly RoleName[],
): RequestAction[] {
  return holdsRole(roles, 'operator') && stateAllowsCancel(request) ? ['cancel'] : [];
}
