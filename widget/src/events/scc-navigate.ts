/** Detail of `scc-navigate`: where the user is now. */
export interface SccNavigateDetail {
  /** The screen that changed: the tree selection or the tenant selection. */
  view: 'business-unit' | 'tenant';
  /** The selected business unit. */
  businessUnitId: string | undefined;
  /** The selected tenant (view `tenant`), if any. */
  tenantId?: string | undefined;
}

/**
 * The selection changed: another business unit or another tenant. Hosts use it to keep their URL
 * in step. Bubbles and is composed.
 */
export type SccNavigateEvent = CustomEvent<SccNavigateDetail>;

export const SCC_NAVIGATE = 'scc-navigate';

export function createNavigateEvent(detail: SccNavigateDetail): SccNavigateEvent {
  return new CustomEvent<SccNavigateDetail>(SCC_NAVIGATE, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-navigate': SccNavigateEvent;
  }
}
