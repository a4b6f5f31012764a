import type { OperationRequest } from '../api/types.js';

/** Detail of `scc-operation-request-submit`. */
export interface SccOperationRequestSubmitDetail {
  /** The request as the cockpit accepted it (state `queued`). */
  request: OperationRequest;
}

/** An operation request was accepted (the order form or the termination dialog submitted it). Bubbles and is composed. */
export type SccOperationRequestSubmitEvent = CustomEvent<SccOperationRequestSubmitDetail>;

export const SCC_OPERATION_REQUEST_SUBMIT = 'scc-operation-request-submit';

export function createOperationRequestSubmitEvent(request: OperationRequest): SccOperationRequestSubmitEvent {
  return new CustomEvent<SccOperationRequestSubmitDetail>(SCC_OPERATION_REQUEST_SUBMIT, {
    detail: { request },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-operation-request-submit': SccOperationRequestSubmitEvent;
  }
}
