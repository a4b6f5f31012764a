import type { Context } from 'hono';
import { type CockpitClient, type CockpitConnection, cockpitFor } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';

/** The typed cockpit client acting for the widget session of this request. */
export function cockpitForWidget(cockpit: CockpitConnection, c: Context<WidgetEnv>): CockpitClient {
  const session = c.get('session');
  const host = c.get('host');
  return cockpitFor(cockpit, {
    sub: session.userId,
    businessUnitId: session.businessUnitId,
    homeBusinessUnitId: host.homeBusinessUnitId,
    hostId: host.id,
  });
}

/** Reads a successful cockpit answer as the type the cockpit's own schema declares. */
export const asJson =
  <T>() =>
  async (res: Response): Promise<T> =>
    (await res.json()) as T;
