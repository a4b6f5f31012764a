import { createRouter } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { InProcessRevocations } from '../embed-sessions/session-revocations.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { alertRoutes } from './alerts.js';
import { approvalRoutes } from './approvals.js';
import { billingRoutes } from './billing.js';
import { brandRoutes } from './brand.js';
import { eventRoutes } from './events.js';
import { forwardedRoutes } from './forwarded.js';
import { quotaRoutes } from './quotas.js';
import { stepUpRoutes } from './step-up.js';
import { viewRoutes } from './views.js';

/**
 * The widget's API: the session and brand logos (`brand.ts`), routes forwarded to the cockpit as
 * they are (`forwarded.ts`), TOTP step-up (`step-up.ts`), views shaped for a screen region (`views.ts`) and the live feed
 * (`events.ts`), alerts (`alerts.ts`) and quotas (`quotas.ts`). Items keep the cockpit's shapes.
 */
export function widgetApiRoutes(cockpit: Cockpit, revocations: InProcessRevocations) {
  return createRouter<WidgetEnv>()
    .route('/', brandRoutes(cockpit))
    .route('/', forwardedRoutes(cockpit))
    .route('/', approvalRoutes(cockpit))
    .route('/', stepUpRoutes(cockpit))
    .route('/', viewRoutes(cockpit))
    .route('/', alertRoutes(cockpit))
    .route('/', quotaRoutes(cockpit))
    .route('/', eventRoutes(cockpit, revocations))
    .route('/billing', billingRoutes(cockpit));
}
