import { createRoute } from '@hono/zod-openapi';
import {
  type Alert,
  AlertPageSchema,
  ListAlertsQuery,
  MarkAlertsReadBody,
  MarkedReadSchema,
  UNREAD_ALERT_CAP,
} from '@scc/contracts/alerts';
import { keysetCursor, readTimeIdCursor } from '@scc/contracts/pagination';
import { problemResponses } from '@scc/contracts/problem';
import { alertReads, alerts, businessUnits, type Database, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { alertColumns } from './columns.js';

const tags = ['Alerts'];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Alerts of the caller’s subtree, newest first, with the caller’s unread count',
  description: 'New alerts also arrive live as `alert` events of the operation-request stream.',
  request: { query: ListAlertsQuery },
  responses: { 200: jsonContent(AlertPageSchema, 'A page of alerts'), ...problemResponses },
});

const markReadRoute = createRoute({
  method: 'post',
  path: '/read',
  tags,
  summary: 'Marks alerts read for the caller (some by id, or all raised so far)',
  description: 'Ids outside the caller’s subtree, or unknown, are skipped: `marked` counts those that changed.',
  request: { body: { required: true, content: { 'application/json': { schema: MarkAlertsReadBody } } } },
  responses: { 200: jsonContent(MarkedReadSchema, 'How many changed, and what stays unread'), ...problemResponses },
});

const exactTime = sql<string>`to_char(${alerts.raisedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const readByCaller = (caller: Caller): SQL =>
  sql`exists (select 1 from ${alertReads} r where r.alert_id = ${alerts.id} and r.user_id = ${caller.user.id}::uuid)`;

/** Unread alerts of the subtree, counted up to the cap. */
async function unreadCount(tx: Transaction, caller: Caller): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(
    tx
      .select({ id: alerts.id })
      .from(alerts)
      .where(and(inScope(alerts.buPath, caller), sql`not ${readByCaller(caller)}`))
      .limit(UNREAD_ALERT_CAP)
      .as('unread'),
  );
  return row?.n ?? 0;
}

export function alertRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { unread, limit, cursor } = c.req.valid('query');
      const after = readTimeIdCursor(cursor);
      const { rows, count } = await withScope(
        db,
        caller,
        async (tx) => {
          const rows = await tx
            .select({ ...alertColumns, exactTime, read: sql<boolean>`${readByCaller(caller)}` })
            .from(alerts)
            .innerJoin(businessUnits, eq(businessUnits.id, alerts.businessUnitId))
            .where(
              and(
                inScope(alerts.buPath, caller),
                unread === 'true' ? sql`not ${readByCaller(caller)}` : undefined,
                after
                  ? sql`(${alerts.raisedAt}, ${alerts.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
                  : undefined,
              ),
            )
            .orderBy(desc(alerts.raisedAt), desc(alerts.id))
            .limit(limit + 1);
          return { rows, count: await unreadCount(tx, caller) };
        },
        { readOnly: true },
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const items: Alert[] = page.map(({ exactTime: _exact, ...alert }) => alert);
      return c.json(
        {
          items,
          nextCursor: rows.length > limit && last ? keysetCursor([last.exactTime, last.id]) : null,
          unread: count,
        },
        200,
      );
    })
    .openapi(markReadRoute, async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const answer = await withScope(db, caller, async (tx) => {
        const toMark = await tx
          .select({ id: alerts.id, buPath: alerts.buPath })
          .from(alerts)
          .where(
            and(
              inScope(alerts.buPath, caller),
              body.ids ? inArray(alerts.id, body.ids) : undefined,
              sql`not ${readByCaller(caller)}`,
            ),
          );
        const marked =
          toMark.length === 0
            ? []
            : await tx
                .insert(alertReads)
                .values(toMark.map((alert) => ({ alertId: alert.id, userId: caller.user.id, buPath: alert.buPath })))
                .onConflictDoNothing()
                .returning({ id: alertReads.alertId });
        return { marked: marked.length, unread: await unreadCount(tx, caller) };
      });
      return c.json(answer, 200);
    });
}
