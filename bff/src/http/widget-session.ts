import { ProblemError } from '@scc/contracts/problem';
import { createMiddleware } from 'hono/factory';
import type { SessionRevocations } from '../embed-sessions/session-revocations.js';
import type { VerifiedWidgetSession, WidgetTokenIssuer } from '../embed-sessions/widget-token.js';
import type { HostApplication, HostRegistry } from '../hosts/host-registry.js';

export type WidgetEnv = { Variables: { session: VerifiedWidgetSession; host: HostApplication } };

/**
 * The widget's credential is the embed-session token in the Authorization header, never a
 * cookie, so other sites cannot ride on it. A browser call must also come from an origin the
 * token's host registered. A revoked embed session is refused here when this process heard of
 * it, and by the cockpit in any case.
 */
export function requireWidgetSession(tokens: WidgetTokenIssuer, hosts: HostRegistry, revocations: SessionRevocations) {
  return createMiddleware<WidgetEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const session = token ? await tokens.verify(token).catch(() => undefined) : undefined;
    const host = session ? hosts.get(session.hostId) : undefined;
    if (!session || !host) throw ProblemError.of('unauthorized');
    if (await revocations.isRevoked(session.sessionId)) {
      throw ProblemError.of('unauthorized', 'The embed session has ended.');
    }
    const origin = c.req.header('origin');
    if (origin && !hosts.allows(host, origin)) throw ProblemError.of('forbidden');
    c.set('session', session);
    c.set('host', host);
    await next();
  });
}
