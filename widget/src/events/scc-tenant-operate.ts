import type { Tenant } from '../api/types.js';

/** Detail of `scc-tenant-operate`. */
export interface SccTenantOperateDetail {
  tenant: Tenant;
  /**
   * `copy-into`: copy another tenant's parts into this one; `order-from`: order a new tenant from it;
   * `transport`: transport configuration from it (or into it); `profile-versions`: its profile's versions.
   */
  action: 'copy-into' | 'order-from' | 'transport' | 'profile-versions';
}

/**
 * Fired by `<scc-tenant-list>` when the user asks to copy into or order from the tenant of a row.
 * Internal: it neither bubbles nor is composed; the parent listens on the list and opens the form.
 */
export type SccTenantOperateEvent = CustomEvent<SccTenantOperateDetail>;

export const SCC_TENANT_OPERATE = 'scc-tenant-operate';

export function createTenantOperateEvent(detail: SccTenantOperateDetail): SccTenantOperateEvent {
  return new CustomEvent<SccTenantOperateDetail>(SCC_TENANT_OPERATE, { detail });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scc-tenant-operate': SccTenantOperateEvent;
  }
}
