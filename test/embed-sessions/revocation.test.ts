import { auditEvents, embedSessions } from '@scc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectCockpit } from '../../bff/src/cockpit/cockpit-client.js';
import { RevocationFeed } from '../../bff/src/embed-sessions/revocation-feed.js';
import { ENDED_SESSION_KEPT_MS, forgetEndedSessions } from '../../cockpit/src/embed-sessions/sweep.js';
import {
  type BffHarness,
  createBffHarness,
  embedSessionInit,
  expectProblem,
  type TestHost,
} from '../support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../support/seed-model.js';

const casey = personaByKey('customer-admin');
const elliot = personaByKey('customer-one-admin');
const contoso = seededBusinessUnit('contoso');
const customerOne = seededBusinessUnit('customer-one');

let h: BffHarness;
beforeAll(async () => {
  h = await createBffHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Opened {
  token: string;
  sessionId: string;
}

async function open(host: TestHost, email: string, businessUnitId: string, app = h.app): Promise<Opened> {
  const res = await app.request(
    '/v1/embed-sessions',
    embedSessionInit(host.apiKey, { user: { email }, businessUnitId }),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Opened;
}

const widget = (token: string, app = h.app) =>
  app.request('/v1/widget/session', { headers: { authorization: `Bearer ${token}` } });

const revokeSession = (host: TestHost, sessionId: string, app = h.app) =>
  app.request(`/v1/embed-sessions/${sessionId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${host.apiKey}` },
  });

const revokeUser = (host: TestHost, userId: string, app = h.app) =>
  app.request('/v1/embed-sessions/revoke', embedSessionInit(host.apiKey, { userId, reason: 'signed out' }));

/** A second BFF process on the same cockpit: its own verified-token cache and revocation feed, counting its cockpit calls. */
function otherProcess() {
  const cockpitCalls: string[] = [];
  const cockpit = {
    ...h.cockpit,
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      cockpitCalls.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return h.cockpitApp.request(input, init);
    },
  };
  const feed = new RevocationFeed(connectCockpit(cockpit), () => h.registry.all());
  feed.start();
  const app = h.createApp({ cockpit, revocations: feed });
  return { app, feed, cockpitCalls };
}

