import { createRoute, z } from '@hono/zod-openapi';
import { type OpenedEmbedSession, RevokedEmbedSessionsSchema } from '@scc/contracts/embed-sessions';
import { SIGN_IN_REFUSED } from '@scc/contracts/identity-providers';
import { ProblemError, problemContent, problemResponses } from '@scc/contracts/problem';
import { singleLineText } from '@scc/contracts/text';
import { createRouter } from '@scc/service-kit/openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import type { HostKeys } from '../hosts/host-keys.js';
import type { HostApplication } from '../hosts/host-registry.js';
import { idTokenSignIn } from '../identity-providers/exchange.js';
import type { IdTokenVerifier } from '../identity-providers/id-token-verifier.js';
import { rateLimitedResponse } from '../rate-limits/middleware.js';
import type { InProcessRevocations } from './session-revocations.js';
import { MAX_TOKEN_AGE_SECONDS, type WidgetTokenIssuer } from './widget-token.js';

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
    userId: z
      .uuid()
      .openapi({ description: 'The user in the Service Control Center, to revoke all of their sessions' }),
    sessionId: z.uuid().openapi({
      description: 'The embed session, to revoke it (`DELETE /v1/embed-sessions/{id}`); each token opens its own',
    }),
  })
  .openapi('EmbedSession');

/** RFC 8693 token exchange, and RFC 7523's JWT bearer grant, with an ID token of the user. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

const compactJwt = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'A signed JWT in compact form');
const unitOfExchange = z.uuid().openapi({ description: 'Must lie inside the host’s home business unit' });

const TokenExchangeRequest = z
  .discriminatedUnion('grant_type', [
    z.strictObject({
      grant_type: z.literal(TOKEN_EXCHANGE_GRANT),
      subject_token: compactJwt.openapi({ description: 'The user’s ID token from a registered identity provider' }),
      subject_token_type: z.enum([ID_TOKEN_TYPE, JWT_TOKEN_TYPE]),
      businessUnitId: unitOfExchange,
    }),
    z.strictObject({
      grant_type: z.literal(JWT_BEARER_GRANT),
      assertion: compactJwt.openapi({ description: 'The user’s ID token from a registered identity provider' }),
      businessUnitId: unitOfExchange,
    }),
  ])
  .openapi('TokenExchangeRequest');

const TokenExchangeAnswer = EmbedSession.extend({
  access_token: z.string().openapi({ description: 'The widget token again, as RFC 8693 names it' }),
  issued_token_type: z.literal(JWT_TOKEN_TYPE),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
}).openapi('TokenExchangeAnswer');

const RevokeByUserRequest = z
  .strictObject({
    userId: z.uuid().openapi({ description: 'The user whose live sessions at this host end (the token’s `sub`)' }),
    reason: singleLineText(1, 200).optional().openapi({ example: 'signed out' }),
  })
  .openapi('RevokeEmbedSessionsRequest');

const SessionIdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The embed session (`sessionId`)' }),
});

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

const tokenExchangeRoute = createRoute({
  method: 'post',
  path: '/token-exchange',
  tags: ['Embed sessions'],
  summary: 'Called by a host’s backend: exchanges its user’s ID token for a widget session (single sign-on)',
  description:
    'Instead of an e-mail, the host presents the ID token its user signed in with at an identity provider the ' +
    'business unit (or an ancestor) registered. Form-encoded (RFC 8693 / RFC 7523) or JSON. The token must be ' +
    'signed with a key the provider publishes, name the registered issuer and audience and be within its ' +
    'lifetime (401 otherwise); its e-mail names a user homed under the registration, or one is provisioned when ' +
    'the registration allows it (403 otherwise, the same answer for every reason).',
  security: [{ hostApiKey: [] }],
  request: {
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: TokenExchangeRequest },
        'application/json': { schema: TokenExchangeRequest },
      },
    },
  },
  responses: {
    200: { description: 'The embed session', content: { 'application/json': { schema: TokenExchangeAnswer } } },
    403: problemContent('The user may not sign in to that business unit, or the e-mail is not verified'),
    415: problemContent('The body is neither form-encoded nor JSON'),
    422: problemContent('The token carries no e-mail address where the registration maps it from'),
    429: rateLimitedResponse,
    503: problemContent('The control center or the identity provider’s keys cannot be reached'),
    ...problemResponses,
  },
});

const revokeSessionRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['Embed sessions'],
  summary: 'Called by a host’s backend: ends one embed session at once',
  description:
    'Its widget token is refused from its next request on, in every BFF process, and its live event streams close. ' +
    'A session of another host, or none, answers 404; one that already ended answers 204 again.',
  security: [{ hostApiKey: [] }],
  request: { params: SessionIdParam },
  responses: { 204: { description: 'The session has ended' }, 429: rateLimitedResponse, ...problemResponses },
});

const revokeUserSessionsRoute = createRoute({
  method: 'post',
  path: '/revoke',
  tags: ['Embed sessions'],
  summary: 'Called by a host’s backend when its user signs out: ends every live embed session of the user',
  description: 'A user outside the host’s home business unit, or unknown, answers 404.',
  security: [{ hostApiKey: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: RevokeByUserRequest } } } },
  responses: {
    200: {
      description: 'The sessions this call ended',
      content: { 'application/json': { schema: RevokedEmbedSessionsSchema } },
    },
    415: problemContent('The body is not JSON'),
    429: rateLimitedResponse,
    ...problemResponses,
  },
});

export type HostEnv = { Variables: { host: HostApplication } };

const FORM = /^application\/x-www-form-urlencoded\b/i;

/** Host backends authenticate with their API key; browsers never see it. */
export function requireHostApiKey(keys: HostKeys) {
  return createMiddleware<HostEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const host = header.startsWith('Bearer ') ? await keys.authenticate(header.slice(7).trim()) : undefined;
    if (!host) throw ProblemError.of('unauthorized');
    const contentType = c.req.header('content-type') ?? '';
    const form = c.req.path.endsWith('/token-exchange') && FORM.test(contentType);
    if (c.req.method === 'POST' && !form && !/^application\/(.+\+)?json\b/i.test(contentType)) {
      throw ProblemError.of('unsupportedMediaType', 'Send the body as application/json');
    }
    c.set('host', host);
    await next();
  });
}

