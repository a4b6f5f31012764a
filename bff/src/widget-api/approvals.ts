import {
  ApprovalIdParams,
  ApprovalPageSchema,
  ApprovalPolicyParams,
  ApprovalPolicyQuery,
  ApprovalPolicySchema,
  ApprovalSchema,
  DecideApprovalBody,
  ListApprovalsQuery,
  PutApprovalPolicyBody,
} from '@scc/contracts/approvals';
import { problemContent, problemResponses } from '@scc/contracts/problem';
import { riskyChangeProblemResponses, stepUpRequiredResponse } from '@scc/contracts/step-up';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { forwarding } from './forwarding.js';

const decisionResponses = {
  200: jsonContent(ApprovalSchema, 'The decision is recorded; the approval as it stands now'),
  ...problemResponses,
  403: stepUpRequiredResponse('The caller requested it (another admin must decide), or a step-up is required'),
  409: problemContent('Decided already, or expired (rule approval-expired)'),
} as const;

/** Four eyes (contracts/src/approvals.ts): pending approvals, decisions, and the units' approval policies. */
export function approvalRoutes(cockpit: Cockpit) {
  const approvals = forwarding(cockpit, 'Widget: approvals');
  return createRouter<WidgetEnv>()
    .openapi(
      ...approvals.forward((v1, { req }, caller) => v1.approvals.$get({ query: req.valid('query') }, caller), {
        method: 'get',
        path: '/approvals',
        summary: 'Approvals of the caller’s subtree; `state=pending`: what this caller may decide now',
        request: { query: ListApprovalsQuery },
        responses: { 200: jsonContent(ApprovalPageSchema, 'A page of approvals'), ...problemResponses },
      }),
    )
    .openapi(
      ...approvals.forward((v1, { req }, caller) => v1.approvals[':id'].$get({ param: req.valid('param') }, caller), {
        method: 'get',
        path: '/approvals/{id}',
        summary: 'One approval',
        request: { params: ApprovalIdParams },
        responses: { 200: jsonContent(ApprovalSchema, 'The approval'), ...problemResponses },
      }),
    )
    .openapi(
      ...approvals.forward(
        (v1, { req }, caller) =>
          v1.approvals[':id'].approve.$post({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/approvals/{id}/approve',
          summary: 'Approve; with the quorum reached the request is queued (a move runs)',
          request: { params: ApprovalIdParams, body: jsonBody(DecideApprovalBody) },
          responses: decisionResponses,
        },
      ),
    )
    .openapi(
      ...approvals.forward(
        (v1, { req }, caller) =>
          v1.approvals[':id'].reject.$post({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/approvals/{id}/reject',
          summary: 'Reject; the request ends rejected, a move is not made',
          request: { params: ApprovalIdParams, body: jsonBody(DecideApprovalBody) },
          responses: decisionResponses,
        },
      ),
    )
    .openapi(
      ...approvals.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['approval-policies'][':subject'].$get(
            { param: req.valid('param'), query: req.valid('query') },
            caller,
          ),
        {
          method: 'get',
          path: '/business-units/{id}/approval-policies/{subject}',
          summary: 'The approval policy that holds at a unit for a subject (and product)',
          request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery },
          responses: { 200: jsonContent(ApprovalPolicySchema, 'The policy'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...approvals.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['approval-policies'][':subject'].$put(
            { param: req.valid('param'), query: req.valid('query'), json: req.valid('json') },
            caller,
          ),
        {
          method: 'put',
          path: '/business-units/{id}/approval-policies/{subject}',
          summary: 'Set the unit’s own approval policy for a subject (admin on the unit)',
          request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery, body: jsonBody(PutApprovalPolicyBody) },
          responses: { 200: jsonContent(ApprovalPolicySchema, 'The policy'), ...riskyChangeProblemResponses },
        },
      ),
    )
    .openapi(
      ...approvals.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['approval-policies'][':subject'].$delete(
            { param: req.valid('param'), query: req.valid('query') },
            caller,
          ),
        {
          method: 'delete',
          path: '/business-units/{id}/approval-policies/{subject}',
          summary: 'Clear the unit’s own approval policy for a subject',
          request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery },
          responses: { 200: jsonContent(ApprovalPolicySchema, 'The policy'), ...riskyChangeProblemResponses },
        },
      ),
    );
}