describe('revoking an embed session', () => {
  it('refuses its token from the very next request, although the verification is cached', async () => {
    const session = await open(h.mspHost, casey.email, contoso.id);
    expect((await widget(session.token)).status).toBe(200);
    expect((await widget(session.token)).status).toBe(200);

    expect((await revokeSession(h.mspHost, session.sessionId)).status).toBe(204);
    const refused = await expectProblem(await widget(session.token), 401);
    expect(refused.detail).toBe('The embed session has ended.');
    // Again: a revoked session stays revoked, and a second DELETE changes nothing.
    expect((await revokeSession(h.mspHost, session.sessionId)).status).toBe(204);
    await expectProblem(await widget(session.token), 401);
  });

  it('is refused at once by another BFF process that has not heard of it yet, and then by that process itself', async () => {
    const other = otherProcess();
    const session = await open(h.mspHost, casey.email, contoso.id);
    expect((await widget(session.token, other.app)).status).toBe(200);
    await vi.waitUntil(() => other.feed.live, { timeout: 10_000 });

    expect((await revokeSession(h.mspHost, session.sessionId)).status).toBe(204);
    // Whether or not its feed delivered already, the cockpit refuses the session in the request's own transaction.
    await expectProblem(await widget(session.token, other.app), 401);
    await vi.waitUntil(() => other.feed.isRevoked(session.sessionId), { timeout: 10_000 });
    other.cockpitCalls.length = 0;
    await expectProblem(await widget(session.token, other.app), 401);
    expect(other.cockpitCalls).toEqual([]);
    other.feed.close();
  });

  it('a process whose feed connects later reads the sessions revoked before', async () => {
    const session = await open(h.mspHost, casey.email, contoso.id);
    expect((await revokeSession(h.mspHost, session.sessionId)).status).toBe(204);
    const late = otherProcess();
    await vi.waitUntil(() => late.feed.live, { timeout: 10_000 });
    expect(late.feed.isRevoked(session.sessionId)).toBe(true);
    late.feed.close();
  });

  it('leaves the user’s other sessions, and renewing the widget token, working', async () => {
    const first = await open(h.mspHost, casey.email, contoso.id);
    const second = await open(h.mspHost, casey.email, contoso.id);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await revokeSession(h.mspHost, first.sessionId)).status).toBe(204);
    expect((await widget(second.token)).status).toBe(200);
    const renewed = await open(h.mspHost, casey.email, contoso.id);
    expect((await widget(renewed.token)).status).toBe(200);
  });

  it('by user ends every live session of that user at this host, and no one else’s', async () => {
    const one = await open(h.mspHost, elliot.email, customerOne.id);
    const two = await open(h.mspHost, elliot.email, customerOne.id);
    const bystander = await open(h.mspHost, casey.email, contoso.id);
    const res = await revokeUser(h.mspHost, seedId('user', elliot.key));
    expect(res.status).toBe(200);
    const { revoked } = (await res.json()) as { revoked: { id: string }[] };
    expect(revoked.map((r) => r.id).sort()).toEqual([one.sessionId, two.sessionId].sort());
    await expectProblem(await widget(one.token), 401);
    await expectProblem(await widget(two.token), 401);
    expect((await widget(bystander.token)).status).toBe(200);
    // Nothing left to end: an empty list, not an error.
    const again = (await (await revokeUser(h.mspHost, seedId('user', elliot.key))).json()) as { revoked: unknown[] };
    expect(again.revoked).toEqual([]);
  });

  it('cannot reach another host’s sessions or users: 404, and the session lives on', async () => {
    const elliots = await open(h.mspHost, elliot.email, customerOne.id);
    await expectProblem(await revokeSession(h.resellerHost, elliots.sessionId), 404);
    await expectProblem(await revokeUser(h.resellerHost, seedId('user', elliot.key)), 404);
    // A session of another host in the same subtree is not this host's either.
    const caseys = await open(h.mspHost, casey.email, contoso.id);
    await expectProblem(await revokeSession(h.resellerHost, caseys.sessionId), 404);
    await expectProblem(await revokeSession(h.mspHost, '3f0a5c9e-1b2d-4c3e-8f4a-5b6c7d8e9f00'), 404);
    expect((await widget(elliots.token)).status).toBe(200);
    expect((await widget(caseys.token)).status).toBe(200);
  });

  it('refuses bad ids, bodies and missing keys with problem+json naming the field', async () => {
    const bad = await expectProblem(await revokeSession(h.mspHost, 'not-a-uuid'), 400);
    expect(bad.errors?.map((e) => e.field)).toEqual(['path.id']);
    const body = await expectProblem(
      await h.app.request('/v1/embed-sessions/revoke', embedSessionInit(h.mspHost.apiKey, { userId: 'x' })),
      400,
    );
    expect(body.errors?.map((e) => e.field)).toEqual(['body.userId']);
    await expectProblem(await h.app.request('/v1/embed-sessions/x', { method: 'DELETE' }), 401);
  });

  it('closes the session’s live event stream, in this process and in another', async () => {
    const other = otherProcess();
    for (const app of [h.app, other.app]) {
      const session = await open(h.mspHost, casey.email, contoso.id);
      const stream = await app.request('/v1/widget/events', { headers: { authorization: `Bearer ${session.token}` } });
      expect(stream.status).toBe(200);
      const reader = stream.body?.getReader();
      if (!reader) throw new Error('no stream');
      await reader.read();
      if (app === other.app) await vi.waitUntil(() => other.feed.live, { timeout: 10_000 });
      expect((await revokeSession(h.mspHost, session.sessionId)).status).toBe(204);
      // Read until the stream ends: heartbeats aside, nothing more arrives, and it does end.
      for (let part = await reader.read(); !part.done; part = await reader.read());
    }
    other.feed.close();
  });
});

