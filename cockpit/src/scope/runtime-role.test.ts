import type { Tenant } from '@scc/contracts/tenants';
import { createDatabase, executeRows } from '@scc/db';
import { createTestLoginRole, dropTestRoles, type TestLoginRole, testRolePrefix } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, TEST_HOST_ID, walkPages } from '../../../test/support/cockpit.js';
import {
  personaByKey,
  personas,
  personaUserId,
  seededBusinessUnit,
  seedId,
  tenantsUnder,
} from '../../../test/support/seed-model.js';
import { createCockpitApp } from '../app.js';
import { resolveCaller } from './resolve-caller.js';

/**
 * The cockpit on a server running as a restricted login that is only a member of scc_app (what
 * operators create with `CREATE ROLE scc_cockpit LOGIN … IN ROLE scc_app`): scope resolution
 * still works through the SECURITY DEFINER function, and every answer equals the one the same
 * cockpit gives on the owner connection.
 */
const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('the cockpit on a restricted runtime login (server only)', () => {
  const url = serverUrl ?? '';
  let harness: CockpitHarness;
  let role: TestLoginRole | undefined;
  /** The same cockpit on the owner connection, trusting the same key: the control. */
  let ownerApp: ReturnType<typeof createCockpitApp>;

  beforeAll(async () => {
    harness = await createCockpitHarness({
      connect: async (database) => {
        role = await createTestLoginRole(url, 'cockpit');
        return createDatabase({ url: role.urlFor(database.url ?? ''), maxConnections: 2 });
      },
    });
    ownerApp = createCockpitApp({ db: harness.database.handle.db, verifyServiceToken: harness.keys.verifier });
  });
  afterAll(async () => {
    try {
      await harness?.close();
    } finally {
      await role?.drop();
      await dropTestRoles(url, testRolePrefix('cockpit'));
    }
  });

  test('the app really runs as the restricted login', async () => {
    const rows = await executeRows(
      harness.db,
      sql`select current_user as "user", (select rolsuper from pg_roles where rolname = current_user) as su`,
    );
    expect(rows).toEqual([{ user: role?.name, su: false }]);
  });

  test('resolveCaller resolves every persona exactly as on the owner connection', async () => {
    const home = seededBusinessUnit('msp').id;
    for (const persona of personas) {
      const unit = seededBusinessUnit(persona.businessUnit);
      const bySub = { sub: personaUserId(persona), businessUnitId: unit.id, homeBusinessUnitId: home, hostId: 'h' };
      const byEmail = { email: persona.email, businessUnitId: unit.id, homeBusinessUnitId: home, hostId: 'h' };
      const asOwner = await resolveCaller(harness.database.handle.db, bySub);
      expect(asOwner, persona.key).toEqual({
        user: { id: personaUserId(persona), email: persona.email, displayName: persona.displayName },
        businessUnit: { id: unit.id, name: unit.name, kind: unit.kind },
        roles: [persona.role],
        scopePath: unit.path,
        hostId: 'h',
      });
      expect(await resolveCaller(harness.db, bySub), persona.key).toEqual(asOwner);
      expect(await resolveCaller(harness.db, byEmail), persona.key).toEqual(asOwner);
    }
    // Not upwards, not outside the home subtree (controls for the restricted login too).
    const casey = personaByKey('customer-admin');
    const claims = { sub: personaUserId(casey), homeBusinessUnitId: home, hostId: 'h' };
    expect(await resolveCaller(harness.db, { ...claims, businessUnitId: seededBusinessUnit('reseller-one').id })).toBe(
      undefined,
    );
    expect(
      await resolveCaller(harness.db, {
        ...claims,
        businessUnitId: seededBusinessUnit('contoso').id,
        homeBusinessUnitId: seededBusinessUnit('fabrikam').id,
      }),
    ).toBe(undefined);
  });

  test('serves /v1/tenants for every persona: exactly its subtree, and the same pages as on the owner', async () => {
    for (const persona of personas) {
      const token = await harness.tokenFor(persona);
      const { items } = await walkPages<Tenant>(harness, '/v1/tenants', token, 7);
      expect(items.map((t) => t.id).sort(), persona.key).toEqual(
        tenantsUnder(persona.businessUnit)
          .map((t) => t.id)
          .sort(),
      );
      const asOwner = await ownerApp.request('/v1/tenants?limit=7', { headers: { authorization: `Bearer ${token}` } });
      const asRuntime = await harness.get('/v1/tenants?limit=7', token);
      expect(asRuntime.status, persona.key).toBe(200);
      expect(await asRuntime.text(), persona.key).toBe(await asOwner.text());
    }
  });

  test('a subtree move with its audit rebase works on the restricted login, and back', async () => {
    const token = await harness.tokenFor(personaByKey('reseller-admin'));
    const north = seededBusinessUnit('contoso/north');
    const move = (newParentId: string) =>
      harness.send('POST', `/v1/business-units/${north.id}/move`, token, { newParentId });
    const there = await move(seededBusinessUnit('fabrikam').id);
    expect(there.status, await there.clone().text()).toBe(200);
    const back = await move(seededBusinessUnit('contoso').id);
    expect(back.status, await back.clone().text()).toBe(200);
    const events = await harness.get(`/v1/audit-events?businessUnitId=${north.id}`, token);
    const actions = ((await events.json()) as { items: { action: string }[] }).items.map((e) => e.action);
    expect(actions).toEqual(['business-unit.moved', 'business-unit.moved']);
  });

  test('brands (SECURITY DEFINER lookup), users and data sources work on the restricted login', async () => {
    const riley = await harness.tokenFor(personaByKey('reseller-admin'));
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const reseller = seededBusinessUnit('reseller-one');
    const finance = seededBusinessUnit('contoso/north/finance');
    const gif = Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1');
    const put = await harness.send('PUT', `/v1/business-units/${reseller.id}/brand`, riley, {
      brand: { displayName: 'Reseller One', logo: { data: gif.toString('base64') } },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const shown = await (await harness.get(`/v1/business-units/${finance.id}/brand`, casey)).json();
    expect(shown).toMatchObject({
      own: null,
      effective: { sourceBusinessUnitId: null, name: null, brand: { displayName: 'Reseller One' } },
    });
    // The logo lies above Casey's unit: readable from below through the shared-read policy.
    const logo = await harness.get(`/v1/business-units/${finance.id}/brand/logo`, casey);
    expect(logo.status).toBe(200);
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(gif);
    const user = await harness.send('POST', '/v1/users', casey, {
      email: 'runtime@contoso.example',
      displayName: 'Runtime',
      businessUnitId: finance.id,
    });
    expect(user.status, await user.clone().text()).toBe(201);
    const source = await harness.send('POST', `/v1/business-units/${finance.id}/data-sources`, casey, {
      kind: 'backup-server',
      externalRef: 'RT-1',
      name: 'Runtime',
    });
    expect(source.status, await source.clone().text()).toBe(201);
  });

  test('/v1/me and /v1/business-units answer as on the owner; a token outside the home subtree is 401', async () => {
    for (const persona of personas) {
      const token = await harness.tokenFor(persona);
      for (const path of ['/v1/me', '/v1/business-units?limit=100']) {
        const asOwner = await ownerApp.request(path, { headers: { authorization: `Bearer ${token}` } });
        const asRuntime = await harness.get(path, token);
        expect(asRuntime.status, `${persona.key} ${path}`).toBe(200);
        expect(await asRuntime.text(), `${persona.key} ${path}`).toBe(await asOwner.text());
      }
    }
    const outside = await harness.keys.sign({
      sub: personaUserId(personaByKey('msp-operator')),
      businessUnitId: seededBusinessUnit('msp').id,
      homeBusinessUnitId: seededBusinessUnit('contoso').id,
      hostId: TEST_HOST_ID,
    });
    expect((await harness.get('/v1/tenants', outside)).status).toBe(401);
  });

  test('operation requests work on the restricted login: dry-run, submit, a chargeable outbox message, list, cancel', async () => {
    const token = await harness.tokenFor(personaByKey('customer-one-admin'));
    const draft = {
      kind: 'order',
      businessUnitId: seededBusinessUnit('customer-one').id,
      productId: seedId('product', 'ERP'),
      type: 'test',
    };
    const dryRun = await harness.send('POST', '/v1/operation-requests/dry-run', token, draft);
    expect(dryRun.status, await dryRun.clone().text()).toBe(200);
    expect(await dryRun.json()).toMatchObject({ allowed: true, chargeable: true });
    const submitted = await harness.send('POST', '/v1/operation-requests', token, draft, { 'idempotency-key': 'rt-1' });
    expect(submitted.status, await submitted.clone().text()).toBe(202);
    const request = (await submitted.json()) as { id: string };
    const [outbox] = await executeRows<{ n: number }>(
      harness.database.handle.db,
      sql`select count(*)::int as n from outbox_events where payload->>'requestId' = ${request.id}`,
    );
    expect(outbox?.n).toBe(1);
    const rejected = await harness.send('POST', '/v1/operation-requests', token, { ...draft, type: 'productive' });
    expect(rejected.status).toBe(422);
    const list = await harness.get('/v1/operation-requests?state=open', token);
    expect(((await list.json()) as { items: { id: string }[] }).items.map((r) => r.id)).toContain(request.id);
    const cancelled = await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, token);
    expect(cancelled.status).toBe(200);
  });
});
