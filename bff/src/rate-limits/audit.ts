import { BoundedCache } from '../bounded-cache.js';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { VerifiedWidgetSession } from '../embed-sessions/widget-token.js';
import type { HostApplication } from '../hosts/host-registry.js';
import { logLimited, type OnLimited } from './middleware.js';

/**
 * Rate-limit hits as security events (`rate-limit.exceeded`) in the audit log of the host whose
 * key or user spent the budget, besides the log line. Only the first refusal of a budget per
 * window is written, so a flood costs one audit row a window rather than one per request. A hit
 * before any host is known (failed authentications of an address) is only logged: no subtree's
 * admins own it.
 */
export function auditLimited(cockpit: Cockpit, windows = new BoundedCache<string, number>(10_000)): OnLimited {
  return (hit, c) => {
    logLimited(hit, c);
    const host = c.get('host') as HostApplication | undefined;
    if (!host) return;
    const budget = `${host.id} ${hit.policy} ${hit.key}`;
    const now = Date.now();
    if ((windows.get(budget) ?? 0) > now) return;
    windows.set(budget, now + hit.retryAfterSeconds * 1000);
    const session = c.get('session') as VerifiedWidgetSession | undefined;
    void cockpit.recordSecurityEvent(host, {
      action: 'rate-limit.exceeded',
      ...(session ? { businessUnitId: session.businessUnitId, user: { id: session.userId } } : {}),
      detail: {
        policy: hit.policy,
        points: hit.points,
        seconds: hit.seconds,
        clientAddress: hit.clientAddress,
        method: hit.method,
        path: hit.path.slice(0, 500),
      },
    });
  };
}
