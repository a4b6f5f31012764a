import { createDatabase, executeRows } from '@scc/db';
import { personaByKey, seededBusinessUnit } from '@scc/db/seed';
import { CSRF_HEADER } from '@scc/demo-host';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStack } from '../../test/support/demo-browser.js';
import type { RunningStack } from './stack.js';

/**
 * The launcher's wiring over real HTTP: the demo host it starts is registered at the BFF it
 * starts, under the key it handed the host, so a token the host mints opens the widget API as
 * the signed-in persona in that persona's business unit.
 */
let running: Awaited<ReturnType<typeof startTestStack>>;
let stack: RunningStack;

beforeAll(async () => {
  running = await startTestStack();
  stack = running.stack;
}, 60_000);

afterAll(async () => {
  await running?.close();
});

describe('the stack', () => {
  test('every server answers on its URL', async () => {
    expect((await fetch(`${stack.urls.demoHost}/health`)).status).toBe(200);
    expect((await fetch(`${stack.urls.bff}/readyz`)).status).toBe(200);
    expect((await fetch(`${stack.urls.cockpit}/readyz`)).status).toBe(200);
    expect(await (await fetch(stack.urls.webhookReceiver)).json()).toEqual({ received: [] });
  });

  test('a widget token minted by the demo host opens the widget API as the signed-in persona', async () => {
    const casey = personaByKey('customer-admin');
    const origin = stack.urls.demoHost;
    const signIn = await fetch(`${origin}/sign-in`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: casey.key }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';

    const embed = await fetch(`${origin}/api/embed-session`, {
      method: 'POST',
      headers: { origin, cookie, [CSRF_HEADER]: 'fetch' },
    });
    expect(embed.status).toBe(200);
    const { token } = (await embed.json()) as { token: string };

    const session = await fetch(`${stack.urls.bff}/v1/widget/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(200);
    const view = (await session.json()) as { user: { email: string }; businessUnit: { id: string } };
    expect(view.user.email).toBe(casey.email);
    expect(view.businessUnit.id).toBe(seededBusinessUnit(casey.businessUnit).id);
  });

  test.skipIf(!process.env.DATABASE_URL)(
    'on a server the cockpit serves on the restricted login the stack created from the owner',
    async () => {
      const server = running.server ?? expect.unreachable();
      // A request through the cockpit, so its runtime pool has a session open.
      expect((await fetch(`${stack.urls.cockpit}/readyz`)).status).toBe(200);
      const owner = await createDatabase({ url: server.databaseUrl, maxConnections: 1 });
      try {
        const sessions = await executeRows<{ usename: string; rolsuper: boolean; rolbypassrls: boolean }>(
          owner.db,
          sql`select distinct a.usename, r.rolsuper, r.rolbypassrls from pg_stat_activity a join pg_roles r on r.rolname = a.usename
             where a.datname = current_database() and a.usename = ${server.cockpitLogin}`,
        );
        expect(sessions).toEqual([{ usename: server.cockpitLogin, rolsuper: false, rolbypassrls: false }]);
      } finally {
        await owner.close();
      }
    },
  );

  test('signing out of the demo host ends its widget sessions at the BFF, and the old cookie is refused', async () => {
    const casey = personaByKey('customer-admin');
    const origin = stack.urls.demoHost;
    const signIn = await fetch(`${origin}/sign-in`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: casey.key }),
      redirect: 'manual',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
    const mint = () =>
      fetch(`${origin}/api/embed-session`, { method: 'POST', headers: { origin, cookie, [CSRF_HEADER]: 'fetch' } });
    const { token } = (await (await mint()).json()) as { token: string };
    const widget = () =>
      fetch(`${stack.urls.bff}/v1/widget/session`, { headers: { authorization: `Bearer ${token}` } });
    expect((await widget()).status).toBe(200);

    const signOut = await fetch(`${origin}/sign-out`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(signOut.status).toBe(303);
    const refused = await widget();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await mint()).status).toBe(401);
    expect((await fetch(`${origin}/app`, { headers: { cookie }, redirect: 'manual' })).status).toBe(302);
  });
});
