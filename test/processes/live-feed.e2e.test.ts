import { generateSigningKey, hashApiKey, newApiKey } from '@scc/bff';
import { exportJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitProcess, createProcessTestBed, type ProcessTestBed } from '../support/cockpit-process.js';
import { personaByKey, seededBusinessUnit, seedId } from '../support/seed-model.js';
import { SseCollector, type SseEvent } from '../support/sse.js';
import { type Launched, launchBff } from './launch.js';

/**
 * The live feed with two cockpit processes, A and B, each with a BFF process of its own in front.
 * Only A runs operation workers, and the order goes in through A's BFF; a widget stream opened
 * through B's BFF (so served by B's LISTEN) still sees every event of it, the worker's included,
 * each once and in feed order, the same as a stream through A.
 */
const server = process.env.DATABASE_URL;

/** The events of one request on a stream, as (feed position, state). */
const statesOf = (events: SseEvent[], requestId: string) =>
  events
    .filter((e) => e.event === 'operation-request' && (e.data as { id: string }).id === requestId)
    .map((e) => ({ id: Number(e.id), state: (e.data as { state: string }).state }));

describe.skipIf(!server)('the live feed across cockpit and BFF processes (server only)', () => {
  let bed: ProcessTestBed;
  const bffs: (Launched & { url: string })[] = [];
  let cockpitA: CockpitProcess;
  let cockpitB: CockpitProcess;
  let bffA: string;
  let bffB: string;
  const apiKey = newApiKey('portal');

  beforeAll(async () => {
    if (!server) return;
    bed = await createProcessTestBed(server, 'feed');
    cockpitA = await bed.start({ SCC_WORKERS: '2', SCC_STEP_DELAY_MS: '20' });
    cockpitB = await bed.start({ SCC_WORKERS: '0' });
    const serviceKey: JWK = {
      ...(await exportJWK(bed.keys.signingKey.privateKey)),
      kid: bed.keys.signingKey.kid,
      alg: 'ES256',
    };
    const widgetKey = (await generateSigningKey('widget-feed')).privateJwk;
    const hosts = [
      {
        id: 'portal',
        name: 'Portal',
        apiKeyHash: hashApiKey(apiKey),
        homeBusinessUnitId: seededBusinessUnit('msp').id,
        allowedOrigins: ['https://portal.example'],
      },
    ];
    // Two BFF deployments of one embedding: the same keys and public URL, each before its own cockpit.
    for (const cockpit of [cockpitA, cockpitB]) {
      bffs.push(
        await launchBff({ cockpitUrl: cockpit.url, publicUrl: 'http://bff.test', widgetKey, serviceKey, hosts }),
      );
    }
    [bffA, bffB] = bffs.map((b) => b.url) as [string, string];
  }, 240_000);
  afterAll(async () => {
    for (const bff of bffs) await bff.stop('SIGKILL');
    await bed?.close();
  });

  test('an order executed by a worker in cockpit A reaches a widget stream opened through the BFF before cockpit B', async () => {
    const casey = personaByKey('customer-admin');
    const session = await fetch(`${bffA}/v1/embed-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { email: casey.email }, businessUnitId: seededBusinessUnit('contoso').id }),
    });
    expect(session.status).toBe(201);
    const { token } = (await session.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    const streams = await Promise.all(
      [bffB, bffA].map(async (bff) => {
        const response = await fetch(`${bff}/v1/widget/events`, { headers: auth });
        expect(response.status).toBe(200);
        const stream = new SseCollector(response);
        expect(await stream.connected()).toBe(true);
        return stream;
      }),
    );
    const [throughB, throughA] = streams as [SseCollector, SseCollector];
    try {
      const ordered = await fetch(`${bffA}/v1/widget/operation-requests`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'order',
          businessUnitId: seededBusinessUnit('contoso/south').id,
          productId: seedId('product', 'BAAS'),
          type: 'development',
        }),
      });
      expect(ordered.status, await ordered.clone().text()).toBe(202);
      const { id } = (await ordered.json()) as { id: string };

      const finished = (stream: SseCollector) => () => statesOf(stream.events, id).some((e) => e.state === 'succeeded');
      expect(await throughB.waitUntil(finished(throughB), 90_000), cockpitA.output(3000)).toBe(true);
      expect(await throughA.waitUntil(finished(throughA), 30_000)).toBe(true);

      // Cockpit B has no workers: the running and succeeded states came from A's worker over B's LISTEN.
      const seenThroughB = statesOf(throughB.events, id);
      expect(seenThroughB.map((e) => e.state)).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']));
      const positions = throughB.events.map((e) => Number(e.id));
      expect(new Set(positions).size, 'each event once').toBe(positions.length);
      expect(positions, 'in feed order').toEqual([...positions].sort((a, b) => a - b));
      expect(seenThroughB).toEqual(statesOf(throughA.events, id));
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
