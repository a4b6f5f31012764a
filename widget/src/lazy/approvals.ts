/**
 * Four eyes: the approvals a caller may decide, with approve and reject. A chunk of its own, which
 * the pending requests load only when there is something to decide, so callers who never approve
 * never load it. Importing this module registers the element (guarded).
 */
import { SccPendingApprovals } from '../components/approvals/approvals.js';
import { register } from '../register.js';

export type { ApprovalMessages } from '../i18n/approval-messages.js';
export { approvalMessagesFor, deApprovals, enApprovals } from '../i18n/approval-messages.js';
export { SccPendingApprovals };

export const approvalElements = { 'scc-pending-approvals': SccPendingApprovals } as const;

register(approvalElements);

declare global {
  interface HTMLElementTagNameMap {
    'scc-pending-approvals': SccPendingApprovals;
  }
}
