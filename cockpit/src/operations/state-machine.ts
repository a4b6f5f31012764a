import type { OperationRequestState } from '@scc/db';

/**
 * requested → validated → queued → running → succeeded | failed, plus rejected (a rule blocked it)
 * and cancelled (by the customer before it ran, or a decommission during its retention period).
 * A request that needs four eyes goes validated → awaiting-approval → queued once its quorum
 * approved, or rejected (an approver rejected it, or the approval expired: error `approval-expired`).
 */
const allowed: Record<OperationRequestState, readonly OperationRequestState[]> = {
  requested: ['validated', 'rejected', 'cancelled'],
  validated: ['awaiting-approval', 'queued', 'cancelled'],
  'awaiting-approval': ['queued', 'rejected', 'cancelled'],
  queued: ['running', 'cancelled'],
  running: ['running', 'succeeded', 'failed', 'cancelled'],
  succeeded: [],
  failed: [],
  rejected: [],
  cancelled: [],
};

export const openStates: readonly OperationRequestState[] = [
  'requested',
  'validated',
  'awaiting-approval',
  'queued',
  'running',
];
export const doneStates: readonly OperationRequestState[] = ['succeeded', 'failed', 'rejected', 'cancelled'];

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OperationRequestState,
    readonly to: OperationRequestState,
  ) {
    super(`an operation request cannot go from ${from} to ${to}`);
  }
}

export function canTransition(from: OperationRequestState, to: OperationRequestState): boolean {
  return allowed[from].includes(to);
}

/** Returns `to` if the move is legal; throws otherwise, so no code path can skip a state. */
export function transition(from: OperationRequestState, to: OperationRequestState): OperationRequestState {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
  return to;
}

export function isOpen(state: OperationRequestState): boolean {
  return openStates.includes(state);
}
