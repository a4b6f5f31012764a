import type { Tenant } from '../api/types.js';

/** Detail of `scc-tenant-restore`. */
export interface SccTenantRestoreDetail {
  tenant: Tenant;
}

/**
 * Fired by `<scc-tenant-list>` when the user asks to restore a retained tenant of a row. Internal: it
 * neither bubbles nor is composed; the parent listens on the list and submits the restore.
 */
export type SccTenantRestoreEvent = CustomEvent<SccTenantRestoreDetail>;

export const SCC_TENANT_RESTORE = 'scc-tenant-restore';

export function createTenantRestoreEvent(tenant: Tenant): SccTenantRestoreEvent {
  return new CustomEvent<SccTenantRestoreDetail>(SCC_TENANT_RESTORE, { detail: { tenant } });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenant-restore': SccTenantRestoreEvent;
  }
}
