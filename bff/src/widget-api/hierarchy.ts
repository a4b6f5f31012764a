import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  BrandSchema,
  type BusinessUnit,
  BusinessUnitSchema,
  EffectiveBrandSchema,
} from '@scc/contracts/business-units';
import { type MovePreview, MovePreviewSchema, MoveResultSchema } from '@scc/contracts/hierarchy';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { validationHook } from '@scc/service-kit/problem-handlers';
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { CockpitClient, CockpitConnection } from '../cockpit/cockpit-client.js';
import { fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import {
  asJson,
  cockpitForWidget,
  cursorQuery,
  forwardedBody,
  IdParams,
  json,
  noBody,
  security,
} from './forwarding.js';

/** The business-unit hierarchy for the widget's lazy tree and admin screens. */

/** One level of the lazy tree: the widget never loads more than it shows. */
const LEVEL_PAGE_SIZE = 200;

type Units = CockpitClient['v1']['business-units'];
type Unit = Units[':id'];
type CreateBody = InferRequestType<Units['$post']>['json'];
type UpdateBody = InferRequestType<Unit['$patch']>['json'];
type MoveBody = InferRequestType<Unit['move']['$post']>['json'];
type Ancestors = InferResponseType<Unit['ancestors']['$get'], 200>;
type BrandBody = InferRequestType<Unit['brand']['$put']>['json'];

const BusinessUnitBrandSchema = z
  .object({ own: BrandSchema.nullable(), effective: EffectiveBrandSchema })
  .openapi('WidgetBusinessUnitBrand');
type BusinessUnitBrand = z.infer<typeof BusinessUnitBrandSchema>;

const AncestorsSchema = z
  .object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) })
  .openapi('WidgetBusinessUnitAncestors');

const tags = ['Widget: business units'];

const BusinessUnitLevelSchema = z
  .object({ items: z.array(BusinessUnitSchema), nextCursor: z.string().nullable() })
  .openapi('BusinessUnitLevel');
type Level = z.infer<typeof BusinessUnitLevelSchema>;

const listRoute = createRoute({
  method: 'get',
  path: '/business-units',
  tags,
  summary: 'One level of the tree (the caller’s own unit, or the children of `parentId`, by name) or a name search',
  security,
  request: {
    query: z.strictObject({
      parentId: z
        .uuid()
        .optional()
        .openapi({ param: { name: 'parentId', in: 'query' }, description: 'List the children of this unit' }),
      q: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ param: { name: 'q', in: 'query' }, description: 'Units whose name contains this, with ancestors' }),
      cursor: cursorQuery,
    }),
  },
  responses: { 200: json(BusinessUnitLevelSchema, 'A page of one tree level, or search results'), ...problemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/business-units/{id}',
  tags,
  security,
  request: { params: IdParams },
  responses: { 200: json(BusinessUnitSchema, 'The business unit'), ...problemResponses },
});

