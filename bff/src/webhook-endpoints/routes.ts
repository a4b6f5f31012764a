import { createRoute } from '@hono/zod-openapi';
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointBody,
  WebhookEndpointIdParams,
  WebhookEndpointListSchema,
} from '@scc/contracts/alerts';
import { changeProblemResponses, problemResponses } from '@scc/contracts/problem';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import { type HostEnv, requireHostApiKey } from '../embed-sessions/routes.js';
import type { HostKeys } from '../hosts/host-keys.js';
import { passThrough } from '../widget-api/forwarding.js';

const tags = ['Alert webhooks'];
const security = [{ hostApiKey: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Called by a host’s backend: its endpoints that receive alerts',
  responses: { 200: jsonContent(WebhookEndpointListSchema, 'The endpoints'), ...problemResponses },
});

const createEndpointRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Called by a host’s backend: receive the alerts of a unit’s subtree as signed webhooks',
  description:
    'Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; type ' +
    '`alert.raised`, data: Alert without `read`), signed with the `secret` of this answer, which is shown only here. ' +
    'Without `businessUnitId` the host’s home unit; a unit outside it answers 404.',
  request: { body: jsonBody(CreateWebhookEndpointBody) },
  responses: {
    201: jsonContent(CreatedWebhookEndpointSchema, 'The endpoint and its secret'),
    ...changeProblemResponses,
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  security,
  summary: 'Called by a host’s backend: stop delivering to an endpoint',
  request: { params: WebhookEndpointIdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses },
});

/** A host's backend manages where its alerts go, with its API key; the cockpit keeps the endpoints. */
export function webhookEndpointRoutes(deps: { keys: HostKeys; cockpit: Cockpit }) {
  const { cockpit } = deps;
  const app = createRouter<HostEnv>();
  app.use('*', requireHostApiKey(deps.keys));
  const asHost = (c: { get(key: 'host'): HostEnv['Variables']['host']; var: { requestId: string } }) =>
    cockpit.actingForHost(c.get('host'), { requestId: c.var.requestId });
  return app
    .openapi(listRoute, (c) =>
      fromCockpit(
        () => cockpit.v1.hosts['webhook-endpoints'].$get({}, asHost(c)),
        (res) => passThrough(c, res),
      ),
    )
    .openapi(createEndpointRoute, (c) =>
      fromCockpit(
        () => cockpit.v1.hosts['webhook-endpoints'].$post({ json: c.req.valid('json') }, asHost(c)),
        (res) => passThrough(c, res),
      ),
    )
    .openapi(removeRoute, async (c) => {
      await fromCockpit(
        () => cockpit.v1.hosts['webhook-endpoints'][':id'].$delete({ param: c.req.valid('param') }, asHost(c)),
        async (res) => {
          await res.body?.cancel();
        },
      );
      return c.body(null, 204);
    });
}
