/**
 * `pnpm bench` (operations part): the operations issue's targets through the BFF. 50 concurrent
 * callers, each an admin of its own customer unit, dry-run and submit orders; 500 widget clients
 * hold the live feed open while state changes are committed, and each event's delay from the
 * commit to its arrival in every client is recorded. The dry-run is also sent to the cockpit
 * alone (a service token per caller, as the BFF would send), so the BFF's share of its cost shows.
 * Beside latencies it prints the CPU time each call cost, in this process and in the database's
 * backends: on a machine shared with other work the latencies swing with the load, the CPU per call
 * much less, and saturated throughput is the cores divided by it. Prints numbers; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { createEventHub } from '@scc/cockpit';
import { signServiceToken } from '@scc/contracts/service-token';
import { businessUnits, childPath, executeRows, roleAssignments, users } from '@scc/db';
import { seededBusinessUnit, seedId } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { printTable, summarize } from './support/measure.js';
import { BENCH_HOST_ID, benchServices } from './support/services.js';

const CALLERS = 50;
const REQUESTS_PER_CALLER = 20;
const CLIENTS = 500;
const EVENTS = 40;

const test = await createTestDatabase({ seed: true });
const { db, engine } = test.handle;
const contoso = seededBusinessUnit('contoso');
const msp = seededBusinessUnit('msp');
const productId = seedId('product', 'BAAS');

// One customer unit per caller under Contoso (whose BAAS contract they inherit), each with its admin.
const callers = Array.from({ length: CALLERS }, (_, i) => {
  const id = seedId('bench-customer', String(i));
  return { unitId: id, path: childPath(contoso.path, id), userId: seedId('user', `bench-customer-${i}`) };
});
await db.insert(businessUnits).values(
  callers.map((c, i) => ({
    id: c.unitId,
    parentId: contoso.id,
    name: `Customer ${i}`,
    kind: 'customer',
    path: c.path,
  })),
);
await db.insert(users).values(
  callers.map((c, i) => ({
    id: c.userId,
    email: `admin-${i}@bench.example`,
    displayName: `Admin ${i}`,
    businessUnitId: c.unitId,
    buPath: c.path,
  })),
);
await db
  .insert(roleAssignments)
  .values(callers.map((c) => ({ userId: c.userId, businessUnitId: c.unitId, role: 'admin' as const, buPath: c.path })));
const mspAdmin = seedId('user', 'bench-msp-admin');
await db.insert(users).values({
  id: mspAdmin,
  email: 'msp-admin@bench.example',
  displayName: 'MSP admin',
  businessUnitId: msp.id,
  buPath: msp.path,
});
await db.insert(roleAssignments).values({ userId: mspAdmin, businessUnitId: msp.id, role: 'admin', buPath: msp.path });
await db.execute('analyze');

const events = createEventHub(db);
const { tokens, bff, cockpit, serviceKey } = await benchServices(db, { systemDb: db, events });
const tokenOf = async (userId: string, businessUnitId: string) =>
  (await tokens.issue({ userId, businessUnitId, hostId: BENCH_HOST_ID })).token;
const callerTokens = await Promise.all(callers.map((c) => tokenOf(c.userId, c.unitId)));

const post = async (path: string, token: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await bff.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text}`);
  return text;
};

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds the database's backends for this database have used so far, read from
 * `/proc`: only for a server on this machine (PGlite runs in this process and counts there).
 */
