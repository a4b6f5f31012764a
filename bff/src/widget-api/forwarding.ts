import { createRoute, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { ClientResponse } from 'hono/client';
import type { ContentfulStatusCode, SuccessStatusCode } from 'hono/utils/http-status';
import {
  type CockpitClient,
  type CockpitConnection,
  cockpitFor,
  fromCockpit,
  widgetClaims,
} from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';

/** The typed cockpit client acting for the widget session of this request. */
export function cockpitForWidget(cockpit: CockpitConnection, c: Context<WidgetEnv>): CockpitClient {
  return cockpitFor(cockpit, widgetClaims(c.get('session'), c.get('host')));
}

/** A route of the widget API; the widget token of an embed session authorizes it. */
export function widgetRoute<R extends RouteConfig>(route: R) {
  return createRoute({ ...route, security: [{ widgetToken: [] }] });
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
 * Widget routes that make one cockpit call each and answer what the cockpit answered. The
 * route's schemas validate the input before the call; `.openapi(...forward(call, route))` checks
 * that the cockpit's answers are the ones the route declares.
 */
export function forwarding(cockpit: CockpitConnection, tag: string) {
  return {
    forward<R extends RouteConfig, Res extends ClientResponse<unknown, ContentfulStatusCode>>(
      call: (v1: CockpitClient['v1'], c: RouteContext<R>) => Promise<Res>,
      route: R,
    ) {
      const handler = async (c: RouteContext<R>) => {
        const answer = await fromCockpit(
          () => call(cockpitForWidget(cockpit, c).v1, c),
          async (res: ClientResponse<unknown, ContentfulStatusCode>) => c.json(await res.json(), res.status),
        );
        // The body and status are the cockpit route's; the generic call hides them from the compiler.
        return answer as Response & Forwarded<Res>;
      };
      return [widgetRoute({ tags: [tag], ...route }), handler] as const;
    },
    /** For answers without a body (204). */
    forwardNoContent<R extends RouteConfig>(
      call: (v1: CockpitClient['v1'], c: RouteContext<R>) => Promise<ClientResponse<unknown>>,
      route: R,
    ) {
      const handler = async (c: RouteContext<R>) => {
        await fromCockpit(
          () => call(cockpitForWidget(cockpit, c).v1, c),
          async () => undefined,
        );
        return c.body(null, 204);
      };
      return [widgetRoute({ tags: [tag], ...route }), handler] as const;
    },
  };
}
