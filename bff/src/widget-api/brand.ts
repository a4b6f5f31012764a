import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { BusinessUnitIdParams, EffectiveBrandSchema } from '@scc/contracts/business-units';
import { LOGO_CONTENT_TYPES, sniffLogoType } from '@scc/contracts/images';
import { problemResponses } from '@scc/contracts/problem';
import { CallerSchema } from '@scc/contracts/session';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { asWidgetCaller, widgetRoute } from './forwarding.js';

/**
 * What the widget needs to start: who acts on which unit, and the brand that unit shows, so the
 * first paint is already in the reseller's colours.
 */
const WidgetSessionSchema = CallerSchema.extend({
  brand: EffectiveBrandSchema.openapi({
    description: 'The brand of the acting unit: its own or its nearest ancestor’s',
  }),
}).openapi('WidgetSession');

const sessionRoute = widgetRoute({
  method: 'get',
  path: '/session',
  tags: ['Widget'],
  responses: {
    200: jsonContent(WidgetSessionSchema, 'The signed-in user, acting business unit, roles and brand'),
    ...problemResponses,
  },
});

/**
 * Served as an image only in the type told from its bytes, never rendered as a document, and not
 * sniffed into anything else: a logo can never become a page of this origin.
 */
const LOGO_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'content-disposition': 'inline',
};

const logoRoute = widgetRoute({
  method: 'get',
  path: '/business-units/{id}/logo',
  tags: ['Widget: business units'],
  summary: 'The logo of the brand a unit shows',
  description:
    'Needs the widget token like every widget route, so a unit outside the caller’s subtree answers 404: the ' +
    'widget fetches it and shows it as a blob: URL (a host’s CSP needs `img-src blob:`). With `v` equal to the ' +
    'logo’s sha256 (the brand names it) the answer may be cached privately for good.',
  request: {
    params: BusinessUnitIdParams,
    query: z.strictObject({
      v: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: 'v', in: 'query' }, description: 'The sha256 the brand names' }),
    }),
  },
  responses: {
    200: {
      description: 'The image',
      content: Object.fromEntries(
        LOGO_CONTENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    304: { description: 'Unchanged since the ETag given in If-None-Match' },
    ...problemResponses,
  },
});

export function brandRoutes(cockpit: Cockpit) {
  const { v1 } = cockpit;
  return createRouter<WidgetEnv>()
    .openapi(sessionRoute, async (c) => {
      const caller = asWidgetCaller(cockpit, c);
      const param = { id: c.get('session').businessUnitId };
      const [me, brand] = await Promise.all([
        fromCockpit(
          () => v1.me.$get(undefined, caller),
          (res) => res.json(),
        ),
        fromCockpit(
          () => v1['business-units'][':id'].brand.$get({ param }, caller),
          (res) => res.json(),
        ),
      ]);
      return c.json({ ...me, brand: brand.effective }, 200);
    })
    .openapi(logoRoute, async (c) => {
      const logo = await fromCockpit(
        () => v1['business-units'][':id'].brand.logo.$get({ param: c.req.valid('param') }, asWidgetCaller(cockpit, c)),
        async (res) => {
          const bytes = new Uint8Array(await res.arrayBuffer());
          const contentType = sniffLogoType(bytes);
          if (!contentType) throw new Error('The stored logo is no image');
          return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
        },
      );
      const etag = `"${logo.sha256}"`;
      const headers = {
        ...LOGO_HEADERS,
        etag,
        'cache-control':
          c.req.valid('query').v === logo.sha256 ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      };
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
      return c.body(logo.bytes, 200, { ...headers, 'content-type': logo.contentType });
    });
}
