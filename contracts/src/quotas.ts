import { z } from '@hono/zod-openapi';
import { decimalString } from './billing.js';

/**
 * Quotas: per business unit and metric a soft limit (crossing it raises a `quota-exceeded` alert)
 * and a hard one (orders beyond it are refused, and the dry-run says why). Limits inherit down the
 * hierarchy and can only be tightened below: a unit's effective limit is the strictest on its path,
 * and consumption is counted over the unit's whole subtree. See docs/quotas.md.
 */

/** `stored_gb` (the subtree's latest stored GB) or `tenants.<type>` (its live tenants of a type). */
export const quotaMetric = z
  .string()
  .regex(/^(stored_gb|tenants\.[a-z][a-z0-9-]{0,39})$/, '`stored_gb` or `tenants.<tenant type>`')
  .openapi({ example: 'tenants.productive' });

/** Every unit's quotas list these, set or not; other tenant types once a quota on the path names them. */
export const listedQuotaMetrics = ['stored_gb', 'tenants.productive', 'tenants.test'] as const;

export const isTenantQuota = (metric: string) => metric.startsWith('tenants.');

/** Orders two decimal strings of `decimalString` exactly (no float holds a limit): negative, 0 or positive. */
export function compareDecimals(a: string, b: string): number {
  const key = (value: string) => {
    const [whole = '', fraction = ''] = value.split('.');
    return `${whole.replace(/^0+(?=\d)/, '').padStart(16, '0')}.${fraction.padEnd(6, '0')}`;
  };
  const [left, right] = [key(a), key(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

export const QuotaParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  metric: quotaMetric.openapi({ param: { name: 'metric', in: 'path' } }),
});

const limit = decimalString.nullable().optional();

export const PutQuotaBody = z
  .strictObject({
    softLimit: limit.openapi({ description: 'Crossing it raises a `quota-exceeded` alert; null: none' }),
    hardLimit: limit.openapi({ description: 'Orders that would go beyond it are refused; null: none' }),
  })
  .refine((body) => (body.softLimit ?? null) !== null || (body.hardLimit ?? null) !== null, {
    message: 'Give a soft or a hard limit',
    path: ['hardLimit'],
  })
  .refine(
    (body) => body.softLimit == null || body.hardLimit == null || compareDecimals(body.softLimit, body.hardLimit) <= 0,
    { message: 'The soft limit must not exceed the hard limit', path: ['softLimit'] },
  )
  .openapi('PutQuotaBody');
export type PutQuota = z.infer<typeof PutQuotaBody>;

export const QuotaLimitSchema = z
  .object({
    limit: decimalString,
    businessUnitId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Whose quota it is; null: a unit above the caller’s subtree' }),
    businessUnitName: z.string().nullable(),
  })
  .openapi('QuotaLimit');
export type QuotaLimit = z.infer<typeof QuotaLimitSchema>;

export const QuotaSchema = z
  .object({
    metric: quotaMetric,
    own: z
      .object({
        softLimit: decimalString.nullable(),
        hardLimit: decimalString.nullable(),
        /** A unit at or above the caller's acting unit set it: the caller may only tighten it. */
        tightenOnly: z.boolean(),
      })
      .nullable()
      .openapi({ description: 'The unit’s own quota; null: only what it inherits' }),
    effective: z
      .object({ soft: QuotaLimitSchema.nullable(), hard: QuotaLimitSchema.nullable() })
      .openapi({ description: 'The strictest limits on the unit’s path, its own included' }),
    consumption: decimalString.openapi({ description: 'Over the unit’s whole subtree' }),
    softExceeded: z.boolean(),
    hardReached: z.boolean(),
  })
  .openapi('Quota');
export type Quota = z.infer<typeof QuotaSchema>;

export const UnitQuotasSchema = z
  .object({ businessUnitId: z.uuid(), items: z.array(QuotaSchema) })
  .openapi('UnitQuotas');
export type UnitQuotas = z.infer<typeof UnitQuotasSchema>;
