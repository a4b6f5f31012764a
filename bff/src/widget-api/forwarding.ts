import { createRoute, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { ClientRequestOptions, ClientResponse } from 'hono/client';
import type { ContentfulStatusCode, SuccessStatusCode } from 'hono/utils/http-status';
import {
  bufferedAnswer,
  type Cockpit,
  type CockpitClient,
  fromCockpit,
  widgetClaims,
} from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { rateLimitedResponse } from '../rate-limits/middleware.js';

/** The options of a cockpit call acting for the widget session of this request. */
export function asWidgetCaller(cockpit: Cockpit, c: Context<WidgetEnv>): ClientRequestOptions {
  return cockpit.actingFor(widgetClaims(c.get('session'), c.get('host')), { requestId: c.var.requestId });
}

/** A route of the widget API; the widget token of an embed session authorizes it, within its rate limits (429). */
export function widgetRoute<R extends RouteConfig>(route: R) {
  return createRoute({
    ...route,
    responses: { ...route.responses, 429: rateLimitedResponse },
    security: [{ widgetToken: [] }],
  });
}

/** The context of a route's handler: its input validated with the route's schemas. */
type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, WidgetEnv>>[0];

/** The successes of a cockpit call, as answers of the widget route that forwards it. */
type Forwarded<Res> =
  Res extends ClientResponse<infer Body, infer Status, infer Format>
    ? Status extends SuccessStatusCode
      ? TypedResponse<Body, Status, Format>
      : never
    : never;

/**
 * The cockpit's JSON answer as it came: its bytes written on with its status and content type,
 * never parsed and serialized again. Anything but JSON is no answer the widget could read: it
 * throws, which {@link fromCockpit} turns into a 503.
 */
export function passThrough<Res extends ClientResponse<unknown, ContentfulStatusCode>>(
  c: Context,
  res: Res,
): Response & Forwarded<Res> {
  const whole = bufferedAnswer(res);
  const contentType = whole?.contentType ?? res.headers.get('content-type') ?? '';
  const body = whole?.bytes ?? res.body;
  if (!body || !/^application\/json\b/i.test(contentType)) throw new Error('The cockpit answered no JSON');
  // The body and status are the cockpit route's; the generic call hides them from the compiler.
  return c.body(body, res.status, { 'content-type': contentType }) as Response & Forwarded<Res>;
}

/**
 * Widget routes that make one cockpit call each and answer what the cockpit answered. The
 * route's schemas validate the input before the call; `.openapi(...forward(call, route))` checks
 * that the cockpit's answers are the ones the route declares. `call` passes `caller` on as the
 * options of its cockpit call: they carry the service token.
 */
export function forwarding(cockpit: Cockpit, tag: string) {
  return {
    forward<R extends RouteConfig, Res extends ClientResponse<unknown, ContentfulStatusCode>>(
      call: (v1: CockpitClient['v1'], c: RouteContext<R>, caller: ClientRequestOptions) => Promise<Res>,
      route: R,
    ) {
      const handler = (c: RouteContext<R>) =>
        fromCockpit(
          () => call(cockpit.v1, c, asWidgetCaller(cockpit, c)),
          (res) => passThrough(c, res),
        );
      return [widgetRoute({ tags: [tag], ...route }), handler] as const;
    },
    /** For answers without a body (204). */
    forwardNoContent<R extends RouteConfig>(
      call: (
        v1: CockpitClient['v1'],
        c: RouteContext<R>,
        caller: ClientRequestOptions,
      ) => Promise<ClientResponse<unknown>>,
      route: R,
    ) {
      const handler = async (c: RouteContext<R>) => {
        await fromCockpit(
          () => call(cockpit.v1, c, asWidgetCaller(cockpit, c)),
          async (res) => {
            await res.body?.cancel();
          },
        );
        return c.body(null, 204);
      };
      return [widgetRoute({ tags: [tag], ...route }), handler] as const;
    },
  };
}
