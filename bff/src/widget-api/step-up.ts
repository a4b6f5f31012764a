import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { problemResponses } from '@scc/contracts/problem';
import {
  ConfirmTotpEnrolmentBody,
  codeCheckProblemResponses,
  PutTotpPolicyBody,
  riskyChangeProblemResponses,
  StartTotpEnrolmentBody,
  StepUpBody,
  StepUpPassedSchema,
  StepUpStatusSchema,
  stepUpRequiredResponse,
  TotpEnrolledSchema,
  TotpEnrolmentSchema,
  TotpPolicySchema,
} from '@scc/contracts/step-up';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { forwarding } from './forwarding.js';

/**
 * TOTP step-up as the cockpit decides it: the user's enrolment, the step-up of this widget
 * session, and a unit's policy. The cockpit checks codes, counts failures and locks; the BFF
 * limits how fast a user may try (`step-up-per-user`, app.ts).
 */
export function stepUpRoutes(cockpit: Cockpit) {
  const stepUp = forwarding(cockpit, 'Widget: step-up');
  return createRouter<WidgetEnv>()
    .openapi(
      ...stepUp.forward((v1, _c, caller) => v1['step-up'].$get({}, caller), {
        method: 'get',
        path: '/step-up',
        summary: 'Whether the acting unit requires TOTP, whether the user has enrolled, and this session’s step-up',
        responses: { 200: jsonContent(StepUpStatusSchema, 'The step-up status'), ...problemResponses },
      }),
    )
    .openapi(
      ...stepUp.forward((v1, { req }, caller) => v1['step-up'].$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/step-up',
        summary: 'Passes a step-up for this widget session with a TOTP code or a recovery code',
        description:
          'A code works once; wrong codes count, and at the limit verification locks (429 with Retry-After).',
        request: { body: jsonBody(StepUpBody) },
        responses: { 200: jsonContent(StepUpPassedSchema, 'Passed'), ...codeCheckProblemResponses },
      }),
    )
    .openapi(
      ...stepUp.forward((v1, { req }, caller) => v1['step-up'].enrolment.$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/step-up/enrolment',
        summary: 'Starts a TOTP enrolment: the secret, its otpauth URI and its QR code',
        request: { body: jsonBody(StartTotpEnrolmentBody) },
        responses: {
          201: jsonContent(TotpEnrolmentSchema, 'The secret to add to an authenticator app'),
          ...problemResponses,
          403: stepUpRequiredResponse('Replacing a confirmed authenticator needs a fresh step-up with it'),
        },
      }),
    )
    .openapi(
      ...stepUp.forward(
        (v1, { req }, caller) => v1['step-up'].enrolment.confirm.$post({ json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/step-up/enrolment/confirm',
          summary: 'Confirms the enrolment with a first code; answers the recovery codes, this once',
          request: { body: jsonBody(ConfirmTotpEnrolmentBody) },
          responses: {
            200: jsonContent(TotpEnrolledSchema, 'Enrolled; this session has passed a step-up'),
            ...codeCheckProblemResponses,
          },
        },
      ),
    )
    .openapi(
      ...stepUp.forward(
        (v1, { req }, caller) => v1['business-units'][':id']['totp-policy'].$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/totp-policy',
          summary: 'Whether a unit requires TOTP step-up, itself or through a unit above',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(TotpPolicySchema, 'The unit’s TOTP policy'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...stepUp.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['totp-policy'].$put(
            { param: req.valid('param'), json: req.valid('json') },
            caller,
          ),
        {
          method: 'put',
          path: '/business-units/{id}/totp-policy',
          summary: 'Require TOTP step-up in a unit’s subtree, or stop requiring it there (admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(PutTotpPolicyBody) },
          responses: { 200: jsonContent(TotpPolicySchema, 'The unit’s TOTP policy'), ...riskyChangeProblemResponses },
        },
      ),
    );
}
