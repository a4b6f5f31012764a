import type { TenantSort } from '../api/types.js';

/** Detail of `scc-tenant-sort`. */
export interface SccTenantSortDetail {
  sort: TenantSort;
  order: 'asc' | 'desc';
}

/**
 * Fired by `<scc-tenant-list>` when the user activates a column header. Internal: it neither
 * bubbles nor is composed; `<scc-tenants>` asks the server for the page in that order.
 */
export type SccTenantSortEvent = CustomEvent<SccTenantSortDetail>;

export const SCC_TENANT_SORT = 'scc-tenant-sort';

export function createTenantSortEvent(detail: SccTenantSortDetail): SccTenantSortEvent {
  return new CustomEvent<SccTenantSortDetail>(SCC_TENANT_SORT, { detail });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenant-sort': SccTenantSortEvent;
  }
}
