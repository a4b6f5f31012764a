import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, problemResponses } from '@scc/contracts/problem';
import { PutQuotaBody, QuotaParams, QuotaSchema, UnitQuotasSchema } from '@scc/contracts/quotas';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { forwarding } from './forwarding.js';

/**
 * `/v1/widget/business-units/{id}/quotas…`: a unit's quotas and its admins' changes to its own, one
 * cockpit call each with the contract's schemas. The cockpit decides (tighten only, admin rights,
 * 404 outside the subtree); the BFF only forwards.
 */
export function quotaRoutes(cockpit: Cockpit) {
  const quotas = forwarding(cockpit, 'Widget: quotas');
  return createRouter<WidgetEnv>()
    .openapi(
      ...quotas.forward(
        (v1, { req }, caller) => v1['business-units'][':id'].quotas.$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/quotas',
          summary: 'The unit’s quotas: its own, the effective ones and its consumption (billing or admin)',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(UnitQuotasSchema, 'The quotas'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...quotas.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id'].quotas[':metric'].$put(
            { param: req.valid('param'), json: req.valid('json') },
            caller,
          ),
        {
          method: 'put',
          path: '/business-units/{id}/quotas/{metric}',
          summary: 'Sets the unit’s own soft and hard limit of a metric; only tighter than above (admin)',
          request: { params: QuotaParams, body: jsonBody(PutQuotaBody) },
          responses: { 200: jsonContent(QuotaSchema, 'The unit’s quota of the metric'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...quotas.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id'].quotas[':metric'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/business-units/{id}/quotas/{metric}',
          summary: 'Drops the unit’s own quota of a metric (admin)',
          request: { params: QuotaParams },
          responses: { 200: jsonContent(QuotaSchema, 'The unit’s quota of the metric'), ...changeProblemResponses },
        },
      ),
    );
}
