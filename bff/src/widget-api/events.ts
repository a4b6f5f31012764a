import { z } from '@hono/zod-openapi';
import { EventStreamHeaders } from '@scc/contracts/operations';
import { problemResponses } from '@scc/contracts/problem';
import { createRouter } from '@scc/service-kit/openapi';
import { type Cockpit, fromCockpit, widgetClaims } from '../cockpit/cockpit-client.js';
import type { InProcessRevocations } from '../embed-sessions/session-revocations.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { widgetRoute } from './forwarding.js';

const eventsRoute = widgetRoute({
  method: 'get',
  path: '/events',
  tags: ['Widget operations'],
  summary: 'Live operation-request and tenant events of the caller’s subtree (Server-Sent Events)',
  description:
    'Read it with fetch streaming (it needs the Authorization header). After a drop, reconnect with ' +
    '`Last-Event-ID` set to the last `id:` received to get what was missed.',
  request: { headers: EventStreamHeaders },
  responses: {
    200: { description: 'An endless `text/event-stream`', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses,
  },
});

/**
 * The cockpit's stream, ended rather than failed when the cockpit connection drops: the widget
 * then reconnects with Last-Event-ID, and the server logs no broken response. It also ends when
 * `signal` aborts (the token expired, the session was revoked), whether or not the cockpit's
 * side noticed yet.
 */
function endQuietly(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener(
        'abort',
        () => {
          if (ended) return;
          ended = true;
          controller.close();
          void reader.cancel().catch(() => {});
        },
        { once: true },
      );
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (ended) return;
        if (done) {
          ended = true;
          controller.close();
        } else controller.enqueue(value);
      } catch {
        if (!ended) controller.close();
        ended = true;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The widget's live feed: the cockpit's event stream of the caller's subtree, passed through. */
export function eventRoutes(cockpit: Cockpit, revocations: InProcessRevocations) {
  return createRouter<WidgetEnv>().openapi(eventsRoute, async (c) => {
    const session = c.get('session');
    const claims = widgetClaims(session, c.get('host'));
    // Nobody listens beyond the token's life: the stream ends then, and the widget reconnects
    // with the fresh token it fetched meanwhile. A revoked session's stream ends at once, and its
    // reconnect is refused.
    const remaining = session.expiresAt.getTime() - Date.now();
    const revoked = new AbortController();
    const stopWatching = revocations.onRevoked(session.sessionId, () => revoked.abort());
    const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(Math.max(remaining, 0)), revoked.signal]);
    signal.addEventListener('abort', stopWatching, { once: true });
    // Otherwise the stream lives as long as the widget listens: when the browser goes away its
    // request's signal aborts the cockpit call, which closes the cockpit's stream.
    const upstream = await fromCockpit(
      () =>
        cockpit.v1['operation-requests'].stream.$get(
          { header: c.req.valid('header') },
          cockpit.actingFor(claims, { signal, requestId: c.var.requestId }),
        ),
      async (res) => {
        if (!res.body) throw new Error('no stream');
        return endQuietly(res.body, signal);
      },
    ).catch((error: unknown) => {
      stopWatching();
      throw error;
    });
    return c.body(upstream, 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'x-accel-buffering': 'no',
    });
  });
}
