import { auditEvents, hostApiKeys } from '@scc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHostApiKey, listHostApiKeys, revokeHostApiKey } from '../../bff/src/cli/host-api-keys.js';
import { connectCockpit } from '../../bff/src/cockpit/cockpit-client.js';
import { RevocationFeed } from '../../bff/src/embed-sessions/revocation-feed.js';
import { type BffHarness, createBffHarness, embedSessionInit, expectProblem } from '../support/bff-harness.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';

const casey = personaByKey('customer-admin');
const contoso = seededBusinessUnit('contoso');

let h: BffHarness;
beforeAll(async () => {
  h = await createBffHarness();
});
afterAll(async () => {
  await h?.close();
});

const cockpit = () => connectCockpit(h.cockpit);
/** A BFF process that has verified no key yet: each key is asked of the cockpit again. */
const mintWith = (apiKey: string, app = h.createApp()) =>
  app.request(
    '/v1/embed-sessions',
    embedSessionInit(apiKey, { user: { email: casey.email }, businessUnitId: contoso.id }),
  );

describe('host API keys kept by the cockpit', () => {
  it('a created key mints beside the registry’s key; the cockpit keeps only its hash', async () => {
    const host = h.mspHost.entry;
    const { apiKey, key } = await createHostApiKey(cockpit(), host, { expiresInSeconds: 3600 });
    expect(apiKey).toMatch(/^msp-portal\./);
    expect((await mintWith(apiKey)).status).toBe(201);
    expect((await mintWith(h.mspHost.apiKey)).status).toBe(201);
    const [stored] = await h.database.handle.db.select().from(hostApiKeys).where(eq(hostApiKeys.id, key.id));
    expect(JSON.stringify(stored)).not.toContain(apiKey.split('.')[1]);
    expect(key.expiresAt).not.toBeNull();
  });

  it('rotation issues a new key and lets the old one work until the overlap ends', async () => {
    const host = h.mspHost.entry;
    const old = await createHostApiKey(cockpit(), host);
    const rotated = await createHostApiKey(cockpit(), host, { overlapSeconds: 3600 });
    expect((await mintWith(old.apiKey)).status).toBe(201);
    expect((await mintWith(rotated.apiKey)).status).toBe(201);
    const keys = await listHostApiKeys(cockpit(), host);
    const oldNow = keys.find((k) => k.id === old.key.id);
    expect(oldNow?.expiresAt).not.toBeNull();
    expect(keys.find((k) => k.id === rotated.key.id)?.expiresAt).toBeNull();
  });

  it('a rotation without overlap ends the old keys at once: expired keys are refused', async () => {
    const host = h.mspHost.entry;
    const old = await createHostApiKey(cockpit(), host);
    const fresh = await createHostApiKey(cockpit(), host, { overlapSeconds: 0 });
    await expectProblem(await mintWith(old.apiKey), 401);
    expect((await mintWith(fresh.apiKey)).status).toBe(201);
    // The registry's key is the deployment's own and is not rotated by the cockpit.
    expect((await mintWith(h.mspHost.apiKey)).status).toBe(201);
  });

  it('a revoked key is refused; another host cannot see or revoke it', async () => {
    const { apiKey, key } = await createHostApiKey(cockpit(), h.mspHost.entry);
    expect((await listHostApiKeys(cockpit(), h.resellerHost.entry)).map((k) => k.id)).not.toContain(key.id);
    await expect(revokeHostApiKey(cockpit(), h.resellerHost.entry, key.id)).rejects.toMatchObject({
      body: { status: 404 },
    });
    expect((await mintWith(apiKey)).status).toBe(201);
    expect((await revokeHostApiKey(cockpit(), h.mspHost.entry, key.id)).revokedAt).not.toBeNull();
    await expectProblem(await mintWith(apiKey), 401);
    // A key of one host presented as another's is refused too.
    await expectProblem(await mintWith(`reseller-portal.${apiKey.split('.')[1]}`), 401);
  });

  it('notes the last use, at most once a minute, and only one verification a minute per process', async () => {
    const { apiKey, key } = await createHostApiKey(cockpit(), h.mspHost.entry);
    const lastUsed = async () => (await listHostApiKeys(cockpit(), h.mspHost.entry)).find((k) => k.id === key.id);
    expect((await lastUsed())?.lastUsedAt).toBeNull();
    const app = h.createApp();
    expect((await mintWith(apiKey, app)).status).toBe(201);
    const first = (await lastUsed())?.lastUsedAt;
    expect(first).not.toBeNull();
    // Another process verifies it again within the minute: the time stays.
    expect((await mintWith(apiKey)).status).toBe(201);
    expect((await lastUsed())?.lastUsedAt).toBe(first);
    // This process asks the cockpit once: revoking shows only after its minute (bounded staleness).
    await revokeHostApiKey(cockpit(), h.mspHost.entry, key.id);
    expect((await mintWith(apiKey, app)).status).toBe(201);
    await expectProblem(await mintWith(apiKey), 401);
  });

  it('writes key creations, rotations and revocations into the host’s audit log', async () => {
    const { key } = await createHostApiKey(cockpit(), h.mspHost.entry);
    const rotated = await createHostApiKey(cockpit(), h.mspHost.entry, { overlapSeconds: 60 });
    await revokeHostApiKey(cockpit(), h.mspHost.entry, key.id);
    const actions = async (id: string) =>
      (await h.database.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((r) => [
        r.action,
        r.actorEmail,
        r.businessUnitId,
      ]);
    const home = h.mspHost.entry.homeBusinessUnitId;
    expect(await actions(key.id)).toEqual([
      ['host-api-key.created', 'host:msp-portal', home],
      ['host-api-key.revoked', 'host:msp-portal', home],
    ]);
    expect(await actions(rotated.key.id)).toEqual([['host-api-key.rotated', 'host:msp-portal', home]]);
  });

  it('a process following the revocation feed forgets a revoked key at once, not after its minute', async () => {
    const { apiKey, key } = await createHostApiKey(cockpit(), h.mspHost.entry);
    const feed = new RevocationFeed(cockpit(), () => h.registry.all());
    feed.start();
    const app = h.createApp({ revocations: feed });
    await vi.waitUntil(() => feed.live, { timeout: 10_000 });
    expect((await mintWith(apiKey, app)).status).toBe(201);
    await revokeHostApiKey(cockpit(), h.mspHost.entry, key.id);
    // The key's minute has not passed: only the feed's notice can make this process ask again.
    await vi.waitUntil(async () => (await mintWith(apiKey, app)).status === 401, { timeout: 10_000, interval: 50 });
    feed.close();
  });
});

/**
 * On a harness of its own: the other tests present refused keys too, and their audit rows are
 * written in the background, so they could land while this test counts.
 */
describe('refused host API keys', () => {
  let own: BffHarness;
  beforeAll(async () => {
    own = await createBffHarness();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('a wrong key naming a registered host is a security event in its audit log, once a minute however many', async () => {
    const refusals = () =>
      own.database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'host-api-key.refused'));
    const before = (await refusals()).length;
    const app = own.createApp();
    const guess = `msp-portal.${'A'.repeat(43)}`;
    for (let i = 0; i < 3; i++) await expectProblem(await mintWith(guess, app), 401);
    await vi.waitFor(async () => expect((await refusals()).length).toBe(before + 1));
    const [row] = (await refusals()).slice(-1);
    expect(row).toMatchObject({ actorEmail: 'host:msp-portal', businessUnitId: own.mspHost.entry.homeBusinessUnitId });
    expect(JSON.stringify(row)).not.toContain('A'.repeat(43));
    // Keys shaped like no registered host's cost no cockpit call and write nothing.
    await expectProblem(await mintWith(`nobody-here.${'A'.repeat(43)}`, app), 401);
    await expectProblem(await mintWith(guess, app), 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await refusals()).length).toBe(before + 1);
  });
});
