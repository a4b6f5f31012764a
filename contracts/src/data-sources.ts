import { z } from '@hono/zod-openapi';
import { singleLineText, storableText } from './text.js';

const attributes = z
  .record(storableText(1, 100), z.union([storableText(0, 2000), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 50, { message: 'At most 50 attributes' })
  .openapi({ example: { host: 'bk-01.example', port: 8443 } });

export const DataSourceSchema = z
  .object({
    id: z.uuid(),
    businessUnitId: z.uuid(),
    kind: z.string().openapi({ example: 'backup-server' }),
    externalRef: z.string().openapi({ description: 'The id of this system in its own world' }),
    name: z.string(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsageDay: z.string().nullable().openapi({
      description: 'The latest day a collector reported usage for (YYYY-MM-DD); null: none yet',
      example: '2026-10-31',
    }),
  })
  .openapi('DataSource');

export type DataSource = z.infer<typeof DataSourceSchema>;

export const DataSourceListSchema = z.object({ items: z.array(DataSourceSchema) }).openapi('DataSourceList');

const kind = singleLineText(1, 50);
const externalRef = singleLineText(1, 200);
const name = singleLineText(1, 200);

export const CreateDataSourceBody = z
  .strictObject({ kind, externalRef, name, attributes: attributes.optional() })
  .openapi('CreateDataSource');

export const UpdateDataSourceBody = z
  .strictObject({
    kind: kind.optional(),
    externalRef: externalRef.optional(),
    name: name.optional(),
    attributes: attributes.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Give at least one field' })
  .openapi('UpdateDataSource');

export const DataSourceIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
