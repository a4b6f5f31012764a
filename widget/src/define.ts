import { SccBrandMark } from './components/brand-mark/brand-mark.js';
import type { SccBusinessUnitAdmin } from './components/business-unit-admin/business-unit-admin.js';
import type { SccBusinessUnitSearch } from './components/business-unit-search/business-unit-search.js';
import type { SccBusinessUnitTree } from './components/business-unit-tree/business-unit-tree.js';
import type { SccCopyDialog } from './components/copy-dialog/copy-dialog.js';
import type { SccMoveDialog } from './components/move-dialog/move-dialog.js';
import type { SccOrderTenant } from './components/order-tenant/order-tenant.js';
import type { SccPendingRequests } from './components/pending-requests/pending-requests.js';
import { ServiceControlCenter } from './components/service-control-center/service-control-center.js';
import { SccStatePanel } from './components/state-panel/state-panel.js';
import { SccStatusBadge } from './components/status-badge/status-badge.js';
import type { SccStepUpDialog } from './components/step-up-dialog/step-up-dialog.js';
import { SccTenantList } from './components/tenant-list/tenant-list.js';
import { SccTenants } from './components/tenants/tenants.js';
import type { SccTerminateDialog } from './components/terminate-dialog/terminate-dialog.js';
import type { SccTotpPolicy } from './components/totp-policy/totp-policy.js';
import type { SccUserAdmin } from './components/user-admin/user-admin.js';
import { register } from './register.js';

/**
 * Tag names and classes of the elements every caller needs; children first. The business-unit tree
 * and search, the admin screens, the tenant operations and the composable pieces come with their own
 * chunks (`lazy/tree.ts`, `lazy/admin.ts`, `lazy/operations.ts`, `lazy/pieces.ts`).
 */
export const elements = {
  'scc-brand-mark': SccBrandMark,
  'scc-status-badge': SccStatusBadge,
  'scc-state-panel': SccStatePanel,
  'scc-tenant-list': SccTenantList,
  'scc-tenants': SccTenants,
  'service-control-center': ServiceControlCenter,
} as const;

/** Registers the elements of the entry module (see `elements`). */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  register(elements, registry);
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
    'scc-tenants': SccTenants;
    'scc-status-badge': SccStatusBadge;
    'scc-state-panel': SccStatePanel;
    'scc-order-tenant': SccOrderTenant;
    'scc-terminate-dialog': SccTerminateDialog;
    'scc-copy-dialog': SccCopyDialog;
    'scc-pending-requests': SccPendingRequests;
    'scc-step-up-dialog': SccStepUpDialog;
    'scc-totp-policy': SccTotpPolicy;
  }
}
