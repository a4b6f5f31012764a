/**
 * The BFF calls of four eyes: the approvals this caller may decide, and a decision. They come with
 * the approvals chunk: loading this module adds them to `BffClient.prototype` (as
 * `operation-calls.ts` does for the operations), and the interface augmentation types them.
 */
import { BffClient, isRecord, itemsOf } from './bff-client.js';
import type { Approval, ApprovalDecision } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    /** `pending`: what this caller may decide now. */
    listApprovals(state?: string, signal?: AbortSignal): Promise<Approval[]>;
    decideApproval(id: string, decision: ApprovalDecision, comment?: string, signal?: AbortSignal): Promise<Approval>;
  }
}

const approval = (body: unknown): Approval | undefined =>
  isRecord(body) && typeof body.id === 'string' && typeof body.subject === 'string'
    ? (body as unknown as Approval)
    : undefined;

const approvalCalls: ThisType<BffClient> & Pick<BffClient, 'listApprovals' | 'decideApproval'> = {
  async listApprovals(state = 'pending', signal) {
    const path = `/v1/widget/approvals?state=${encodeURIComponent(state)}`;
    return (await this.request(path, { signal }, itemsOf<Approval>)).items;
  },

  decideApproval(id, decision, comment, signal) {
    const path = `/v1/widget/approvals/${encodeURIComponent(id)}/${decision}`;
    return this.request(path, { signal, method: 'POST', body: comment ? { comment } : {} }, approval);
  },
};

Object.assign(BffClient.prototype, approvalCalls);
