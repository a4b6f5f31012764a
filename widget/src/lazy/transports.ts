/**
 * Transports and solution profile versions: the transport dialog (source, target, preview, conflicts)
 * and a tenant's profile versions with rollback. A chunk of its own, loaded the first time a tenant
 * row's "Transport configuration…" or "Solution profile versions" is chosen. Importing this module
 * registers the elements (guarded).
 */
import type { Tenant } from '../api/types.js';
import { SccProfileVersions } from '../components/profile-versions/profile-versions.js';
import { SccTransportDialog } from '../components/transport-dialog/transport-dialog.js';
import { register } from '../register.js';
// Rows offer transports only with the operations loaded: sharing their chunk (submitting, the
// dry run) keeps an operator's first load at the chunks it had.
import './operations.js';

export type { TransportMessages } from '../i18n/transport-messages.js';
export { deTransports, enTransports, transportMessagesFor } from '../i18n/transport-messages.js';
export { SccProfileVersions, SccTransportDialog };

export const transportElements = {
  'scc-transport-dialog': SccTransportDialog,
  'scc-profile-versions': SccProfileVersions,
} as const;

register(transportElements);

/**
 * Opens the transport dialog (`transport`, `tenant` the first source) or `tenant`'s profile versions
 * in `host`'s shadow root, created there once after the host's own template: its events bubble to
 * the host's listeners like those of the dialogs the host renders itself, and the host's `dialog`
 * part reaches it. A row offers these only beside the copy dialog, whose client and locale it takes.
 */
export function openTransports(
  host: { renderRoot: ParentNode & Node },
  action: 'transport' | 'profile-versions',
  tenant: Tenant,
): Promise<void> {
  const tag = action === 'transport' ? 'scc-transport-dialog' : 'scc-profile-versions';
  const sibling = host.renderRoot.querySelector('scc-copy-dialog');
  let dialog = host.renderRoot.querySelector(tag);
  if (!dialog) {
    dialog = document.createElement(tag);
    dialog.setAttribute('exportparts', 'dialog');
    host.renderRoot.appendChild(dialog);
  }
  dialog.client = sibling?.client;
  dialog.locale = sibling?.locale;
  return dialog.show(tenant);
}

declare global {
  interface HTMLElementTagNameMap {
    'scc-transport-dialog': SccTransportDialog;
    'scc-profile-versions': SccProfileVersions;
  }
}
