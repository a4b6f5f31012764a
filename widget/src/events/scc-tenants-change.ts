/**
 * Fired by `<scc-tenants>` when the tenants it shows changed (a page loaded, a live update).
 * Internal: it neither bubbles nor is composed; `<service-control-center>` hands the tenants to the
 * order form and the pending requests, which name tenants by them.
 */
export type SccTenantsChangeEvent = CustomEvent<undefined>;

export const SCC_TENANTS_CHANGE = 'scc-tenants-change';

export function createTenantsChangeEvent(): SccTenantsChangeEvent {
  return new CustomEvent<undefined>(SCC_TENANTS_CHANGE);
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenants-change': SccTenantsChangeEvent;
  }
}
