import type { Database } from '@scc/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey } from '../../../test/support/seed-model.js';
import { createServiceKeys, unsignedToken, withTamperedPayload } from '../../../test/support/service-tokens.js';

/**
 * A flood of bad service tokens must cost the database nothing: each is refused before any
 * statement, so an attacker's request rate never becomes the database's.
 */
let harness: CockpitHarness;
let databaseTouches = 0;

/** The app's runtime connection, counting every way a query can start from it. */
function counting(db: Database): Database {
  const entryPoints = new Set([
    'execute',
    'select',
    'selectDistinct',
    'insert',
    'update',
    'delete',
    'transaction',
    '$client',
  ]);
  return new Proxy(db, {
    get(target, property, receiver) {
      if (typeof property === 'string' && entryPoints.has(property)) databaseTouches++;
      return Reflect.get(target, property, receiver);
    },
  });
}

beforeAll(async () => {
  harness = await createCockpitHarness({
    connect: async (database) => ({ ...database.handle, db: counting(database.handle.db), close: async () => {} }),
  });
});
afterAll(async () => {
  await harness?.close();
});

describe('invalid service tokens', () => {
  test('two hundred refusals run no statement; a valid token does (the count can move)', async () => {
    const valid = await harness.tokenFor(personaByKey('customer-admin'));
    const stranger = await createServiceKeys('stranger');
    const strangers = await stranger.sign({
      sub: '00000000-0000-4000-8000-000000000000',
      businessUnitId: '00000000-0000-4000-8000-000000000000',
      homeBusinessUnitId: '00000000-0000-4000-8000-000000000000',
      hostId: 'test-host',
    });
    const forged = [
      'garbage',
      `${valid}x`,
      strangers,
      unsignedToken({ sub: 'x', bu: 'y', root: 'z', host: 'h', exp: Math.floor(Date.now() / 1000) + 60 }),
      withTamperedPayload(valid, (payload) => {
        payload.bu = '00000000-0000-4000-8000-000000000000';
      }),
    ];
    databaseTouches = 0;
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await harness.app.request('/v1/tenants', {
          headers: { authorization: `Bearer ${forged[i % forged.length]}` },
        });
        await res.body?.cancel();
        return res.status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(databaseTouches).toBe(0);

    const res = await harness.app.request('/v1/tenants', { headers: { authorization: `Bearer ${valid}` } });
    expect(res.status).toBe(200);
    expect(databaseTouches).toBeGreaterThan(0);
  });
});