async function databaseCpuMs(): Promise<number | undefined> {
  if (engine !== 'postgres') return undefined;
  const backends = await executeRows<{ pid: number }>(
    db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  let ticks = 0;
  for (const { pid } of backends) {
    try {
      // Fields 14 and 15 (utime, stime), counted after the command name's closing parenthesis.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

const cpuLines: string[] = [];

/** The first `count` callers each send `REQUESTS_PER_CALLER` requests one after another, all at once. */
async function concurrently(name: string, send: (caller: number, n: number) => Promise<unknown>, count = CALLERS) {
  const latencies: number[] = [];
  const databaseBefore = await databaseCpuMs();
  const processBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    callers.slice(0, count).map(async (_, caller) => {
      for (let n = 0; n < REQUESTS_PER_CALLER; n++) {
        const t0 = performance.now();
        await send(caller, n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const processUsed = process.cpuUsage(processBefore);
  const databaseAfter = await databaseCpuMs();
  const perCall = (cpuMs: number) => `${(cpuMs / latencies.length).toFixed(2)} ms`;
  cpuLines.push(
    `| ${name} | ${perCall((processUsed.user + processUsed.system) / 1000)} | ${
      databaseBefore === undefined || databaseAfter === undefined ? 'n/a' : perCall(databaseAfter - databaseBefore)
    } |`,
  );
  return { row: summarize(name, latencies), perSecond: latencies.length / seconds };
}

const draft = (caller: number, n: number) => ({
  kind: 'order',
  businessUnitId: callers[caller]?.unitId,
  productId,
  type: 'development',
  name: `Sandbox ${caller}-${n}`,
  applicationDataSourceTenantId: null,
  solutionProfileSourceTenantId: null,
});
// Warm-up: one dry-run per caller.
await Promise.all(
  callers.map((_, i) => post('/v1/widget/operation-requests/dry-run', callerTokens[i] ?? '', draft(i, 0))),
);
const dryRunAlone = await concurrently(
  'dry-run through the BFF, 1 caller',
  (caller, n) => post('/v1/widget/operation-requests/dry-run', callerTokens[caller] ?? '', draft(caller, n)),
  1,
);
const dryRunTen = await concurrently(
  'dry-run through the BFF, 10 concurrent callers',
  (caller, n) => post('/v1/widget/operation-requests/dry-run', callerTokens[caller] ?? '', draft(caller, n)),
  10,
);
const dryRun = await concurrently(`dry-run through the BFF, ${CALLERS} concurrent callers`, (caller, n) =>
  post('/v1/widget/operation-requests/dry-run', callerTokens[caller] ?? '', draft(caller, n)),
);

// Service tokens live a minute: each caller signs anew after half of it, so a slow run never
// sends an expired one and signing stays off the measured calls otherwise.
const serviceTokens = new Map<number, { token: string; signedAt: number }>();
const serviceTokenOf = async (caller: number) => {
  const held = serviceTokens.get(caller);
  if (held && performance.now() - held.signedAt < 30_000) return held.token;
  const token = await signServiceToken(serviceKey, {
    sub: callers[caller]?.userId,
    businessUnitId: callers[caller]?.unitId ?? '',
    homeBusinessUnitId: msp.id,
    hostId: BENCH_HOST_ID,
  });
  serviceTokens.set(caller, { token, signedAt: performance.now() });
  return token;
};
const cockpitDryRun = async (caller: number, n: number) => {
  const res = await cockpit.request('/v1/operation-requests/dry-run', {
    method: 'POST',
    headers: { authorization: `Bearer ${await serviceTokenOf(caller)}`, 'content-type': 'application/json' },
    body: JSON.stringify(draft(caller, n)),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`cockpit dry-run: ${res.status} ${text}`);
};
await Promise.all(callers.map((_, i) => serviceTokenOf(i)));
const cockpitDryRunAlone = await concurrently('dry-run to the cockpit alone, 1 caller', cockpitDryRun, 1);
const cockpitDryRunAll = await concurrently(
  `dry-run to the cockpit alone, ${CALLERS} concurrent callers`,
  cockpitDryRun,
);
const submit = await concurrently(`submit through the BFF, ${CALLERS} concurrent callers`, (caller, n) =>
  post('/v1/widget/operation-requests', callerTokens[caller] ?? '', draft(caller, n), {
    'idempotency-key': `bench-${caller}-${n}`,
  }),
);

// The live feed: CLIENTS widget clients (the MSP admin, who sees every event) through the BFF.
const mspToken = await tokenOf(mspAdmin, msp.id);
const arrivals = new Map<string, number[]>();
const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
let connected = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    const res = await bff.request('/v1/widget/events', { headers: { authorization: `Bearer ${mspToken}` } });
    if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
    const reader = res.body.getReader();
    readers.push(reader);
    connected++;
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          const request = JSON.parse(data.slice(5)) as { draft?: { name?: string } };
          const key = request.draft?.name;
          if (key?.startsWith('Live ')) arrivals.set(key, [...(arrivals.get(key) ?? []), performance.now()]);
        }
      }
    })();
  }),
);
await new Promise((resolve) => setTimeout(resolve, 1000));
const delays: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const name = `Live ${i}`;
  const caller = i % CALLERS;
  // The clock starts before the submit is sent, so the delay includes the submit itself: an
  // upper bound of commit → client.
  const t0 = performance.now();
  await post('/v1/widget/operation-requests', callerTokens[caller] ?? '', { ...draft(caller, 1000 + i), name });
  const deadline = performance.now() + 5000;
  while ((arrivals.get(name)?.length ?? 0) < CLIENTS && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  for (const at of arrivals.get(name) ?? []) delays.push(at - t0);
}
const sseRow = summarize(`submit → SSE event in each of ${connected} clients (${EVENTS} events)`, delays);

console.log(
  `\nengine: ${engine}; ${CALLERS} callers × ${REQUESTS_PER_CALLER} requests; in one process, BFF → cockpit in-process\n`,
);
printTable([
  dryRunAlone.row,
  dryRunTen.row,
  dryRun.row,
  cockpitDryRunAlone.row,
  cockpitDryRunAll.row,
  submit.row,
  sseRow,
]);
console.log(
  `\nthroughput: dry-run ${dryRunAlone.perSecond.toFixed(0)}/s (1 caller), ${dryRunTen.perSecond.toFixed(0)}/s (10), ` +
    `${dryRun.perSecond.toFixed(0)}/s (${CALLERS}); to the cockpit alone ${cockpitDryRunAlone.perSecond.toFixed(0)}/s (1), ` +
    `${cockpitDryRunAll.perSecond.toFixed(0)}/s (${CALLERS}); submit ${submit.perSecond.toFixed(0)}/s (${CALLERS}); ` +
    `SSE: ${delays.length} of ${EVENTS * CLIENTS} deliveries arrived, ${events.subscribers} hub subscribers`,
);
console.log('\n| CPU per call | this process | database backends |\n| --- | --- | --- |');
for (const line of cpuLines) console.log(line);
for (const reader of readers) await reader.cancel().catch(() => undefined);
await events.close();
await test.drop();
