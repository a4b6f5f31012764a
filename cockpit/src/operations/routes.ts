import { createRoute, z } from '@hono/zod-openapi';
import {
  DraftSchema,
  DryRunSchema,
  EventStreamHeaders,
  IdempotencyHeaders,
  ListOperationRequestsQuery,
  type OperationRequest,
  OperationRequestIdParams,
  OperationRequestPageSchema,
  OperationRequestSchema,
  RejectionSchema,
} from '@scc/contracts/operations';
import { encodeCursor } from '@scc/contracts/pagination';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, problemContent, problemResponses } from '@scc/contracts/problem';
import { stepUpRequiredResponse } from '@scc/contracts/step-up';
import { type Database, operationRequests, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import { findBusinessUnit } from '../business-units/queries.js';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope, under } from '../scope/in-subtree.js';
import { allowedActions } from './affordances.js';
import { type AssessContext, assess } from './assess.js';
import { cancelRequest } from './cancel.js';
import { type CopyPreviewer, copyOverwrites } from './copy-overwrites.js';
import type { EventHub, OperationEvent } from './event-hub.js';
import { replayEvents } from './event-hub.js';
import { requestView } from './records.js';
import { allowed } from './rules.js';
import { doneStates, openStates } from './state-machine.js';
import { submit } from './submit.js';

const streamRoute = createRoute({
  method: 'get',
  path: '/stream',
  tags: ['Operation requests'],
  summary: 'Live feed of the caller’s subtree (Server-Sent Events)',
  description:
    'Events `operation-request` (data: OperationRequest), `tenant` (data: Tenant) and `alert` (data: Alert) in commit ' +
    'order, each with its ' +
    'feed position as `id` (increasing, with gaps). With a `Last-Event-ID` header, every event after it is replayed ' +
    'first (`Last-Event-ID: 0`: all), so a live stream and a replay yield the same sequence. A comment line every 15 s ' +
    'keeps the connection open.',
  request: { headers: EventStreamHeaders },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses,
  },
});

const dryRunRoute = createRoute({
  method: 'post',
  path: '/dry-run',
  tags: ['Operation requests'],
  summary: 'Validations and determinations for a draft; creates nothing',
  request: { body: jsonBody(DraftSchema) },
  responses: { 200: jsonContent(DryRunSchema, 'The verdict'), ...problemResponses },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Operation requests'],
  summary: 'Submit an operation request; it runs asynchronously',
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(DraftSchema),
  },
  responses: {
    200: jsonContent(OperationRequestSchema, 'A retry with a used Idempotency-Key: the request it created'),
    202: jsonContent(OperationRequestSchema, 'Accepted and queued'),
    403: stepUpRequiredResponse('Terminating a productive tenant where a unit requires TOTP'),
    409: problemContent('A guarantee of the database refused it: a race got past the rules (try again)'),
    422: {
      description:
        'Rejected by rules; stored as rejected. Or (type idempotency-key-reused) the Idempotency-Key was used before ' +
        'with a different body; nothing is stored.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: RejectionSchema } },
    },
    ...problemResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Operation requests'],
  summary: 'Requests of the caller’s subtree, newest first',
  request: { query: ListOperationRequestsQuery },
  responses: { 200: jsonContent(OperationRequestPageSchema, 'A page of requests'), ...problemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Operation requests'],
  summary: 'One request',
  request: { params: OperationRequestIdParams },
  responses: { 200: jsonContent(OperationRequestSchema, 'The request'), ...problemResponses },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags: ['Operation requests'],
  summary: 'Cancel a request that has not run yet, or a termination during its retention period',
  request: { params: OperationRequestIdParams },
  responses: {
    200: jsonContent(OperationRequestSchema, 'Cancelled'),
    403: problemContent('The caller may not cancel requests'),
    409: problemContent(
      'The request can no longer be cancelled, or cancelling the termination would bring back a productive tenant ' +
        'the business unit has no room for (rule max-live-productive)',
    ),
    ...problemResponses,
  },
});

/** Events per replay query while a reconnecting client catches up. */
const REPLAY_PAGE = 500;

function readListCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)\|([0-9a-f-]{36})$/.exec(value);
  if (!match?.[1] || !match[2]) {
    throw ProblemError.of('validation', 'Invalid query.cursor', [
      { field: 'query.cursor', message: 'Not a cursor returned by this API' },
    ]);
  }
  return { at: match[1], id: match[2] };
}

