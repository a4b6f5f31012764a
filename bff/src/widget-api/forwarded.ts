import { ApprovalSchema } from '@scc/contracts/approvals';
import { AuditEventPageSchema, ListAuditEventsQuery } from '@scc/contracts/audit';
import {
  BreadcrumbsSchema,
  BusinessUnitBrandSchema,
  BusinessUnitIdParams,
  BusinessUnitSchema,
  CreateBusinessUnitBody,
  PutBrandBody,
  UpdateBusinessUnitBody,
} from '@scc/contracts/business-units';
import {
  CreateDataSourceBody,
  DataSourceIdParams,
  DataSourceListSchema,
  DataSourceSchema,
  UpdateDataSourceBody,
} from '@scc/contracts/data-sources';
import { MoveBody, MovePreviewSchema, MoveResultSchema } from '@scc/contracts/hierarchy';
import {
  DraftSchema,
  DryRunSchema,
  IdempotencyHeaders,
  ListOperationRequestsQuery,
  OperationRequestIdParams,
  OperationRequestPageSchema,
  OperationRequestSchema,
  RejectionSchema,
} from '@scc/contracts/operations';
import { changeProblemResponses, PROBLEM_CONTENT_TYPE, problemContent, problemResponses } from '@scc/contracts/problem';
import { riskyChangeProblemResponses, stepUpRequiredResponse } from '@scc/contracts/step-up';
import { TenantIdParams } from '@scc/contracts/tenants';
import {
  NewProfileVersionBody,
  ProfileVersionParams,
  ProfileVersionSchema,
  SolutionProfileSchema,
  TenantExtensionsSchema,
  TransportDraftSchema,
  TransportPreviewSchema,
} from '@scc/contracts/transports';
import {
  CreateUserBody,
  GrantRoleBody,
  ListUsersQuery,
  RoleAssignmentIdParams,
  RoleAssignmentSchema,
  UpdateUserBody,
  UserIdParams,
  UserPageSchema,
  UserSchema,
} from '@scc/contracts/users';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Cockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { forwarding } from './forwarding.js';

/**
 * The widget routes that are one cockpit call each; with the views and the event stream beside
 * them, the allow-list of what the widget may reach through the BFF. Each validates its input with
 * the contract's schemas, which the cockpit's route uses too, and answers what the cockpit answered.
 */

/** How many of each list the widget shows at once. */
const pageSizes = { users: '100', auditEvents: '50', operationRequests: '500' };

