import { z } from '@hono/zod-openapi';
import { cursorParam } from './pagination.js';

/**
 * What raises an alert. Each kind names what it is about in `subject`; the widget words it in
 * the reader's language, a host's webhook receiver gets the same fields plus an English summary.
 */
export const alertKinds = [
  'operation-failed',
  'operation-stuck',
  'retention-expiring',
  'quota-exceeded',
  'invoice-issued',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertSeverities = ['info', 'warning', 'critical'] as const;

const instant = z.string().openapi({ format: 'date-time' });

export const AlertSubjectSchema = z
  .object({
    operationRequestId: z.uuid().optional(),
    operationKind: z.string().optional(),
    tenantId: z.uuid().optional(),
    tenantName: z.string().optional(),
    /** retention-expiring: when the tenant is archived or deleted. */
    retainedUntil: instant.optional(),
    /** operation-failed: the request's error code. */
    errorCode: z.string().optional(),
    /** quota-exceeded: the metric (`stored_gb`, `tenants.<type>`), its soft limit and the consumption that crossed it. */
    metric: z.string().optional(),
    limit: z.string().optional(),
    consumption: z.string().optional(),
    /** invoice-issued: the invoice, its number with the seller and its month (`YYYY-MM`). */
    invoiceId: z.uuid().optional(),
    invoiceNumber: z.number().int().optional(),
    period: z.string().optional(),
    sellerName: z.string().optional(),
  })
  .openapi('AlertSubject');
export type AlertSubject = z.infer<typeof AlertSubjectSchema>;

export const AlertSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(alertKinds),
    severity: z.enum(alertSeverities),
    businessUnitId: z.uuid(),
    businessUnitName: z.string(),
    subject: AlertSubjectSchema,
    summary: z.string().openapi({ description: 'One English sentence, for logs and mails' }),
    raisedAt: instant,
    read: z.boolean().openapi({ description: 'Whether this caller has marked it read' }),
  })
  .openapi('Alert');
export type Alert = z.infer<typeof AlertSchema>;

export const AlertPageSchema = z
  .object({
    items: z.array(AlertSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().min(0).openapi({ description: 'Unread alerts of the caller’s subtree, at most 1000' }),
  })
  .openapi('AlertPage');
export type AlertPage = z.infer<typeof AlertPageSchema>;

/** More than this many unread alerts read "999+": counting further costs and tells nobody more. */
export const UNREAD_ALERT_CAP = 1000;

export const ListAlertsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'unread', in: 'query' }, description: '`true`: only those not read yet' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: cursorParam,
});

export const AlertIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const MarkAlertsReadBody = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(200).optional(),
    all: z.literal(true).optional().openapi({ description: 'Every alert of the caller’s subtree raised so far' }),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'Give either ids or all',
    path: ['ids'],
  })
  .openapi('MarkAlertsReadBody');

export const MarkedReadSchema = z
  .object({ marked: z.number().int().min(0), unread: z.number().int().min(0) })
  .openapi('MarkedRead');

/**
 * A host application's webhook endpoint: alerts of the unit's subtree are delivered there, signed
 * per Standard Webhooks with the endpoint's own secret.
 */
export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    businessUnitId: z.uuid(),
    kinds: z.array(z.enum(alertKinds)).openapi({ description: 'Empty: every kind' }),
    createdAt: instant,
  })
  .openapi('WebhookEndpoint');
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({ description: '`whsec_…`, shown this once: verify deliveries with it' }),
}).openapi('CreatedWebhookEndpoint');
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpointSchema>;

export const WebhookEndpointListSchema = z
  .object({ items: z.array(WebhookEndpointSchema) })
  .openapi('WebhookEndpointList');

/** Userinfo, fragments and non-web schemes have no place in a delivery address. */
const webhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((value) => {
    // An address that does not parse is the url check's to report.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === '' && url.password === '' && url.hash === '';
  }, 'No user, password or fragment');

export const CreateWebhookEndpointBody = z
  .strictObject({
    url: webhookUrl.openapi({ example: 'https://host.example/hooks/scc' }),
    businessUnitId: z
      .uuid()
      .optional()
      .openapi({ description: 'Alerts of this unit’s subtree; default: the host’s home unit' }),
    kinds: z.array(z.enum(alertKinds)).max(alertKinds.length).default([]),
  })
  .openapi('CreateWebhookEndpointBody');

export const WebhookEndpointIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

/** The `data` of a delivery: the alert as a host's receiver reads it. */
export const AlertWebhookDataSchema = AlertSchema.omit({ read: true }).openapi('AlertWebhookData');
export type AlertWebhookData = z.infer<typeof AlertWebhookDataSchema>;
