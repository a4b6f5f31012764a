import type { Session } from '../api/types.js';

/** Detail of `scc-ready`: the caller's session as returned by `GET /v1/widget/session`. */
export type SccReadyDetail = Session;

/**
 * Fired by `<service-control-center>` once the session, business units and tenants have loaded.
 * Bubbles and is composed.
 */
export type SccReadyEvent = CustomEvent<SccReadyDetail>;

export const SCC_READY = 'scc-ready';

export function createReadyEvent(session: Session): SccReadyEvent {
  return new CustomEvent<SccReadyDetail>(SCC_READY, { detail: session, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-ready': SccReadyEvent;
  }
}
