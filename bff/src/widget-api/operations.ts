import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  DraftSchema,
  DryRunSchema,
  IdempotencyHeaders,
  type OperationRequest,
  OperationRequestSchema,
  RejectionSchema,
} from '@scc/contracts/operations';
import { PROBLEM_CONTENT_TYPE, ProblemSchema, problemResponses } from '@scc/contracts/problem';
import { ProductSchema } from '@scc/contracts/products';
import { validationHook } from '@scc/service-kit/problem-handlers';
import { type CockpitConnection, cockpitFor, fromCockpit, widgetClaims } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { cockpitForWidget, json } from './forwarding.js';

/**
 * The widget's tenant operations: dry-run, submit, list, cancel, the products to order, and the
 * live event stream. Every call acts for the widget session's user through the typed cockpit
 * client; the cockpit validates, decides and scopes.
 */
const draftBody = { body: { required: true, content: { 'application/json': { schema: DraftSchema } } } } as const;

/** What the order form needs of a product. */
const WidgetProductSchema = ProductSchema.pick({ id: true, name: true, tenantTypes: true }).openapi('WidgetProduct');
type CockpitProduct = z.infer<typeof ProductSchema>;

const dryRunRoute = createRoute({
  method: 'post',
  path: '/operation-requests/dry-run',
  tags: ['Widget operations'],
  summary: 'Every validation and proposal for a draft; creates nothing',
  security: [{ widgetToken: [] }],
  request: draftBody,
  responses: { 200: json(DryRunSchema, 'Validations and determinations'), ...problemResponses },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/operation-requests',
  tags: ['Widget operations'],
  summary: 'Submits an operation request; a retry with the same Idempotency-Key returns the same request',
  security: [{ widgetToken: [] }],
  request: {
    ...draftBody,
    headers: IdempotencyHeaders,
  },
  responses: {
    200: json(OperationRequestSchema, 'The request this idempotency key created before'),
    202: json(OperationRequestSchema, 'Accepted: the request is queued'),
    409: {
      description: 'A guarantee of the database refused it (a race past the rules; try again)',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    },
    422: {
      description:
        'Rejected: each failed rule is one error. Or the Idempotency-Key was used before with a different body ' +
        '(type idempotency-key-reused); nothing is stored.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: RejectionSchema } },
    },
    ...problemResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/operation-requests',
  tags: ['Widget operations'],
  security: [{ widgetToken: [] }],
  request: {
    query: z.strictObject({
      state: z
        .enum(['open', 'done', ...OperationRequestSchema.shape.state.options])
        .optional()
        .openapi({ param: { name: 'state', in: 'query' }, description: '`open` (default), `done` or one state' }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(OperationRequestSchema) }).openapi('OperationRequestList'), 'Newest first'),
    ...problemResponses,
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/operation-requests/{id}/cancel',
  tags: ['Widget operations'],
  summary: 'Cancels a request not yet running, or takes back a termination within the retention period',
  security: [{ widgetToken: [] }],
  request: { params: z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: json(OperationRequestSchema, 'The cancelled request'),
    409: {
      description:
        'Too late to cancel, or taking back the termination would bring back a productive tenant the unit has no ' +
        'room for (rule max-live-productive)',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    },
    ...problemResponses,
  },
});

const productsRoute = createRoute({
  method: 'get',
  path: '/products',
  tags: ['Widget operations'],
  security: [{ widgetToken: [] }],
  responses: {
    200: json(z.object({ items: z.array(WidgetProductSchema) }).openapi('WidgetProductList'), 'Products to order'),
    ...problemResponses,
  },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Widget operations'],
  summary: 'Live operation-request and tenant events of the caller’s subtree (Server-Sent Events)',
  description:
    'Read it with fetch streaming (it needs the Authorization header). After a drop, reconnect with ' +
    '`Last-Event-ID` set to the last `id:` received to get what was missed.',
  security: [{ widgetToken: [] }],
  request: {
    headers: z.object({
      'last-event-id': z
        .string()
        .regex(/^\d{1,18}$/)
        .optional()
        .openapi({ param: { name: 'last-event-id', in: 'header' } }),
    }),
  },
  responses: {
    200: { description: 'An endless `text/event-stream`', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses,
  },
});

/**
 * The cockpit's stream, ended rather than failed when the cockpit connection drops: the widget
 * then reconnects with Last-Event-ID, and the server logs no broken response.
 */
function endQuietly(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

export function operationRoutes(cockpit: CockpitConnection) {
  const readRequest = async (res: Response) => OperationRequestSchema.parse(await res.json());

  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook })
    .openapi(dryRunRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const draft = c.req.valid('json');
      const result = await fromCockpit(
        () => client.v1['operation-requests']['dry-run'].$post({ json: draft }),
        async (res) => DryRunSchema.parse(await res.json()),
      );
      return c.json(result, 200);
    })
    .openapi(submitRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const draft = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      let status: 200 | 202 = 202;
      const request = await fromCockpit(
        () => client.v1['operation-requests'].$post({ json: draft, header: key ? { 'idempotency-key': key } : {} }),
        async (res) => {
          status = res.status === 200 ? 200 : 202;
          return readRequest(res);
        },
      );
      return c.json(request, status);
    })
    .openapi(listRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const { state = 'open' } = c.req.valid('query');
      const items = await fromCockpit(
        () =>
          client.v1['operation-requests'].$get({
            query: { state, limit: '500' },
          }),
        async (res) => ((await res.json()) as { items: OperationRequest[] }).items,
      );
      return c.json({ items }, 200);
    })
    .openapi(cancelRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const { id } = c.req.valid('param');
      const request = await fromCockpit(
        () => client.v1['operation-requests'][':id'].cancel.$post({ param: { id } }),
        readRequest,
      );
      return c.json(request, 200);
    })
    .openapi(productsRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const items = await fromCockpit(
        () => client.v1.products.$get(),
        async (res) => ((await res.json()) as { items: CockpitProduct[] }).items,
      );
      return c.json({ items: items.map(({ id, name, tenantTypes }) => ({ id, name, tenantTypes })) }, 200);
    })
    .openapi(eventsRoute, async (c) => {
      const session = c.get('session');
      const claims = widgetClaims(session, c.get('host'));
      const lastEventId = c.req.valid('header')['last-event-id'];
      // Nobody listens beyond the token's life: the stream ends then, and the widget reconnects
      // with the fresh token it fetched meanwhile.
      const remaining = (session.expiresAt?.getTime() ?? Date.now()) - Date.now();
      const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(Math.max(remaining, 0))]);
      // Otherwise the stream lives as long as the widget listens: when the browser goes away its
      // request's signal aborts the cockpit call, which closes the cockpit's stream.
      const upstream = await fromCockpit(
        () =>
          cockpitFor(cockpit, claims, signal).v1['operation-requests'].stream.$get({
            header: lastEventId ? { 'last-event-id': lastEventId } : {},
          }),
        async (res) => {
          if (!res.body) throw new Error('no stream');
          return endQuietly(res.body);
        },
      );
      return c.body(upstream, 200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'x-accel-buffering': 'no',
      });
    });
}
