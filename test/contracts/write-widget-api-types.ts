import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generateWidgetApiTypes, widgetApiTypesFile } from './widget-api-types.js';

await writeFile(widgetApiTypesFile, await generateWidgetApiTypes());
console.log(`Wrote ${relative(process.cwd(), widgetApiTypesFile)}`);
