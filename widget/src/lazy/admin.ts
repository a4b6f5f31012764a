/**
 * The hierarchy admin screens: a chunk of its own, loaded by `<service-control-center>` only for
 * callers holding `admin`. Importing this module registers the elements (guarded).
 */
import { SccBusinessUnitAdmin } from '../components/business-unit-admin/business-unit-admin.js';
import { SccMoveDialog } from '../components/move-dialog/move-dialog.js';
import { SccUserAdmin } from '../components/user-admin/user-admin.js';
import { register } from '../register.js';

export type { AdminMessages, MessagesWithAdmin } from '../i18n/admin-messages.js';
export { adminMessagesFor, deAdmin, enAdmin, registerAdminLocale } from '../i18n/admin-messages.js';
export { SccBusinessUnitAdmin, SccMoveDialog, SccUserAdmin };

/** Children first. */
export const adminElements = {
  'scc-user-admin': SccUserAdmin,
  'scc-move-dialog': SccMoveDialog,
  'scc-business-unit-admin': SccBusinessUnitAdmin,
} as const;

register(adminElements);
