import type { OperationRequest } from '../api/types.js';

/** Detail of `scc-operation-request-cancel`. */
export interface SccOperationRequestCancelDetail {
  /** The request as the cockpit answered the cancellation. */
  request: OperationRequest;
}

/** The user cancelled an operation request (or took back a termination, which restores the tenant). Bubbles and is composed. */
export type SccOperationRequestCancelEvent = CustomEvent<SccOperationRequestCancelDetail>;

export const SCC_OPERATION_REQUEST_CANCEL = 'scc-operation-request-cancel';

export function createOperationRequestCancelEvent(request: OperationRequest): SccOperationRequestCancelEvent {
  return new CustomEvent<SccOperationRequestCancelDetail>(SCC_OPERATION_REQUEST_CANCEL, {
    detail: { request },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-operation-request-cancel': SccOperationRequestCancelEvent;
  }
}
