import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import { personaByKey } from '../support/seed-model.js';
import { seededIds } from './known-values.js';
import { fuzz, fuzzOptions, installWriteCounter, type OpenApiDocument } from './openapi-fuzz.js';

/**
 * The cockpit under generated and hostile requests on every route of its OpenAPI document, on its
 * own database; see openapi-fuzz.ts for the rules every answer keeps.
 */
let harness: CockpitHarness;
const options = fuzzOptions(process.env);
const PERSONA = 'msp-operator';
const SALES_KEY = 'sales-system-fuzz-key';

beforeAll(async () => {
  harness = await createCockpitHarness({ salesApiKey: SALES_KEY });
});
afterAll(async () => {
  await harness?.close();
});

describe('cockpit fuzzed from its OpenAPI document', () => {
  test(
    'no 5xx, no hang, every 4xx a problem, no row written by a refused request',
    async () => {
      const doc = (await (await harness.app.request('/openapi.json')).json()) as OpenApiDocument;
      const writes = await installWriteCounter(harness.database.handle.db);
      let serviceToken = '';
      let issuedAt = 0;
      const result = await fuzz(
        {
          doc,
          known: seededIds(PERSONA),
          send: ({ method, url, headers, body }) => harness.app.request(url, { method, headers, body }),
          async credentials() {
            // Service tokens live 60 seconds.
            if (Date.now() - issuedAt > 30_000) {
              serviceToken = await harness.tokenFor(personaByKey(PERSONA));
              issuedAt = Date.now();
            }
            return { serviceToken, salesApiKey: SALES_KEY };
          },
          writes,
        },
        options,
      );
      console.info(`cockpit fuzz: ${result.sent} requests, statuses ${JSON.stringify(result.statuses)}`);
      expect(result.sent).toBeGreaterThan(0);
    },
    options.timeBudgetMs + 120_000,
  );
});
