import { randomBytes } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import {
  type AlertKind,
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointBody,
  type WebhookEndpoint,
  WebhookEndpointIdParams,
  WebhookEndpointListSchema,
} from '@scc/contracts/alerts';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { type Database, type Transaction, webhookEndpoints, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { lockBusinessUnit } from '../business-units/queries.js';
import { type HostCaller, type HostEnv, hostActor } from '../embed-sessions/host-caller.js';
import type { Sealer } from '../step-up/secret-box.js';

const tags = ['Host'];

const columns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  businessUnitId: webhookEndpoints.businessUnitId,
  kinds: webhookEndpoints.kinds,
  createdAt: sql<string>`to_char(${webhookEndpoints.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

type Row = { id: string; url: string; businessUnitId: string; kinds: string[]; createdAt: string };
const view = (row: Row): WebhookEndpoint => ({ ...row, kinds: row.kinds as AlertKind[] });

/** A host sees and changes only its own endpoints, and only in its home subtree. */
const ofHost = (host: HostCaller) =>
  and(eq(webhookEndpoints.hostId, host.hostId), sql`${webhookEndpoints.buPath} <@ ${host.scopePath}::ltree`);

const listRoute = createRoute({
  method: 'get',
  path: '/webhook-endpoints',
  tags,
  summary: 'The host’s webhook endpoints for alerts',
  responses: { 200: jsonContent(WebhookEndpointListSchema, 'The endpoints'), ...problemResponses },
});

const createEndpointRoute = createRoute({
  method: 'post',
  path: '/webhook-endpoints',
  tags,
  summary: 'Registers an endpoint that receives the alerts of a unit’s subtree as signed webhooks',
  description:
    'Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), signed with the ' +
    '`secret` of this answer, which is shown only here.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateWebhookEndpointBody } } } },
  responses: {
    201: jsonContent(CreatedWebhookEndpointSchema, 'The endpoint and its secret'),
    ...changeProblemResponses,
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/webhook-endpoints/{id}',
  tags,
  summary: 'Removes an endpoint; deliveries not made yet are dropped',
  request: { params: WebhookEndpointIdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses },
});

/** `whsec_` and 32 random bytes, the form Standard Webhooks libraries read. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export function webhookEndpointRoutes(db: Database, secrets: Sealer, options: { allowHttp: boolean }) {
  return createRouter<HostEnv>()
    .openapi(listRoute, async (c) => {
      const host = c.get('host');
      const rows = await withScope(
        db,
        host,
        (tx) => tx.select(columns).from(webhookEndpoints).where(ofHost(host)).orderBy(desc(webhookEndpoints.createdAt)),
        { readOnly: true },
      );
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(createEndpointRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      if (!options.allowHttp && new URL(body.url).protocol !== 'https:') {
        throw ProblemError.of('validation', 'Invalid body.url', [
          { field: 'body.url', message: 'Must be an https URL' },
        ]);
      }
      const secret = newSecret();
      const created = await withScope(db, host, async (tx: Transaction) => {
        const unit = await lockBusinessUnit(tx, host, body.businessUnitId ?? host.homeBusinessUnitId);
        if (!unit) throw ProblemError.of('notFound', 'No such business unit in the host’s subtree');
        const id = crypto.randomUUID();
        const [row] = await tx
          .insert(webhookEndpoints)
          .values({
            id,
            hostId: host.hostId,
            businessUnitId: unit.id,
            url: body.url,
            kinds: [...new Set(body.kinds)],
            sealedSecret: secrets.seal(id, secret),
            buPath: unit.path,
          })
          .returning(columns);
        if (!row) throw new Error('the endpoint was not stored');
        await recordAudit(tx, hostActor(host), {
          action: 'webhook-endpoint.registered',
          entityType: 'webhook-endpoint',
          entityId: row.id,
          businessUnit: unit,
          before: null,
          after: { url: row.url, kinds: row.kinds },
        });
        return row;
      });
      return c.json({ ...view(created), secret }, 201);
    })
    .openapi(removeRoute, async (c) => {
      const host = c.get('host');
      const { id } = c.req.valid('param');
      await withScope(db, host, async (tx) => {
        const [removed] = await tx
          .delete(webhookEndpoints)
          .where(and(ofHost(host), eq(webhookEndpoints.id, id)))
          .returning({
            id: webhookEndpoints.id,
            url: webhookEndpoints.url,
            businessUnitId: webhookEndpoints.businessUnitId,
            buPath: webhookEndpoints.buPath,
          });
        if (!removed) throw ProblemError.of('notFound', 'No such webhook endpoint of this host');
        await recordAudit(tx, hostActor(host), {
          action: 'webhook-endpoint.removed',
          entityType: 'webhook-endpoint',
          entityId: removed.id,
          businessUnit: { id: removed.businessUnitId, path: removed.buPath },
          before: { url: removed.url },
          after: null,
        });
      });
      return c.body(null, 204);
    });
}
