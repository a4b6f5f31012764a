import { createRoute } from '@hono/zod-openapi';
import {
  ApprovalIdParams,
  ApprovalPageSchema,
  ApprovalSchema,
  approvalStates,
  DecideApprovalBody,
  ListApprovalsQuery,
} from '@scc/contracts/approvals';
import { keysetCursor, readTimeIdCursor } from '@scc/contracts/pagination';
import { problemContent, problemResponses } from '@scc/contracts/problem';
import { stepUpRequiredResponse } from '@scc/contracts/step-up';
import { approvals, type Database, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { decide, visibleApproval } from './decide.js';
import { approvalView, decidableBy, visibleTo, withDetails } from './store.js';

const tags = ['Approvals'];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Approvals of the caller’s subtree, newest first; `state=pending`: what this caller may decide now',
  description:
    'An approval is visible to its requester and to the admins who may decide it (admins of its business unit or ' +
    'a unit above; for a move, of both the moved unit and the new parent).',
  request: { query: ListApprovalsQuery },
  responses: { 200: jsonContent(ApprovalPageSchema, 'A page of approvals'), ...problemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One approval',
  request: { params: ApprovalIdParams },
  responses: { 200: jsonContent(ApprovalSchema, 'The approval'), ...problemResponses },
});

const decisionResponses = {
  200: jsonContent(ApprovalSchema, 'The decision is recorded; the approval as it stands now'),
  ...problemResponses,
  403: stepUpRequiredResponse(
    'The caller requested it (four eyes: another admin must decide), or the unit requires TOTP and this session has ' +
      'no fresh step-up',
  ),
  409: problemContent(
    'Decided already (by this caller, or the approval is no longer pending), or expired (rule approval-expired: the ' +
      'request ended rejected)',
  ),
} as const;

const approveRoute = createRoute({
  method: 'post',
  path: '/{id}/approve',
  tags,
  summary: 'Approve; with the quorum reached the request is queued (a move runs) in the same transaction',
  request: { params: ApprovalIdParams, body: jsonBody(DecideApprovalBody) },
  responses: decisionResponses,
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/{id}/reject',
  tags,
  summary: 'Reject; the request ends rejected (error approval-rejected), a move is not made',
  request: { params: ApprovalIdParams, body: jsonBody(DecideApprovalBody) },
  responses: decisionResponses,
});

const exactTime = sql<string>`to_char(${approvals.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const doneStates = approvalStates.filter((state) => state !== 'pending');

export function approvalRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { state, limit, cursor } = c.req.valid('query');
      const after = readTimeIdCursor(cursor);
      const now = clock.now();
      const { page, more, decidable } = await withScope(
        db,
        caller,
        async (tx) => {
          const rows = await tx
            .select({ approval: approvals, exactTime, decidable: decidableBy(caller, now) })
            .from(approvals)
            .where(
              and(
                inScope(approvals.buPath, caller),
                state === 'pending'
                  ? decidableBy(caller, now)
                  : and(
                      visibleTo(caller),
                      state === 'done'
                        ? inArray(approvals.state, doneStates)
                        : state
                          ? eq(approvals.state, state)
                          : undefined,
                    ),
                after
                  ? sql`(${approvals.createdAt}, ${approvals.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
                  : undefined,
              ),
            )
            .orderBy(desc(approvals.createdAt), desc(approvals.id))
            .limit(limit + 1);
          const shown = rows.slice(0, limit);
          return {
            page: await withDetails(
              tx,
              shown.map((r) => r.approval),
            ),
            more: rows.length > limit ? shown.at(-1) : undefined,
            decidable: new Set(shown.filter((r) => r.decidable).map((r) => r.approval.id)),
          };
        },
        { readOnly: true },
      );
      return c.json(
        {
          items: page.map((record) => approvalView(record, decidable.has(record.approval.id))),
          nextCursor: more ? keysetCursor([more.exactTime, more.approval.id]) : null,
        },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const now = clock.now();
      const { record, mayDecide } = await withScope(
        db,
        caller,
        async (tx) => {
          const approval = await visibleApproval(tx, caller, id, false);
          const [record] = await withDetails(tx, [approval]);
          const [decidable] = await tx
            .select({ id: approvals.id })
            .from(approvals)
            .where(and(eq(approvals.id, id), decidableBy(caller, now)));
          return { record, mayDecide: decidable !== undefined };
        },
        { readOnly: true },
      );
      if (!record) throw new Error('approval vanished');
      return c.json(approvalView(record, mayDecide), 200);
    })
    .openapi(approveRoute, async (c) => {
      const record = await decide(
        { db, clock },
        c.get('caller'),
        c.req.valid('param').id,
        'approve',
        c.req.valid('json').comment,
      );
      return c.json(approvalView(record, false), 200);
    })
    .openapi(rejectRoute, async (c) => {
      const record = await decide(
        { db, clock },
        c.get('caller'),
        c.req.valid('param').id,
        'reject',
        c.req.valid('json').comment,
      );
      return c.json(approvalView(record, false), 200);
    });
}
