import { createRoute, z } from '@hono/zod-openapi';
import { ProblemError, problemContent, problemResponses } from '@scc/contracts/problem';
import { createRouter } from '@scc/service-kit/openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import type { HostApplication, HostRegistry } from '../hosts/host-registry.js';
import { rateLimitedResponse } from '../rate-limits/middleware.js';
import type { WidgetTokenIssuer } from './widget-token.js';

const EmbedSessionRequest = z
  .strictObject({
    user: z.strictObject({
      email: z.email().max(320).openapi({ example: 'casey@contoso.example' }),
    }),
    businessUnitId: z.uuid().openapi({ description: 'Must lie inside the host’s home business unit' }),
  })
  .openapi('EmbedSessionRequest');

const EmbedSession = z
  .object({
    token: z.string().openapi({ description: 'ES256 JWT for the widget’s Authorization header' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the token expires' }),
  })
  .openapi('EmbedSession');

const createSessionRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Embed sessions'],
  summary: 'Called by a host’s backend: opens a short-lived widget session for its signed-in user',
  security: [{ hostApiKey: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: EmbedSessionRequest } } } },
  responses: {
    201: { description: 'The embed session', content: { 'application/json': { schema: EmbedSession } } },
    415: problemContent('The body is not JSON'),
    429: rateLimitedResponse,
    ...problemResponses,
  },
});

type HostEnv = { Variables: { host: HostApplication } };

/** Host backends authenticate with their API key; browsers never see it. */
function requireHostApiKey(hosts: HostRegistry) {
  return createMiddleware<HostEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const host = header.startsWith('Bearer ') ? hosts.authenticate(header.slice(7).trim()) : undefined;
    if (!host) throw ProblemError.of('unauthorized');
    if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw ProblemError.of('unsupportedMediaType', 'Send the body as application/json');
    }
    c.set('host', host);
    await next();
  });
}

export function embedSessionRoutes(deps: {
  hosts: HostRegistry;
  tokens: WidgetTokenIssuer;
  cockpit: Cockpit;
  /** Runs once the host is known (its rate limit). */
  afterAuthentication?: MiddlewareHandler<HostEnv> | undefined;
}) {
  const app = createRouter<HostEnv>();
  app.use('/', requireHostApiKey(deps.hosts));
  if (deps.afterAuthentication) app.use('/', deps.afterAuthentication);
  return app.openapi(createSessionRoute, async (c) => {
    const host = c.get('host');
    const { user, businessUnitId } = c.req.valid('json');
    const caller = deps.cockpit.actingFor(
      {
        email: user.email.toLowerCase(),
        businessUnitId,
        homeBusinessUnitId: host.homeBusinessUnitId,
        hostId: host.id,
      },
      { requestId: c.var.requestId },
    );
    // The cockpit resolves the user only inside the host's home subtree; anything else is
    // answered exactly like an unknown user, so a host cannot probe other subtrees.
    const me = await fromCockpit(
      () => deps.cockpit.v1.me.$get(undefined, caller),
      (res) => res.json(),
    ).catch((error: unknown) => {
      if (error instanceof ProblemError && error.body.status === 401) {
        throw ProblemError.of('notFound', 'No such user with access to that business unit');
      }
      throw error;
    });
    const { token, expiresAt } = await deps.tokens.issue({ userId: me.user.id, businessUnitId, hostId: host.id });
    const expiresIn = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
    return c.json({ token, tokenType: 'Bearer' as const, expiresAt: expiresAt.toISOString(), expiresIn }, 201);
  });
}
