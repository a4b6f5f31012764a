/**
 * The BFF calls only the tenant operations make (products, dry run, the pending requests and their
 * cancellation). They come with the operations chunk instead of the entry every page loads: loading
 * this module adds them to `BffClient.prototype`, so every client (a host's own too) has them from
 * then on, and the interface augmentation below types them. The components calling them import this
 * module, so they never run without it. `submitOperationRequest` stays in the entry: the tenant
 * list's restore needs it without the operations.
 */
import { BffClient, isRecord, itemsOf, operationRequest } from './bff-client.js';
import type { DryRunResult, OperationDraft, OperationRequest, Product } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    listProducts(signal?: AbortSignal): Promise<Product[]>;
    /** Validations and proposals for a draft; creates nothing. */
    dryRun(draft: OperationDraft, signal?: AbortSignal): Promise<DryRunResult>;
    listOperationRequests(state?: string, signal?: AbortSignal): Promise<OperationRequest[]>;
    cancelOperationRequest(id: string, signal?: AbortSignal): Promise<OperationRequest>;
  }
}

const operationCalls: ThisType<BffClient> &
  Pick<BffClient, 'listProducts' | 'dryRun' | 'listOperationRequests' | 'cancelOperationRequest'> = {
  async listProducts(signal) {
    return (await this.request('/v1/widget/products', { signal }, itemsOf<Product>)).items;
  },

  dryRun(draft, signal) {
    return this.request('/v1/widget/operation-requests/dry-run', { signal, method: 'POST', body: draft }, (body) =>
      isRecord(body) && Array.isArray(body.validations) ? (body as unknown as DryRunResult) : undefined,
    );
  },

  async listOperationRequests(state = 'open', signal) {
    const path = `/v1/widget/operation-requests?state=${encodeURIComponent(state)}`;
    return (await this.request(path, { signal }, itemsOf<OperationRequest>)).items;
  },

  cancelOperationRequest(id, signal) {
    const path = `/v1/widget/operation-requests/${encodeURIComponent(id)}/cancel`;
    return this.request(path, { signal, method: 'POST' }, operationRequest);
  },
};

Object.assign(BffClient.prototype, operationCalls);