export function forwardedRoutes(cockpit: Cockpit) {
  const units = forwarding(cockpit, 'Widget: business units');
  const sources = forwarding(cockpit, 'Widget: data sources');
  const people = forwarding(cockpit, 'Widget: users and roles');
  const audit = forwarding(cockpit, 'Widget: audit');
  const operations = forwarding(cockpit, 'Widget operations');
  const transports = forwarding(cockpit, 'Widget: transports');
  return createRouter<WidgetEnv>()
    .openapi(
      ...units.forward(
        (v1, { req }, caller) => v1['business-units'][':id'].$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(BusinessUnitSchema, 'The business unit'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) => v1['business-units'][':id'].ancestors.$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/ancestors',
          summary: 'Breadcrumbs: the caller’s own unit down to this one',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(BreadcrumbsSchema, 'The units on the way'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...units.forward((v1, { req }, caller) => v1['business-units'].$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/business-units',
        summary: 'Create a business unit (admin on the parent)',
        request: { body: jsonBody(CreateBusinessUnitBody) },
        responses: { 201: jsonContent(BusinessUnitSchema, 'The new unit'), ...changeProblemResponses },
      }),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id'].$patch({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'patch',
          path: '/business-units/{id}',
          summary: 'Rename a business unit or change its kind (admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(UpdateBusinessUnitBody) },
          responses: { 200: jsonContent(BusinessUnitSchema, 'The changed unit'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...units.forwardNoContent(
        (v1, { req }, caller) => v1['business-units'][':id'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/business-units/{id}',
          summary: 'Delete an empty business unit (admin); 409 says what is left',
          request: { params: BusinessUnitIdParams },
          responses: { 204: { description: 'Deleted' }, ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['move-preview'].$post(
            {
              param: req.valid('param'),
              json: req.valid('json'),
            },
            caller,
          ),
        {
          method: 'post',
          path: '/business-units/{id}/move-preview',
          summary: 'What moving this unit would change; changes nothing',
          request: { params: BusinessUnitIdParams, body: jsonBody(MoveBody) },
          responses: { 200: jsonContent(MovePreviewSchema, 'The move’s effects'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id'].move.$post({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/business-units/{id}/move',
          summary: 'Move a unit with its subtree under a new parent (admin on both)',
          request: { params: BusinessUnitIdParams, body: jsonBody(MoveBody) },
          responses: {
            200: jsonContent(MoveResultSchema, 'The moved unit and what moved with it'),
            202: jsonContent(ApprovalSchema, 'Waiting for approval (the unit’s policy asks for four eyes)'),
            ...riskyChangeProblemResponses,
          },
        },
      ),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) => v1['business-units'][':id'].brand.$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/brand',
          summary: 'A unit’s own brand and the brand it shows (its own or the nearest ancestor’s)',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(BusinessUnitBrandSchema, 'The brand'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...units.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id'].brand.$put({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'put',
          path: '/business-units/{id}/brand',
          summary: 'Set or clear a unit’s own brand (admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(PutBrandBody) },
          responses: { 200: jsonContent(BusinessUnitBrandSchema, 'The brand'), ...riskyChangeProblemResponses },
        },
      ),
    )
    .openapi(
      ...sources.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['data-sources'].$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/data-sources',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(DataSourceListSchema, 'The unit’s data sources'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...sources.forward(
        (v1, { req }, caller) =>
          v1['business-units'][':id']['data-sources'].$post(
            {
              param: req.valid('param'),
              json: req.valid('json'),
            },
            caller,
          ),
        {
          method: 'post',
          path: '/business-units/{id}/data-sources',
          summary: 'Add a data source to a business unit (admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(CreateDataSourceBody) },
          responses: { 201: jsonContent(DataSourceSchema, 'The new data source'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...sources.forward(
        (v1, { req }, caller) =>
          v1['data-sources'][':id'].$patch({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'patch',
          path: '/data-sources/{id}',
          request: { params: DataSourceIdParams, body: jsonBody(UpdateDataSourceBody) },
          responses: { 200: jsonContent(DataSourceSchema, 'The changed data source'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...sources.forwardNoContent(
        (v1, { req }, caller) => v1['data-sources'][':id'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/data-sources/{id}',
          request: { params: DataSourceIdParams },
          responses: { 204: { description: 'Removed' }, ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...people.forward(
        (v1, { req }, caller) => v1.users.$get({ query: { ...req.valid('query'), limit: pageSizes.users } }, caller),
        {
          method: 'get',
          path: '/users',
          summary: 'Users whose home lies in the caller’s subtree, or in one unit’s subtree',
          request: { query: ListUsersQuery.omit({ limit: true }) },
          responses: { 200: jsonContent(UserPageSchema, 'A page of users with their roles'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...people.forward((v1, { req }, caller) => v1.users[':id'].$get({ param: req.valid('param') }, caller), {
        method: 'get',
        path: '/users/{id}',
        request: { params: UserIdParams },
        responses: { 200: jsonContent(UserSchema, 'The user'), ...problemResponses },
      }),
    )
    .openapi(
      ...people.forward((v1, { req }, caller) => v1.users.$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/users',
        summary: 'Create a user with a home business unit (admin there)',
        request: { body: jsonBody(CreateUserBody) },
        responses: { 201: jsonContent(UserSchema, 'The new user'), ...changeProblemResponses },
      }),
    )
    .openapi(
      ...people.forward(
        (v1, { req }, caller) => v1.users[':id'].$patch({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'patch',
          path: '/users/{id}',
          request: { params: UserIdParams, body: jsonBody(UpdateUserBody) },
          responses: { 200: jsonContent(UserSchema, 'The changed user'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...people.forwardNoContent(
        (v1, { req }, caller) => v1.users[':id'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/users/{id}',
          request: { params: UserIdParams },
          responses: { 204: { description: 'Deleted' }, ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...people.forward((v1, { req }, caller) => v1['role-assignments'].$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/role-assignments',
        summary: 'Grant a role the caller holds itself, on a unit it administers',
        request: { body: jsonBody(GrantRoleBody) },
        responses: { 201: jsonContent(RoleAssignmentSchema, 'The assignment'), ...riskyChangeProblemResponses },
      }),
    )
    .openapi(
      ...people.forwardNoContent(
        (v1, { req }, caller) => v1['role-assignments'][':id'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/role-assignments/{id}',
          request: { params: RoleAssignmentIdParams },
          responses: { 204: { description: 'Revoked' }, ...riskyChangeProblemResponses },
        },
      ),
    )
    .openapi(
      ...audit.forward(
        (v1, { req }, caller) =>
          v1['audit-events'].$get({ query: { ...req.valid('query'), limit: pageSizes.auditEvents } }, caller),
        {
          method: 'get',
          path: '/audit-events',
          summary: 'Changes in the caller’s subtree (or one unit’s subtree), newest first',
          request: { query: ListAuditEventsQuery.omit({ limit: true }) },
          responses: { 200: jsonContent(AuditEventPageSchema, 'A page of audit events'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...operations.forward(
        (v1, { req }, caller) => v1['operation-requests']['dry-run'].$post({ json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/operation-requests/dry-run',
          summary: 'Every validation and proposal for a draft; creates nothing',
          request: { body: jsonBody(DraftSchema) },
          responses: { 200: jsonContent(DryRunSchema, 'Validations and determinations'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...operations.forward(
        (v1, { req }, caller) =>
          v1['operation-requests'].$post({ json: req.valid('json'), header: req.valid('header') }, caller),
        {
          method: 'post',
          path: '/operation-requests',
          summary: 'Submits an operation request; a retry with the same Idempotency-Key returns the same request',
          request: { body: jsonBody(DraftSchema), headers: IdempotencyHeaders },
          responses: {
            200: jsonContent(OperationRequestSchema, 'The request this idempotency key created before'),
            202: jsonContent(OperationRequestSchema, 'Accepted: the request is queued'),
            403: stepUpRequiredResponse('Terminating a productive tenant where a unit requires TOTP'),
            409: problemContent('A guarantee of the database refused it (a race past the rules; try again)'),
            422: {
              description:
                'Rejected: each failed rule is one error. Or the Idempotency-Key was used before with a different ' +
                'body (type idempotency-key-reused); nothing is stored.',
              content: { [PROBLEM_CONTENT_TYPE]: { schema: RejectionSchema } },
            },
            ...problemResponses,
          },
        },
      ),
    )
    .openapi(
      ...operations.forward(
        (v1, { req }, caller) =>
          v1['operation-requests'].$get(
            {
              query: { state: req.valid('query').state ?? 'open', limit: pageSizes.operationRequests },
            },
            caller,
          ),
        {
          method: 'get',
          path: '/operation-requests',
          summary: 'Requests of the caller’s subtree, newest first',
          request: {
            query: ListOperationRequestsQuery.pick({ state: true }).extend({
              state: ListOperationRequestsQuery.shape.state.openapi({
                description: '`open` (default), `done` or one state',
              }),
            }),
          },
          responses: { 200: jsonContent(OperationRequestPageSchema, 'Newest first'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...operations.forward(
        (v1, { req }, caller) => v1['operation-requests'][':id'].cancel.$post({ param: req.valid('param') }, caller),
        {
          method: 'post',
          path: '/operation-requests/{id}/cancel',
          summary: 'Cancels a request not yet running, or takes back a termination within the retention period',
          request: { params: OperationRequestIdParams },
          responses: {
            200: jsonContent(OperationRequestSchema, 'The cancelled request'),
            409: problemContent(
              'Too late to cancel, or taking back the termination would bring back a productive tenant the unit ' +
                'has no room for (rule max-live-productive)',
            ),
            ...problemResponses,
          },
        },
      ),
    )
    .openapi(
      ...transports.forward((v1, { req }, caller) => v1.transports.preview.$post({ json: req.valid('json') }, caller), {
        method: 'post',
        path: '/transports/preview',
        summary: 'What a transport would change: exact diff, conflicts, extension plan and rules; changes nothing',
        request: { body: jsonBody(TransportDraftSchema) },
        responses: { 200: jsonContent(TransportPreviewSchema, 'The preview'), ...problemResponses },
      }),
    )
    .openapi(
      ...transports.forward(
        (v1, { req }, caller) => v1.tenants[':id']['solution-profile'].$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/tenants/{id}/solution-profile',
          summary: 'A tenant’s current solution profile and its versions',
          request: { params: TenantIdParams },
          responses: { 200: jsonContent(SolutionProfileSchema, 'The profile'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...transports.forward(
        (v1, { req }, caller) => {
          const { id, version } = req.valid('param');
          return v1.tenants[':id']['solution-profile'].versions[':version'].$get(
            { param: { id, version: String(version) } },
            caller,
          );
        },
        {
          method: 'get',
          path: '/tenants/{id}/solution-profile/versions/{version}',
          summary: 'One version of a tenant’s solution profile',
          request: { params: ProfileVersionParams },
          responses: { 200: jsonContent(ProfileVersionSchema, 'The version'), ...problemResponses },
        },
      ),
    )
    .openapi(
      ...transports.forward(
        (v1, { req }, caller) =>
          v1.tenants[':id']['solution-profile'].versions.$post(
            { param: req.valid('param'), json: req.valid('json') },
            caller,
          ),
        {
          method: 'post',
          path: '/tenants/{id}/solution-profile/versions',
          summary: 'Saves an edited profile as the next version of a non-productive tenant',
          request: { params: TenantIdParams, body: jsonBody(NewProfileVersionBody) },
          responses: {
            ...changeProblemResponses,
            201: jsonContent(ProfileVersionSchema, 'The new version'),
            409: problemContent('Another version was saved in the meantime, or the tenant is productive'),
          },
        },
      ),
    )
    .openapi(
      ...transports.forward(
        (v1, { req }, caller) => v1.tenants[':id'].extensions.$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/tenants/{id}/extensions',
          summary: 'A tenant’s installed extensions, its product version and the product’s catalogue',
          request: { params: TenantIdParams },
          responses: { 200: jsonContent(TenantExtensionsSchema, 'The extensions'), ...problemResponses },
        },
      ),
    );
}
