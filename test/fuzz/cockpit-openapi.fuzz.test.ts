import { createCockpitHarness } from '../support/cockpit.js';
import { personaByKey } from '../support/seed-model.js';
import { seededIds } from './known-values.js';
import { describeFuzz, refreshing } from './openapi-fuzz.js';

/**
 * The cockpit under generated and hostile requests on every route of its OpenAPI document, on its
 * own database, as the MSP operator (every seeded id in its scope) and as the sales system.
 */
const PERSONA = 'msp-operator';
const SALES_KEY = 'sales-system-fuzz-key';

describeFuzz('cockpit', async () => {
  const harness = await createCockpitHarness({ salesApiKey: SALES_KEY });
  // Service tokens live 60 seconds.
  const serviceToken = refreshing(() => harness.tokenFor(personaByKey(PERSONA)), 30_000);
  return {
    request: (url, init) => harness.app.request(url, init),
    owner: harness.database.handle.db,
    known: seededIds(PERSONA),
    credentials: async () => ({ serviceToken: await serviceToken(), salesApiKey: SALES_KEY }),
    close: () => harness.close(),
  };
});
