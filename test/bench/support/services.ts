import { createBffApp, generateSigningKey, HostRegistry, hashApiKey, newApiKey, widgetTokenIssuer } from '@scc/bff';
import { type CockpitDependencies, createCockpitApp } from '@scc/cockpit';
import { serviceTokenVerifier } from '@scc/contracts/service-token';
import type { Database } from '@scc/db';
import { seededBusinessUnit } from '@scc/db/seed';

export const BENCH_HOST_ID = 'bench-host';

/**
 * Cockpit and BFF in one process, as the benchmarks measure them: fresh keys, one host homed at
 * the MSP, and the BFF reaching the cockpit in-process (no socket time in the numbers).
 */
export async function benchServices(db: Database, cockpitOptions: Partial<CockpitDependencies> = {}) {
  const serviceKey = await generateSigningKey('bench-service');
  const widgetKey = await generateSigningKey('bench-widget');
  const cockpit = createCockpitApp({
    db,
    verifyServiceToken: serviceTokenVerifier([serviceKey.publicJwk]),
    ...cockpitOptions,
  });
  const tokens = widgetTokenIssuer({ publicUrl: 'http://bff.bench', signingKey: widgetKey });
  const bff = createBffApp({
    hosts: new HostRegistry([
      {
        id: BENCH_HOST_ID,
        name: 'Bench',
        apiKeyHash: hashApiKey(newApiKey(BENCH_HOST_ID)),
        homeBusinessUnitId: seededBusinessUnit('msp').id,
        allowedOrigins: ['http://host.bench'],
      },
    ]),
    tokens,
    cockpit: {
      baseUrl: 'http://cockpit.bench',
      serviceKey,
      fetch: async (input, init) => cockpit.request(input as string, init),
    },
  });
  return { serviceKey, cockpit, tokens, bff };
}
