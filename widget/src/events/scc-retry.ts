/**
 * Fired by `<scc-state-panel>` when its retry button is activated. Internal: it neither bubbles
 * nor is composed, so it never reaches the host page; the parent listens on the panel itself.
 */
export type SccRetryEvent = Event;

export const SCC_RETRY = 'scc-retry';

export function createRetryEvent(): SccRetryEvent {
  return new Event(SCC_RETRY, { bubbles: false, composed: false });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-retry': SccRetryEvent;
  }
}
