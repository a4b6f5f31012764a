import { SccBusinessUnitAdmin } from './components/business-unit-admin/business-unit-admin.js';
import { SccBusinessUnitSearch } from './components/business-unit-search/business-unit-search.js';
import { SccBusinessUnitTree } from './components/business-unit-tree/business-unit-tree.js';
import { SccMoveDialog } from './components/move-dialog/move-dialog.js';
import { SccOrderTenant } from './components/order-tenant/order-tenant.js';
import { SccPendingRequests } from './components/pending-requests/pending-requests.js';
import { ServiceControlCenter } from './components/service-control-center/service-control-center.js';
import { SccStatePanel } from './components/state-panel/state-panel.js';
import { SccStatusBadge } from './components/status-badge/status-badge.js';
import { SccTenantList } from './components/tenant-list/tenant-list.js';
import { SccTerminateDialog } from './components/terminate-dialog/terminate-dialog.js';
import { SccUserAdmin } from './components/user-admin/user-admin.js';

/** Tag names and classes of every element of the widget; children first. */
export const elements = {
  'scc-status-badge': SccStatusBadge,
  'scc-state-panel': SccStatePanel,
  'scc-tenant-list': SccTenantList,
  'scc-business-unit-tree': SccBusinessUnitTree,
  'scc-business-unit-search': SccBusinessUnitSearch,
  'scc-user-admin': SccUserAdmin,
  'scc-move-dialog': SccMoveDialog,
  'scc-business-unit-admin': SccBusinessUnitAdmin,
  'scc-order-tenant': SccOrderTenant,
  'scc-terminate-dialog': SccTerminateDialog,
  'scc-pending-requests': SccPendingRequests,
  'service-control-center': ServiceControlCenter,
} as const;

/**
 * Registers all elements. Guarded, so loading the bundle twice (or next to another copy)
 * neither throws nor replaces an existing definition.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, ctor] of Object.entries(elements)) {
    registry.get(tag) || registry.define(tag, ctor);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'service-control-center': ServiceControlCenter;
    'scc-business-unit-tree': SccBusinessUnitTree;
    'scc-business-unit-search': SccBusinessUnitSearch;
    'scc-business-unit-admin': SccBusinessUnitAdmin;
    'scc-move-dialog': SccMoveDialog;
    'scc-user-admin': SccUserAdmin;
    'scc-tenant-list': SccTenantList;
    'scc-status-badge': SccStatusBadge;
    'scc-state-panel': SccStatePanel;
    'scc-order-tenant': SccOrderTenant;
    'scc-terminate-dialog': SccTerminateDialog;
    'scc-pending-requests': SccPendingRequests;
  }
}
