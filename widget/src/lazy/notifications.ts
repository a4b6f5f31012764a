/**
 * The notification list: a chunk of its own, loaded once the widget is ready (its bell is not
 * needed for the first row). Importing this module registers `<scc-notifications>` (guarded).
 */
import { SccNotifications } from '../components/notifications/notifications.js';
import { register } from '../register.js';

export { SccNotifications };

register({ 'scc-notifications': SccNotifications });

declare global {
  interface HTMLElementTagNameMap {
    'scc-notifications': SccNotifications;
  }
}
