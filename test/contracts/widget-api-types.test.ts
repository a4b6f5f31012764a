import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateWidgetApiTypes, widgetApiTypesFile } from './widget-api-types.js';

describe('the widget’s API types', () => {
  it('are the ones the BFF’s OpenAPI document gives today', async () => {
    const committed = await readFile(widgetApiTypesFile, 'utf8');
    const current = await generateWidgetApiTypes();
    expect(
      current,
      'widget/src/api/bff-api.generated.ts no longer matches the BFF’s OpenAPI document: run `pnpm api-types`, ' +
        'then `pnpm typecheck` shows where the widget has to follow',
    ).toBe(committed);
  });
});
