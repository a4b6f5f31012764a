/**
 * The tenant operations (order, copy, termination, pending requests, and the notification region that
 * reports what they could not do): a chunk of its own, loaded by
 * `<service-control-center>` only for callers holding `operator`. Importing this module registers
 * the elements (guarded).
 */
import { SccCopyDialog } from '../components/copy-dialog/copy-dialog.js';
import { SccOrderTenant } from '../components/order-tenant/order-tenant.js';
import { isFinished, SccPendingRequests } from '../components/pending-requests/pending-requests.js';
import { restoreTenant } from '../components/tenants/restore-tenant.js';
import { SccTerminateDialog } from '../components/terminate-dialog/terminate-dialog.js';
import { SccToastRegion } from '../components/toast/toast-region.js';
import { register } from '../register.js';

export type { MessagesWithOperations, OperationMessages } from '../i18n/operation-messages.js';
export {
  deOperations,
  enOperations,
  operationMessagesFor,
  registerOperationLocale,
} from '../i18n/operation-messages.js';
export {
  isFinished,
  restoreTenant,
  SccCopyDialog,
  SccOrderTenant,
  SccPendingRequests,
  SccTerminateDialog,
  SccToastRegion,
};

export const operationElements = {
  'scc-order-tenant': SccOrderTenant,
  'scc-terminate-dialog': SccTerminateDialog,
  'scc-copy-dialog': SccCopyDialog,
  'scc-pending-requests': SccPendingRequests,
  'scc-toast-region': SccToastRegion,
} as const;

register(operationElements);
