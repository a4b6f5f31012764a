/** Detail of `scc-error`. `status` is the HTTP status, or 0 for a network failure. */
export interface SccErrorDetail {
  status: number;
  title: string;
}

/**
 * Fired by `<service-control-center>` when loading fails (after the one token-refresh retry on
 * 401). Bubbles and is composed.
 */
export type SccErrorEvent = CustomEvent<SccErrorDetail>;

export const SCC_ERROR = 'scc-error';

export function createErrorEvent(detail: SccErrorDetail): SccErrorEvent {
  return new CustomEvent<SccErrorDetail>(SCC_ERROR, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-error': SccErrorEvent;
  }
}
