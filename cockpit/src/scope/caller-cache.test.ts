import type { CallerSchema } from '@scc/contracts/session';
import type { Tenant } from '@scc/contracts/tenants';
import type { User } from '@scc/contracts/users';
import type { Database } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { type CockpitHarness, createCockpitHarness, TEST_HOST_ID } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';
import { createCallerCache } from './caller-cache.js';

/**
 * Resolved callers are kept between requests; a change of roles, users or units must still take
 * effect on the caller's next request, in the process that made it at once and in every other
 * process once the database announces it.
 */
let harness: CockpitHarness;
let casey: string;

beforeAll(async () => {
  harness = await createCockpitHarness();
  casey = await harness.tokenFor(personaByKey('customer-admin'));
});
afterAll(async () => {
  await harness?.close();
});

const finance = seededBusinessUnit('contoso/north/finance');
const south = seededBusinessUnit('contoso/south');

/** A new user at Finance holding `role` there, with a service token acting on Finance. */
async function userWithRole(email: string, role: string) {
  const created = await harness.send('POST', '/v1/users', casey, {
    email,
    displayName: email,
    businessUnitId: finance.id,
  });
  expect(created.status).toBe(201);
  const user = (await created.json()) as User;
  const assignment = await grant(user.id, role);
  const claims = {
    sub: user.id,
    businessUnitId: finance.id,
    homeBusinessUnitId: seededBusinessUnit('msp').id,
    hostId: TEST_HOST_ID,
  };
  return { user, assignment, claims, token: await harness.keys.sign(claims) };
}

async function grant(userId: string, role: string): Promise<{ id: string }> {
  const granted = await harness.send('POST', '/v1/role-assignments', casey, {
    userId,
    businessUnitId: finance.id,
    role,
  });
  expect(granted.status).toBe(201);
  return (await granted.json()) as { id: string };
}

const me = async (token: string, app = harness.app) =>
  app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });

describe('in the process that makes the change', () => {
  test('a removed role refuses the caller on its next request, with the same token', async () => {
    const { assignment, token } = await userWithRole('removed@contoso.example', 'viewer');
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect((await harness.send('DELETE', `/v1/role-assignments/${assignment.id}`, casey)).status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  test('a granted role applies on the next request', async () => {
    const { user, token } = await userWithRole('granted@contoso.example', 'viewer');
    const roles = async () => ((await (await me(token)).json()) as z.infer<typeof CallerSchema>).roles.toSorted();
    expect(await roles()).toEqual(['viewer']);
    await grant(user.id, 'admin');
    expect(await roles()).toEqual(['admin', 'viewer']);
  });

  test('after a move the next request reads the unit at its new place', async () => {
    const { token } = await userWithRole('moved@contoso.example', 'viewer');
    const tenantNames = async () => {
      const page = await harness.get('/v1/tenants', token);
      expect(page.status).toBe(200);
      return ((await page.json()) as { items: Tenant[] }).items.map((t) => t.name);
    };
    const before = await tenantNames();
    expect(before.length).toBeGreaterThan(0);
    expect(await tenantNames()).toEqual(before);
    const moved = await harness.send('POST', `/v1/business-units/${finance.id}/move`, casey, { newParentId: south.id });
    expect(moved.status).toBe(200);
    // A scope kept from before the move names the old path, under which nothing is left.
    expect(await tenantNames()).toEqual(before);
  });
});

describe('in another process', () => {
  /** The runtime connection, counting the statements the cache sends to resolve callers. */
  function countingDb() {
    const counted = { statements: 0 };
    const db = new Proxy(harness.db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return (query: Parameters<Database['execute']>[0]) => {
          counted.statements += 1;
          return target.execute(query);
        };
      },
    });
    return { db, counted };
  }

  test('the database’s announcement drops the kept caller: a removed role, then a move', async () => {
    const { db, counted } = countingDb();
    // A time limit far beyond the test: only the announcement can make the cache forget.
    const cache = createCallerCache(db, { listenOn: harness.database.handle.db, ttlMs: 3_600_000 });
    try {
      const { user, assignment, claims } = await userWithRole('elsewhere@contoso.example', 'viewer');
      await grant(user.id, 'operator');
      // Kept once the LISTEN is in place: a second lookup sends no statement.
      await expect
        .poll(async () => {
          await cache.resolve(claims);
          const before = counted.statements;
          await cache.resolve(claims);
          return counted.statements - before;
        })
        .toBe(0);
      expect((await cache.resolve(claims))?.roles.toSorted()).toEqual(['operator', 'viewer']);

      // Another process (here the owner connection) removes a role.
      await harness.database.handle.db.execute(sql`delete from role_assignments where id = ${assignment.id}::uuid`);
      await expect.poll(async () => (await cache.resolve(claims))?.roles).toEqual(['operator']);

      const oldScope = (await cache.resolve(claims))?.scopePath;
      const moved = await harness.send('POST', `/v1/business-units/${finance.id}/move`, casey, {
        newParentId: seededBusinessUnit('contoso/north').id,
      });
      expect(moved.status).toBe(200);
      await expect.poll(async () => (await cache.resolve(claims))?.scopePath).not.toBe(oldScope);
    } finally {
      await cache.close();
    }
  });
});
