import type { Tenant } from '../api/types.js';

/** Detail of `scc-tenant-terminate`. */
export interface SccTenantTerminateDetail {
  tenant: Tenant;
}

/**
 * Fired by `<scc-tenant-list>` when the user asks to terminate a tenant of a row. Internal: it
 * neither bubbles nor is composed; the parent listens on the list and opens the dialog.
 */
export type SccTenantTerminateEvent = CustomEvent<SccTenantTerminateDetail>;

export const SCC_TENANT_TERMINATE = 'scc-tenant-terminate';

export function createTenantTerminateEvent(tenant: Tenant): SccTenantTerminateEvent {
  return new CustomEvent<SccTenantTerminateDetail>(SCC_TENANT_TERMINATE, { detail: { tenant } });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenant-terminate': SccTenantTerminateEvent;
  }
}