function rejection(
  requestId: string,
  validations: { rule: string; field?: string; message: string; blocking: boolean }[],
) {
  const failed = validations.filter((v) => v.blocking);
  return new Response(
    JSON.stringify({
      ...problem('validation', `Rejected: ${failed.map((v) => v.rule).join(', ')}`),
      type: 'https://scc.example/problems/rejected',
      title: 'Rejected by rules',
      status: 422,
      requestId,
      errors: failed.map((v) => ({ field: v.field ?? 'body', rule: v.rule, message: v.message })),
    }),
    { status: 422, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
  );
}

export interface OperationRouteDependencies extends AssessContext {
  db: Database;
  /** Compares a copy's source and target for the dry-run's preview of what it overwrites. */
  provisioner: CopyPreviewer;
  events: EventHub;
  /** Heartbeat comment interval of the live feed. */
  heartbeatMs?: number;
}

export function operationRequestRoutes(deps: OperationRouteDependencies) {
  const { db } = deps;
  return (
    createRouter<CockpitEnv>()
      // Before `/{id}`, which would otherwise read "stream" as an id.
      .openapi(streamRoute, async (c) => {
        const caller = c.get('caller');
        const lastEventId = Number.parseInt(c.req.valid('header')['last-event-id'] ?? '', 10);
        // Subscribed before the answer's headers go out: a caller who acts as soon as it sees them
        // finds the events of what it did in the stream, however late the stream's body starts.
        const forCaller = (request: OperationRequest) => ({
          ...request,
          allowedActions: allowedActions(request, caller.roles),
        });
        const queue: OperationEvent[] = [];
        let deliver: ((event: OperationEvent) => void) | undefined;
        const unsubscribe = await deps.events.subscribe(caller.scopePath, (event) => {
          if (deliver) deliver(event);
          else queue.push(event);
        });
        return streamSSE(c, async (stream) => {
          // Positions only grow in commit order, so "sent up to here" is one number: whatever
          // arrives twice (replayed and live) is skipped, and nothing is skipped otherwise.
          let lastSent = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : undefined;
          const send = async (event: OperationEvent) => {
            if (lastSent !== undefined && event.id <= lastSent) return;
            lastSent = event.id;
            const payload =
              event.kind === 'operation-request'
                ? forCaller(event.payload as OperationRequest)
                : event.kind === 'alert'
                  ? { ...(event.payload as object), read: false }
                  : event.payload;
            await stream.writeSSE({ id: String(event.id), event: event.kind, data: JSON.stringify(payload) });
          };
          let writing = Promise.resolve();
          const heartbeat = setInterval(() => {
            writing = writing
              .then(() => stream.write(': heartbeat\n\n'))
              .then(() => {})
              .catch(() => {});
          }, deps.heartbeatMs ?? 15_000);
          const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
          try {
            await stream.write(': connected\n\n');
            // A backlog of any length, page by page, before going live.
            while (lastSent !== undefined) {
              const page = await replayEvents(db, caller, lastSent, REPLAY_PAGE);
              for (const event of page) await send(event);
              if (page.length < REPLAY_PAGE) break;
            }
            for (const event of queue.splice(0)) await send(event);
            deliver = (event) => {
              writing = writing.then(() => send(event)).catch(() => {});
            };
            await closed;
          } finally {
            clearInterval(heartbeat);
            unsubscribe();
          }
        }) as never;
      })
      .openapi(dryRunRoute, async (c) => {
        const caller = c.get('caller');
        const draft = c.req.valid('json');
        const { verdict, overwrites } = await withScope(
          db,
          caller,
          async (tx) => ({
            verdict: await assess(tx, caller, deps, draft, { lock: false }),
            overwrites: draft.kind === 'copy' ? await copyOverwrites(tx, caller, draft) : undefined,
          }),
          { readOnly: true },
        );
        return c.json(
          {
            allowed: allowed(verdict.validations),
            chargeable: allowed(verdict.validations) && verdict.chargeable,
            validations: verdict.validations,
            determinations: verdict.determinations,
            ...(overwrites ? { overwrites: await overwrites(deps.provisioner) } : {}),
          },
          200,
        );
      })
      .openapi(submitRoute, async (c) => {
        const caller = c.get('caller');
        const { row, replay } = await submit(
          db,
          deps,
          caller,
          c.req.valid('json'),
          c.req.valid('header')['idempotency-key'],
        );
        const view = requestView(row, caller.roles, deps.clock.now());
        if (row.state === 'rejected') return rejection(row.id, view.validations) as never;
        return c.json(view, replay ? 200 : 202);
      })
      .openapi(listRoute, async (c) => {
        const caller = c.get('caller');
        const query = c.req.valid('query');
        const after = readListCursor(query.cursor);
        const rows = await withScope(
          db,
          caller,
          async (tx) => {
            const unitPath = query.businessUnitId
              ? (await findBusinessUnit(tx, caller, query.businessUnitId))?.path
              : undefined;
            if (query.businessUnitId && !unitPath) throw ProblemError.of('notFound');
            const states =
              query.state === 'open'
                ? [...openStates]
                : query.state === 'done'
                  ? [...doneStates]
                  : query.state
                    ? [query.state]
                    : undefined;
            return tx
              .select({
                row: operationRequests,
                at: sql<string>`(${operationRequests.createdAt} at time zone 'UTC')::text`,
              })
              .from(operationRequests)
              .where(
                and(
                  inScope(operationRequests.buPath, caller),
                  unitPath ? under(operationRequests.buPath, unitPath) : undefined,
                  query.tenantId ? eq(operationRequests.tenantId, query.tenantId) : undefined,
                  states ? inArray(operationRequests.state, states) : undefined,
                  after
                    ? sql`(${operationRequests.createdAt}, ${operationRequests.id}) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id}::uuid)`
                    : undefined,
                ),
              )
              .orderBy(desc(operationRequests.createdAt), desc(operationRequests.id))
              .limit(query.limit + 1);
          },
          { readOnly: true },
        );
        const page = rows.slice(0, query.limit);
        const last = page.at(-1);
        const now = deps.clock.now();
        return c.json(
          {
            items: page.map((r) => requestView(r.row, caller.roles, now)),
            nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.at}|${last.row.id}`) : null,
          },
          200,
        );
      })
      .openapi(getRoute, async (c) => {
        const caller = c.get('caller');
        const { id } = c.req.valid('param');
        const [row] = await withScope(
          db,
          caller,
          (tx) =>
            tx
              .select()
              .from(operationRequests)
              .where(and(inScope(operationRequests.buPath, caller), eq(operationRequests.id, id))),
          { readOnly: true },
        );
        if (!row) throw ProblemError.of('notFound');
        return c.json(requestView(row, caller.roles, deps.clock.now()), 200);
      })
      .openapi(cancelRoute, async (c) => {
        const caller = c.get('caller');
        const row = await cancelRequest(db, deps, caller, c.req.valid('param').id);
        return c.json(requestView(row, caller.roles, deps.clock.now()), 200);
      })
  );
}
