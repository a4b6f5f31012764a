import { AlertPageSchema, ListAlertsQuery, MarkAlertsReadBody, MarkedReadSchema } from '@scc/contracts/alerts';
import { problemResponses } from '@scc/contracts/problem';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { forwarding } from './forwarding.js';

/** The widget's notification list: alerts of the caller's subtree and what the caller has read. */
export function alertRoutes(cockpit: Cockpit) {
  const alerts = forwarding(cockpit, 'Widget: alerts');
  return createRouter<WidgetEnv>()
    .openapi(
      ...alerts.forward((v1, { req }, caller) => v1.alerts.$get({ query: req.valid('query') }, caller), {
        method: 'get',
        path: '/alerts',
        summary: 'Alerts of the caller’s subtree, newest first, with the unread count',
        description: 'New ones also arrive live as `alert` events of `/v1/widget/events`.',
        request: { query: ListAlertsQuery },
        responses: { 200: jsonContent(AlertPageSchema, 'A page of alerts'), ...problemResponses },
      }),
    )
    .openapi(
      ...alerts.forward((v1, { req }, caller) => v1.alerts.read.$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/alerts/read',
        summary: 'Marks alerts read for the caller (by id, or all)',
        request: { body: jsonBody(MarkAlertsReadBody) },
        responses: {
          200: jsonContent(MarkedReadSchema, 'How many changed, and what stays unread'),
          ...problemResponses,
        },
      }),
    );
}
