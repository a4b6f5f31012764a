import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BffHarness, createBffHarness } from '../support/bff-harness.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';
import { seededIds } from './known-values.js';
import { fuzz, fuzzOptions, installWriteCounter, type OpenApiDocument } from './openapi-fuzz.js';

/**
 * The BFF under generated and hostile requests on every route of its OpenAPI document, in front
 * of the real cockpit on its own database; see openapi-fuzz.ts for the rules every answer keeps.
 */
let harness: BffHarness;
const options = fuzzOptions(process.env);
const PERSONA = 'msp-operator';

beforeAll(async () => {
  harness = await createBffHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('BFF fuzzed from its OpenAPI document', () => {
  test(
    'no 5xx, no hang, every 4xx a problem, no row written by a refused request',
    async () => {
      const doc = (await (await harness.app.request('/openapi.json')).json()) as OpenApiDocument;
      const writes = await installWriteCounter(harness.database.handle.db);
      const persona = personaByKey(PERSONA);
      let widgetToken = '';
      let issuedAt = 0;
      const result = await fuzz(
        {
          doc,
          known: seededIds(PERSONA),
          send: ({ method, url, headers, body }) => harness.app.request(url, { method, headers, body }),
          async credentials() {
            // Widget tokens live 10 minutes; a long FUZZ_RUNS outlives several.
            if (Date.now() - issuedAt > 5 * 60_000) {
              widgetToken = await harness.openSession(
                harness.mspHost,
                persona.email,
                seededBusinessUnit(persona.businessUnit).id,
              );
              issuedAt = Date.now();
            }
            return { widgetToken, hostApiKey: harness.mspHost.apiKey };
          },
          writes,
        },
        options,
      );
      console.info(`BFF fuzz: ${result.sent} requests, statuses ${JSON.stringify(result.statuses)}`);
      expect(result.sent).toBeGreaterThan(0);
    },
    options.timeBudgetMs + 120_000,
  );
});
