import type { Approval } from '../api/types.js';

/** Detail of `scc-approval-decide`. */
export interface SccApprovalDecideDetail {
  /** The approval as the cockpit answered the decision (`approved`, `rejected`, or still `pending`). */
  approval: Approval;
}

/** The user approved or rejected a request or move waiting for four eyes. Bubbles and is composed. */
export type SccApprovalDecideEvent = CustomEvent<SccApprovalDecideDetail>;

export const SCC_APPROVAL_DECIDE = 'scc-approval-decide';

export function createApprovalDecideEvent(approval: Approval): SccApprovalDecideEvent {
  return new CustomEvent<SccApprovalDecideDetail>(SCC_APPROVAL_DECIDE, {
    detail: { approval },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-approval-decide': SccApprovalDecideEvent;
  }
}
