import type { Context } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import { auditLimited } from './audit.js';
import type { RateLimitHit } from './middleware.js';

const host = { id: 'acme', homeBusinessUnitId: '00000000-0000-4000-8000-000000000001' };
const session = { userId: '00000000-0000-4000-8000-000000000002', businessUnitId: host.homeBusinessUnitId };

function hit(key: string, retryAfterSeconds = 60): RateLimitHit {
  return {
    policy: 'widget-per-user',
    key,
    clientAddress: '198.51.100.1',
    points: 600,
    seconds: 60,
    retryAfterSeconds,
    method: 'GET',
    path: '/v1/widget/tenants',
  };
}

/** The request context as the limiter hands it over: what the widget session check set. */
const context = (variables: Record<string, unknown>) =>
  ({ get: (name: string) => variables[name], var: {} }) as unknown as Context;

describe('rate-limit hits in the audit log', () => {
  const recorded: Parameters<Cockpit['recordSecurityEvent']>[] = [];
  const cockpit = {
    recordSecurityEvent: async (...call: Parameters<Cockpit['recordSecurityEvent']>) => {
      recorded.push(call);
      return true;
    },
  } as unknown as Cockpit;

  beforeEach(() => {
    recorded.length = 0;
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('records the first refusal of a budget per window, naming the host, unit and user', () => {
    const onLimited = auditLimited(cockpit);
    for (let i = 0; i < 5; i++) onLimited(hit(session.userId), context({ host, session }));
    expect(recorded).toEqual([
      [
        host,
        expect.objectContaining({
          action: 'rate-limit.exceeded',
          businessUnitId: session.businessUnitId,
          user: { id: session.userId },
          detail: expect.objectContaining({ policy: 'widget-per-user', clientAddress: '198.51.100.1' }),
        }),
      ],
    ]);
    onLimited(hit('another user'), context({ host, session }));
    expect(recorded).toHaveLength(2);
    vi.setSystemTime(Date.now() + 61_000);
    onLimited(hit(session.userId), context({ host, session }));
    expect(recorded).toHaveLength(3);
  });

  it('only logs a hit no host owns yet (failed authentications of an address)', () => {
    auditLimited(cockpit)(hit('198.51.100.1'), context({}));
    expect(recorded).toEqual([]);
  });
});