describe('security events in the audit log', () => {
  it('records a session issued and revoked, with the host as the one who revoked it', async () => {
    const session = await open(h.mspHost, casey.email, contoso.id);
    await revokeSession(h.mspHost, session.sessionId);
    const rows = await h.database.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, session.sessionId))
      .orderBy(auditEvents.occurredAt);
    expect(rows.map((r) => [r.action, r.actorEmail, r.businessUnitId])).toEqual([
      ['embed-session.issued', casey.email, contoso.id],
      ['embed-session.revoked', `host:${h.mspHost.entry.id}`, contoso.id],
    ]);
    const [stored] = await h.database.handle.db
      .select()
      .from(embedSessions)
      .where(eq(embedSessions.id, session.sessionId));
    expect(stored?.revokedBy).toBe(`host:${h.mspHost.entry.id}`);
    expect(stored?.userId).toBe(seedId('user', casey.key));
  });

  it('records a refused session at the host’s home unit, readable by its admins', async () => {
    const email = `nobody-${Date.now()}@contoso.example`;
    const res = await h.app.request(
      '/v1/embed-sessions',
      embedSessionInit(h.resellerHost.apiKey, { user: { email }, businessUnitId: contoso.id }),
    );
    await expectProblem(res, 404);
    const admin = await open(
      h.resellerHost,
      personaByKey('reseller-admin').email,
      seededBusinessUnit('reseller-one').id,
    );
    const page = await h.app.request('/v1/widget/audit-events?action=embed-session.refused', {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(page.status, await page.clone().text()).toBe(200);
    const { items } = (await page.json()) as { items: { after: Record<string, unknown>; businessUnitId: string }[] };
    const mine = items.filter((i) => i.after.email === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.businessUnitId).toBe(contoso.id);
    expect(mine[0]?.after.hostId).toBe(h.resellerHost.entry.id);
  });

  it('lets a service record an event through the cockpit client, and refuses a bad one without writing', async () => {
    const cockpit = connectCockpit(h.cockpit);
    const host = h.mspHost.entry;
    await expect(
      cockpit.recordSecurityEvent(host, {
        action: 'rate-limit.exceeded',
        businessUnitId: customerOne.id,
        detail: { route: 'POST /v1/embed-sessions', limit: 10 },
      }),
    ).resolves.toBe(true);
    const before = await h.database.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'rate-limit.exceeded'));
    expect(before.at(-1)?.after).toMatchObject({ route: 'POST /v1/embed-sessions', limit: 10, hostId: host.id });
    expect(before.at(-1)?.businessUnitId).toBe(customerOne.id);
    await expect(
      cockpit.recordSecurityEvent(host, { action: 'nonsense' as never, detail: { route: 'x' } }),
    ).resolves.toBe(false);
    const after = await h.database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'nonsense'));
    expect(after).toEqual([]);
  });
});

describe('the sweep of ended sessions', () => {
  it('deletes a session a day after its token expired, and keeps every younger one', async () => {
    const ended = await open(h.mspHost, casey.email, contoso.id);
    const live = await open(h.mspHost, casey.email, contoso.id);
    const db = h.database.handle.db;
    const stored = async () =>
      (await db.select({ id: embedSessions.id }).from(embedSessions))
        .map((r) => r.id)
        .filter((id) => [ended.sessionId, live.sessionId].includes(id));
    const expiredAt = new Date(Date.now() - 60_000);
    await db.update(embedSessions).set({ expiresAt: expiredAt }).where(eq(embedSessions.id, ended.sessionId));
    await db
      .update(embedSessions)
      .set({ expiresAt: new Date(expiredAt.getTime() + 10 * 60_000) })
      .where(eq(embedSessions.id, live.sessionId));
    // Just inside the day after its expiry the ended session stays; a moment later it goes.
    const at = (ms: number) => ({ now: () => new Date(expiredAt.getTime() + ms) });
    await forgetEndedSessions(db, at(ENDED_SESSION_KEPT_MS - 1000));
    expect(await stored()).toHaveLength(2);
    await forgetEndedSessions(db, at(ENDED_SESSION_KEPT_MS + 1000));
    expect(await stored()).toEqual([live.sessionId]);
  });
});
