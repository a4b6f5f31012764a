import { createBffHarness } from '../support/bff-harness.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';
import { seededIds } from './known-values.js';
import { describeFuzz, refreshing } from './openapi-fuzz.js';

/**
 * The BFF under generated and hostile requests on every route of its OpenAPI document, in front
 * of the real cockpit on its own database, as the MSP operator (every seeded id in its scope).
 */
const PERSONA = 'msp-operator';

describeFuzz('BFF', async () => {
  const harness = await createBffHarness();
  const persona = personaByKey(PERSONA);
  // Widget tokens live 10 minutes; a long FUZZ_RUNS outlives several.
  const widgetToken = refreshing(
    () => harness.openSession(harness.mspHost, persona.email, seededBusinessUnit(persona.businessUnit).id),
    5 * 60_000,
  );
  return {
    request: (url, init) => harness.app.request(url, init),
    owner: harness.database.handle.db,
    known: seededIds(PERSONA),
    credentials: async () => ({ widgetToken: await widgetToken(), hostApiKey: harness.mspHost.apiKey }),
    close: () => harness.close(),
  };
});
