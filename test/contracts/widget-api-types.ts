import { fileURLToPath } from 'node:url';
import { createBffApp, generateSigningKey, HostRegistry, widgetTokenIssuer } from '@scc/bff';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the widget reads the BFF's API types from; only `pnpm api-types` writes it. */
export const widgetApiTypesFile = fileURLToPath(new URL('../../widget/src/api/bff-api.generated.ts', import.meta.url));

const header = `// Generated from the BFF's OpenAPI document by \`pnpm api-types\` (scripts/generate-widget-api-types.ts).
// Do not edit: test/contracts/widget-api-types.test.ts fails when this no longer matches the BFF.

`;

/**
 * The widget's API types as the BFF's OpenAPI document declares them today. The document is built
 * in-process: serving `/openapi.json` touches neither hosts, keys nor the cockpit, so throwaway ones do.
 */
export async function generateWidgetApiTypes(): Promise<string> {
  const bff = createBffApp({
    hosts: new HostRegistry([]),
    tokens: widgetTokenIssuer({
      publicUrl: 'http://bff.invalid',
      signingKey: await generateSigningKey('api-types-widget'),
    }),
    cockpit: { baseUrl: 'http://cockpit.invalid', serviceKey: await generateSigningKey('api-types-service') },
  });
  const response = await bff.request('/openapi.json');
  if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenAPI3;
  return header + astToString(await openapiTS(document));
}
