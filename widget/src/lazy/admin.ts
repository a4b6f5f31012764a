/**
 * The hierarchy admin screens and the audit log: a chunk of its own, loaded by `<service-control-center>` only for
 * callers holding `admin`. Importing this module registers the elements (guarded).
 */
import { SccAuditLog } from '../components/audit-log/audit-log.js';
import { SccBrandEditor } from '../components/brand-editor/brand-editor.js';
import { SccBrandMark } from '../components/brand-mark/brand-mark.js';
import { SccBusinessUnitAdmin } from '../components/business-unit-admin/business-unit-admin.js';
import { SccMoveDialog } from '../components/move-dialog/move-dialog.js';
import { SccUserAdmin } from '../components/user-admin/user-admin.js';
import { register } from '../register.js';
// The move dialog picks the new parent with the business-unit search.
import './tree.js';

export type { AdminMessages, MessagesWithAdmin } from '../i18n/admin-messages.js';
export { adminMessagesFor, deAdmin, enAdmin, registerAdminLocale } from '../i18n/admin-messages.js';
export type { AuditMessages } from '../i18n/audit-messages.js';
export { auditMessagesFor, deAudit, enAudit, registerAuditLocale } from '../i18n/audit-messages.js';
export type { BrandMessages } from '../i18n/brand-messages.js';
export { brandMessagesFor, deBrand, enBrand, registerBrandLocale } from '../i18n/brand-messages.js';
export { SccAuditLog, SccBrandEditor, SccBusinessUnitAdmin, SccMoveDialog, SccUserAdmin };

/** Children first. */
export const adminElements = {
  // The editor previews the draft with the mark; guarded, so the entry may register it first.
  'scc-brand-mark': SccBrandMark,
  'scc-brand-editor': SccBrandEditor,
  'scc-user-admin': SccUserAdmin,
  'scc-move-dialog': SccMoveDialog,
  'scc-business-unit-admin': SccBusinessUnitAdmin,
  'scc-audit-log': SccAuditLog,
} as const;

register(adminElements);
