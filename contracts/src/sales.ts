import { z } from '@hono/zod-openapi';
import { singleLineText } from './text.js';

const day = z.iso.date();

export const SalesContractSchema = z
  .strictObject({
    businessUnitId: z.uuid(),
    productCode: singleLineText(1, 50),
    sla: singleLineText(1, 50),
    options: z.strictObject({ extraTestTenants: z.number().int().min(0).max(1000).optional() }).default({}),
    startsOn: day,
    endsOn: day.nullable().optional(),
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'Ends before it starts' })
  .openapi('SalesContract');

export const ContractSchema = z
  .object({
    id: z.uuid(),
    externalRef: z.string(),
    businessUnitId: z.uuid(),
    productId: z.uuid(),
    sla: z.string(),
    options: z.object({ extraTestTenants: z.number().int().optional() }),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  })
  .openapi('Contract');
