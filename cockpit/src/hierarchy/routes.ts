import { createRoute } from '@hono/zod-openapi';
import { ApprovalSchema } from '@scc/contracts/approvals';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { MoveBody, MovePreviewSchema, MoveResultSchema } from '@scc/contracts/hierarchy';
import { changeProblemResponses } from '@scc/contracts/problem';
import { riskyChangeProblemResponses } from '@scc/contracts/step-up';
import { type Database, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { holdMoveForApproval } from '../approvals/moves.js';
import { approvalView } from '../approvals/store.js';
import { businessUnitView, findBusinessUnit } from '../business-units/queries.js';
import type { Clock } from '../operations/clock.js';
import type { CockpitEnv } from '../scope/caller.js';
import { moveSubtree, previewMove } from './move.js';

const tags = ['Business units'];

const previewRoute = createRoute({
  method: 'post',
  path: '/{id}/move-preview',
  tags,
  summary: 'What moving this unit under a new parent would change; changes nothing',
  request: { params: BusinessUnitIdParams, body: jsonBody(MoveBody) },
  responses: {
    200: jsonContent(MovePreviewSchema, 'The move’s effects'),
    ...changeProblemResponses,
  },
});

const moveRoute = createRoute({
  method: 'post',
  path: '/{id}/move',
  tags,
  summary: 'Move a unit with its whole subtree under a new parent, in one transaction',
  description:
    'Where the approval policy of the unit or the new parent asks for four eyes (subject `subtree-move`), the move ' +
    'is stored with its preview and answered 202 with the pending approval; the approval that completes the quorum ' +
    'makes it.',
  request: { params: BusinessUnitIdParams, body: jsonBody(MoveBody) },
  responses: {
    200: jsonContent(MoveResultSchema, 'The moved unit and what moved with it'),
    202: jsonContent(ApprovalSchema, 'Waiting for approval: nothing moved yet'),
    ...riskyChangeProblemResponses,
  },
});

export function hierarchyRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(previewRoute, async (c) => {
      const caller = c.get('caller');
      const { newParentId } = c.req.valid('json');
      const preview = await withScope(db, caller, (tx) =>
        previewMove(tx, caller, c.req.valid('param').id, newParentId),
      );
      return c.json(preview, 200);
    })
    .openapi(moveRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { newParentId } = c.req.valid('json');
      const result = await withScope(db, caller, async (tx) => {
        const pending = await holdMoveForApproval(tx, caller, id, newParentId, clock);
        if (pending) return { pending };
        const counts = await moveSubtree(tx, caller, id, newParentId, clock);
        const unit = await findBusinessUnit(tx, caller, id);
        if (!unit) throw new Error('moved business unit not readable');
        return { moved: { businessUnit: businessUnitView(unit), counts } };
      });
      if (result.pending) return c.json(approvalView(result.pending, false), 202);
      return c.json(result.moved, 200);
    });
}