const ancestorsRoute = createRoute({
  method: 'get',
  path: '/business-units/{id}/ancestors',
  tags,
  summary: 'Breadcrumbs: the caller’s own unit down to this one',
  security,
  request: { params: IdParams },
  responses: { 200: json(AncestorsSchema, 'The units on the way'), ...problemResponses },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/business-units',
  tags,
  summary: 'Create a business unit (admin on the parent)',
  security,
  request: { body: forwardedBody('WidgetCreateBusinessUnit', '`{ parentId, name, kind? }`') },
  responses: { 201: json(BusinessUnitSchema, 'The new unit'), ...changeProblemResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/business-units/{id}',
  tags,
  summary: 'Rename a business unit or change its kind (admin)',
  security,
  request: { params: IdParams, body: forwardedBody('WidgetUpdateBusinessUnit', '`{ name?, kind? }`') },
  responses: { 200: json(BusinessUnitSchema, 'The changed unit'), ...changeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/business-units/{id}',
  tags,
  summary: 'Delete an empty business unit (admin); 409 says what is left',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...changeProblemResponses },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/business-units/{id}/move-preview',
  tags,
  summary: 'What moving this unit would change; changes nothing',
  security,
  request: { params: IdParams, body: forwardedBody('WidgetMoveBusinessUnit', '`{ newParentId }`') },
  responses: { 200: json(MovePreviewSchema, 'The move’s effects'), ...changeProblemResponses },
});

const moveRoute = createRoute({
  method: 'post',
  path: '/business-units/{id}/move',
  tags,
  summary: 'Move a unit with its subtree under a new parent (admin on both)',
  security,
  request: { params: IdParams, body: forwardedBody('WidgetMoveBusinessUnit', '`{ newParentId }`') },
  responses: { 200: json(MoveResultSchema, 'The moved unit and what moved with it'), ...changeProblemResponses },
});

const brandRoute = createRoute({
  method: 'get',
  path: '/business-units/{id}/brand',
  tags,
  summary: 'A unit’s own brand and the brand it shows (its own or the nearest ancestor’s)',
  security,
  request: { params: IdParams },
  responses: { 200: json(BusinessUnitBrandSchema, 'The brand'), ...problemResponses },
});

const putBrandRoute = createRoute({
  method: 'put',
  path: '/business-units/{id}/brand',
  tags,
  summary: 'Set or clear a unit’s own brand (admin)',
  security,
  request: {
    params: IdParams,
    body: forwardedBody('WidgetPutBrand', '`{ brand: { displayName?, primaryColor?, logoUrl? } | null }`'),
  },
  responses: { 200: json(BusinessUnitBrandSchema, 'The brand'), ...changeProblemResponses },
});

export function hierarchyRoutes(cockpit: CockpitConnection) {
  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const units = cockpitForWidget(cockpit, c).v1['business-units'];
      const { parentId, q, cursor } = c.req.valid('query');
      if (!parentId && !q) {
        if (cursor) {
          throw ProblemError.of('validation', 'Invalid query.cursor', [
            { field: 'query.cursor', message: 'Only a level under parentId or a search has more pages' },
          ]);
        }
        // The tree's only root is the unit the caller acts on.
        const param = { id: c.get('session').businessUnitId };
        const root = await fromCockpit(() => units[':id'].$get({ param }), asJson<BusinessUnit>());
        return c.json({ items: [root], nextCursor: null } satisfies Level, 200);
      }
      const page = await fromCockpit(
        () =>
          units.$get({
            query: {
              ...(parentId ? { parentId } : {}),
              ...(q ? { q } : {}),
              ...(cursor ? { cursor } : {}),
              limit: String(LEVEL_PAGE_SIZE),
            },
          }),
        asJson<Level>(),
      );
      return c.json(page, 200);
    })
    .openapi(getRoute, async (c) => {
      const param = c.req.valid('param');
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit.$get({ param }), asJson<BusinessUnit>()), 200);
    })
    .openapi(ancestorsRoute, async (c) => {
      const param = c.req.valid('param');
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit.ancestors.$get({ param }), asJson<Ancestors>()), 200);
    })
    .openapi(createUnitRoute, async (c) => {
      const json = c.req.valid('json') as CreateBody;
      const units = cockpitForWidget(cockpit, c).v1['business-units'];
      return c.json(await fromCockpit(() => units.$post({ json }), asJson<BusinessUnit>()), 201);
    })
    .openapi(updateRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as UpdateBody;
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit.$patch({ param, json }), asJson<BusinessUnit>()), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const param = c.req.valid('param');
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      await fromCockpit(() => unit.$delete({ param }), noBody);
      return c.body(null, 204);
    })
    .openapi(brandRoute, async (c) => {
      const param = c.req.valid('param');
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit.brand.$get({ param }), asJson<BusinessUnitBrand>()), 200);
    })
    .openapi(putBrandRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as BrandBody;
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit.brand.$put({ param, json }), asJson<BusinessUnitBrand>()), 200);
    })
    .openapi(previewRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as MoveBody;
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(await fromCockpit(() => unit['move-preview'].$post({ param, json }), asJson<MovePreview>()), 200);
    })
    .openapi(moveRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as MoveBody;
      const unit = cockpitForWidget(cockpit, c).v1['business-units'][':id'];
      return c.json(
        await fromCockpit(() => unit.move.$post({ param, json }), asJson<z.infer<typeof MoveResultSchema>>()),
        200,
      );
    });
}