export function embedSessionRoutes(deps: {
  keys: HostKeys;
  tokens: WidgetTokenIssuer;
  cockpit: Cockpit;
  revocations: InProcessRevocations;
  idTokens: IdTokenVerifier;
  /** Runs on a mint once the host is known (its rate limit). */
  afterAuthentication?: MiddlewareHandler<HostEnv> | undefined;
}) {
  const { cockpit, revocations } = deps;
  const signInWithIdToken = idTokenSignIn(cockpit, deps.idTokens);
  const app = createRouter<HostEnv>();
  app.use('*', requireHostApiKey(deps.keys));
  if (deps.afterAuthentication) {
    app.post('/', deps.afterAuthentication);
    app.post('/token-exchange', deps.afterAuthentication);
  }
  /** This process refuses what it revoked at once; the others hear of it through their feeds. */
  const revokeHere = (sessions: { id: string; expiresAt: string }[]) => {
    for (const s of sessions) revocations.revoke(s.id, new Date(s.expiresAt));
  };
  /** The widget token of a session the cockpit opened, as the host's backend receives it. */
  const issue = async (host: HostApplication, businessUnitId: string, opened: OpenedEmbedSession) => {
    const { token, sessionId, expiresAt } = await deps.tokens.issue(
      { userId: opened.userId, businessUnitId, hostId: host.id },
      { sessionId: opened.id, expiresAt: new Date(opened.expiresAt) },
    );
    return {
      token,
      tokenType: 'Bearer' as const,
      expiresAt: expiresAt.toISOString(),
      expiresIn: Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000)),
      userId: opened.userId,
      sessionId,
    };
  };
  return app
    .openapi(createSessionRoute, async (c) => {
      const host = c.get('host');
      const { user, businessUnitId } = c.req.valid('json');
      const email = user.email.toLowerCase();
      const caller = cockpit.actingFor(
        { email, businessUnitId, homeBusinessUnitId: host.homeBusinessUnitId, hostId: host.id },
        { requestId: c.var.requestId },
      );
      // The cockpit resolves the user only inside the host's home subtree; anything else is
      // answered exactly like an unknown user, so a host cannot probe other subtrees.
      const opened = await fromCockpit(
        () =>
          // The session outlives every acceptance of its token (its `exp`, its maximum age).
          cockpit.v1['embed-sessions'].$post({ json: { expiresInSeconds: MAX_TOKEN_AGE_SECONDS } }, caller),
        (res) => res.json(),
      ).catch(async (error: unknown) => {
        if (error instanceof ProblemError && error.body.status === 401) {
          await cockpit.recordSecurityEvent(host, {
            action: 'embed-session.refused',
            businessUnitId,
            user: { email },
            detail: { reason: 'no such user with a role on that business unit' },
          });
          throw ProblemError.of('notFound', 'No such user with access to that business unit');
        }
        throw error;
      });
      return c.json(await issue(host, businessUnitId, opened), 201);
    })
    .openapi(tokenExchangeRoute, async (c) => {
      const host = c.get('host');
      const body = FORM.test(c.req.header('content-type') ?? '') ? c.req.valid('form') : c.req.valid('json');
      const { businessUnitId } = body;
      const request =
        body.grant_type === JWT_BEARER_GRANT
          ? { idToken: body.assertion, field: 'body.assertion', businessUnitId }
          : { idToken: body.subject_token, field: 'body.subject_token', businessUnitId };
      const call = { requestId: c.var.requestId };
      const { userId, identityProvider } = await signInWithIdToken(host, request, call);
      const opened = await fromCockpit(
        () =>
          cockpit.v1['embed-sessions'].$post(
            { json: { expiresInSeconds: MAX_TOKEN_AGE_SECONDS, identityProvider } },
            cockpit.actingFor(
              { sub: userId, businessUnitId, homeBusinessUnitId: host.homeBusinessUnitId, hostId: host.id },
              call,
            ),
          ),
        (res) => res.json(),
      ).catch(async (error: unknown) => {
        // A known user without a role there: refused like every other user the provider may not sign in.
        if (error instanceof ProblemError && error.body.status === 401) {
          await cockpit.recordSecurityEvent(host, {
            action: 'embed-session.refused',
            businessUnitId,
            user: { id: userId },
            detail: { grant: 'token-exchange', reason: SIGN_IN_REFUSED, issuer: identityProvider.issuer },
          });
          throw ProblemError.of('forbidden', SIGN_IN_REFUSED);
        }
        throw error;
      });
      const session = await issue(host, businessUnitId, opened);
      return c.json(
        {
          ...session,
          access_token: session.token,
          issued_token_type: JWT_TOKEN_TYPE as typeof JWT_TOKEN_TYPE,
          token_type: 'Bearer' as const,
          expires_in: session.expiresIn,
        },
        200,
      );
    })
    .openapi(revokeUserSessionsRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      const answer = await fromCockpit(
        () =>
          cockpit.v1.hosts['embed-sessions'].revoke.$post(
            { json: body },
            cockpit.actingForHost(host, { requestId: c.var.requestId }),
          ),
        (res) => res.json(),
      );
      revokeHere(answer.revoked);
      return c.json(answer, 200);
    })
    .openapi(revokeSessionRoute, async (c) => {
      const host = c.get('host');
      const { id } = c.req.valid('param');
      const answer = await fromCockpit(
        () =>
          cockpit.v1.hosts['embed-sessions'].revoke.$post(
            { json: { sessionId: id } },
            cockpit.actingForHost(host, { requestId: c.var.requestId }),
          ),
        (res) => res.json(),
      );
      revokeHere(answer.revoked);
      return c.body(null, 204);
    });
}
