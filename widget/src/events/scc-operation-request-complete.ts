import type { OperationRequest } from '../api/types.js';

/** Detail of `scc-operation-request-complete`. */
export interface SccOperationRequestCompleteDetail {
  /** The request in its end state. */
  request: OperationRequest;
}

/** An operation request the widget shows reached an end state: `succeeded`, `failed`, `rejected` or `cancelled`. Bubbles and is composed. */
export type SccOperationRequestCompleteEvent = CustomEvent<SccOperationRequestCompleteDetail>;

export const SCC_OPERATION_REQUEST_COMPLETE = 'scc-operation-request-complete';

export function createOperationRequestCompleteEvent(request: OperationRequest): SccOperationRequestCompleteEvent {
  return new CustomEvent<SccOperationRequestCompleteDetail>(SCC_OPERATION_REQUEST_COMPLETE, {
    detail: { request },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-operation-request-complete': SccOperationRequestCompleteEvent;
  }
}
