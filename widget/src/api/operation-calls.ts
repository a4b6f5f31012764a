/**
 * The BFF calls only the tenant operations make (products, dry run, submitting a request, the
 * pending requests and their cancellation, the unit the order form piece orders into). They come with the operations chunk instead of the entry every page loads: loading
 * this module adds them to `BffClient.prototype`, so every client (a host's own too) has them from
 * then on, and the interface augmentation below types them. The components calling them import this
 * module, so they never run without it. A row's restore comes with this chunk too
 * (`components/tenants/restore-tenant.ts`): every row action needs it loaded.
 */
import { BffClient, isRecord, itemsOf, record } from './bff-client.js';
import type { BusinessUnit, DryRunResult, OperationDraft, OperationRequest, Product } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    listProducts(signal?: AbortSignal): Promise<Product[]>;
    /** Validations and proposals for a draft; creates nothing. */
    dryRun(draft: OperationDraft, signal?: AbortSignal): Promise<DryRunResult>;
    listOperationRequests(state?: string, signal?: AbortSignal): Promise<OperationRequest[]>;
    cancelOperationRequest(id: string, signal?: AbortSignal): Promise<OperationRequest>;
    /** Submits a draft. Retries with the same `idempotencyKey` return the same request. */
    submitOperationRequest(
      draft: OperationDraft,
      idempotencyKey: string,
      signal?: AbortSignal,
    ): Promise<OperationRequest>;
    /** One unit of the caller's subtree (the order form piece names the unit it orders into). */
    getBusinessUnit(id: string, signal?: AbortSignal): Promise<BusinessUnit>;
  }
}

function operationRequest(body: unknown): OperationRequest | undefined {
  return isRecord(body) && typeof body.id === 'string' && typeof body.state === 'string'
    ? (body as unknown as OperationRequest)
    : undefined;
}

const operationCalls: ThisType<BffClient> &
  Pick<
    BffClient,
    | 'listProducts'
    | 'dryRun'
    | 'submitOperationRequest'
    | 'listOperationRequests'
    | 'cancelOperationRequest'
    | 'getBusinessUnit'
  > = {
  async listProducts(signal) {
    return (await this.request('/v1/widget/products', { signal }, itemsOf<Product>)).items;
  },

  dryRun(draft, signal) {
    return this.request('/v1/widget/operation-requests/dry-run', { signal, method: 'POST', body: draft }, (body) =>
      isRecord(body) && Array.isArray(body.validations) ? (body as unknown as DryRunResult) : undefined,
    );
  },

  submitOperationRequest(draft, idempotencyKey, signal) {
    return this.request(
      '/v1/widget/operation-requests',
      { signal, method: 'POST', body: draft, headers: { 'Idempotency-Key': idempotencyKey } },
      operationRequest,
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

  getBusinessUnit(id, signal) {
    return this.request(`/v1/widget/business-units/${encodeURIComponent(id)}`, { signal }, record<BusinessUnit>);
  },
};

Object.assign(BffClient.prototype, operationCalls);
