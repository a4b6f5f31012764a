import type { Tenant } from '../api/types.js';

/** Detail of `scc-tenant-select`. */
export interface SccTenantSelectDetail {
  tenant: Tenant;
}

/**
 * Fired by `<scc-tenant-list>` when the user selects a row. Internal: it neither bubbles nor is
 * composed; `<scc-tenants>` keeps the selection and announces it as `scc-navigate`.
 */
export type SccTenantSelectEvent = CustomEvent<SccTenantSelectDetail>;

export const SCC_TENANT_SELECT = 'scc-tenant-select';

export function createTenantSelectEvent(tenant: Tenant): SccTenantSelectEvent {
  return new CustomEvent<SccTenantSelectDetail>(SCC_TENANT_SELECT, { detail: { tenant } });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenant-select': SccTenantSelectEvent;
  }
}
