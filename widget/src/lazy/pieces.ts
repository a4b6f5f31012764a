/**
 * The composable pieces a host places on its own page next to `<scc-tenants>` (which the entry
 * holds, as the whole control center shows it): `<scc-session>`, `<scc-hierarchy>`,
 * `<scc-order-form>` and `<scc-pending-requests-panel>`. A chunk of its own, so pages with the whole
 * control center do not load it; `loadPieces()` from the entry (or importing this module)
 * registers them (guarded), with the operations they wrap.
 */
import { SccHierarchy } from '../components/hierarchy/hierarchy.js';
import { SccOrderForm } from '../components/order-form/order-form.js';
import { SccPendingRequestsPanel } from '../components/pending-requests-panel/pending-requests-panel.js';
import { SccSession } from '../components/session/session.js';
import { register } from '../register.js';
import './operations.js';
import './tree.js';
// The pieces resolve their locale from <scc-session> as they render: German comes with them.
import '../i18n/de.js';

export { SccHierarchy, SccOrderForm, SccPendingRequestsPanel, SccSession };

export const pieceElements = {
  'scc-session': SccSession,
  'scc-hierarchy': SccHierarchy,
  'scc-order-form': SccOrderForm,
  'scc-pending-requests-panel': SccPendingRequestsPanel,
} as const;

register(pieceElements);

declare global {
  interface HTMLElementTagNameMap {
    'scc-session': SccSession;
    'scc-hierarchy': SccHierarchy;
    'scc-order-form': SccOrderForm;
    'scc-pending-requests-panel': SccPendingRequestsPanel;
  }
}
