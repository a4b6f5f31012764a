import { createRoute, z } from '@hono/zod-openapi';
import { UsageIngestResultSchema, UsageQuery, UsageSummarySchema } from '@scc/contracts/billing';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, ProblemError, problemContent, problemResponses } from '@scc/contracts/problem';
import { type Database, executeRows, inSubtree, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { sql } from 'drizzle-orm';
import { type Clock, calendarDay } from '../../operations/clock.js';
import { checkSoftQuotas } from '../../quotas/soft-alerts.js';
import type { CockpitEnv } from '../../scope/caller.js';
import { billingUnit } from '../access.js';
import { onEachDay } from '../daily-totals.js';
import { isLevelMetric } from '../metrics.js';
import { divideHalfEven, formatMicro, parseMicro } from '../money.js';
import { collectorFor, noteCollectorUse } from './collector-credentials.js';
import { ingestUsage, type UploadFormat } from './ingest.js';
import { BodyBrokeOff, BodyTooLarge, splitLines } from './parse.js';

/** An upload's largest body: about 300,000 rows of JSON lines. Larger uploads are split by the collector. */
export const DEFAULT_MAX_USAGE_BODY_BYTES = 64 * 1024 * 1024;

const formats: Record<string, UploadFormat> = {
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/json-lines': 'ndjson',
  'text/csv': 'csv',
};

const ingestRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Usage collection'],
  summary: 'A collector’s usage upload: one row per data source and day, as JSON lines or CSV',
  description:
    'Rows are stored or replace the same data source and day (late data and re-sends are welcome); bad rows are ' +
    'listed by line with the field and the reason, the good ones are kept. 200 when every row was stored, 207 ' +
    'when some were rejected. JSON lines: `{"dataSourceId":"…","day":"2026-10-01","metrics":{"stored_gb":"812.5"}}`. ' +
    'CSV: a header `data_source_id,day,stored_gb,…`, then one row per line.',
  security: [{ collectorCredential: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/x-ndjson': { schema: z.string() },
        'text/csv': { schema: z.string() },
      },
    },
  },
  responses: {
    200: jsonContent(UsageIngestResultSchema, 'Every row stored'),
    207: jsonContent(UsageIngestResultSchema, 'Some rows rejected, the others stored'),
    ...problemResponses,
    413: problemContent('The body is too large'),
    415: problemContent('Neither JSON lines nor CSV'),
  },
});

/**
 * `/v1/usage`: collectors are machines with their own credential (`Authorization: Bearer
 * scc_col_…`), scoped to the subtree of the unit it was created for; the upload runs in one
 * transaction in that scope, read as a stream and stored in batches.
 */
export function usageIngestRoutes(
  db: Database,
  systemDb: Database,
  clock: Clock,
  maxBytes = DEFAULT_MAX_USAGE_BODY_BYTES,
) {
  return createRouter().openapi(ingestRoute, async (c) => {
    const header = c.req.header('authorization') ?? '';
    const collector = header.startsWith('Bearer ') ? await collectorFor(db, header.slice(7).trim()) : undefined;
    if (!collector) throw ProblemError.of('unauthorized');
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = formats[type];
    if (!format)
      throw ProblemError.of('unsupportedMediaType', 'Send application/x-ndjson or text/csv', [
        { field: 'header.content-type', message: 'application/x-ndjson or text/csv' },
      ]);
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > maxBytes) throw tooLarge(maxBytes);
    const body = c.req.raw.body;
    if (!body)
      throw ProblemError.of('validation', 'Empty upload', [{ field: 'body', message: 'Give at least one row' }]);
    const today = calendarDay(clock.now());
    const result = await withScope(db, collector.scopePath, async (tx) => {
      await noteCollectorUse(tx, collector.id);
      return ingestUsage(tx, collector.scopePath, splitLines(body, maxBytes), format, today);
    }).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) throw tooLarge(maxBytes);
      if (error instanceof BodyBrokeOff)
        throw ProblemError.of('validation', 'The upload broke off before its end; nothing was stored. Send it again.', [
          { field: 'body', message: 'Ended before the last line' },
        ]);
      throw error;
    });
    if (result.accepted + result.replaced > 0) await checkSoftQuotas(systemDb, clock, collector.scopePath, 'stored_gb');
    return c.json(result, result.rejectedCount > 0 ? 207 : 200);
  });
}

const tooLarge = (maxBytes: number) =>
  ProblemError.of('payloadTooLarge', `The body is larger than ${maxBytes} bytes; split the upload.`, [
    { field: 'body', message: `At most ${maxBytes} bytes` },
  ]);

const summaryRoute = createRoute({
  method: 'get',
  path: '/{id}/usage',
  tags: ['Billing'],
  summary: 'Usage of a unit’s subtree over days: by metric, by child unit, by data source, by day (billing or admin)',
  description: 'Levels (stored GB, protected items) are averaged over the days of the range, other metrics summed.',
  request: { params: BusinessUnitIdParams, query: UsageQuery },
  responses: { 200: jsonContent(UsageSummarySchema, 'The usage'), ...changeProblemResponses },
});

/** A metric's quantity over a range: levels averaged over its days, the rest summed; exact, rounded half to even. */
function rangeQuantity(metric: string, sum: string, days: number): string {
  const micro = parseMicro(sum) ?? 0n;
  return formatMicro(isLevelMetric(metric) ? divideHalfEven(micro, BigInt(days)) : micro);
}

/** `/v1/business-units/{id}/usage`. */
export function usageSummaryRoutes(db: Database) {
  return createRouter<CockpitEnv>().openapi(summaryRoute, async (c) => {
    const caller = c.get('caller');
    const { from, to } = c.req.valid('query');
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    const summary = await withScope(
      db,
      caller,
      async (tx) => {
        const unit = await billingUnit(tx, caller, c.req.valid('param').id);
        const inScope = sql`${inSubtree(sql`r.bu_path`, unit.path, sql`r.bu_path_key`)} and r.bu_path <@ ${caller.scopePath}::ltree`;
        // Records and totals are both keyed day first: a subtree is read one day at a time.
        const inRange = sql`${inScope} and ${onEachDay(sql`r.day`, from, to, 'to included')}`;
        // Sums per metric, child and day come from the daily totals; `records` > 0: some record carries the metric.
        const byMetric = await executeRows<{ metric: string; quantity: string }>(
          tx,
          sql`select r.metric, sum(r.quantity)::text as quantity
            from usage_daily_totals r where ${inRange} group by r.metric having sum(r.records) > 0 order by r.metric`,
        );
        const byChild = await executeRows<{ id: string; name: string; metric: string; quantity: string }>(
          tx,
          // The child's label is its id without dashes: joined by primary key, whatever rows the planner expects.
          sql`with usage as (
              select subpath(r.bu_path, least(nlevel(r.bu_path), nlevel(${unit.path}::ltree) + 1) - 1, 1)::text::uuid as child_id,
                r.metric, sum(r.quantity) as quantity
              from usage_daily_totals r where ${inRange} group by 1, 2 having sum(r.records) > 0)
            select u.id, u.name, usage.metric, usage.quantity::text as quantity
            from usage join business_units u on u.id = usage.child_id
            order by u.name, u.id, usage.metric`,
        );
        // The 500 largest first, named after: one join per shown row, not per usage row.
        const byDataSource = await executeRows<{ id: string; name: string | null; metric: string; quantity: string }>(
          tx,
          sql`with sums as (
              select r.data_source_id as id, m.key as metric, sum(m.value::numeric) as quantity
              from usage_records r, jsonb_each_text(r.metrics) m where ${inRange}
              group by 1, 2 order by 3 desc, 1, 2 limit 500)
            select sums.id, d.name, sums.metric, sums.quantity::text as quantity
            from sums left join data_sources d on d.id = sums.id
            order by sums.quantity desc, sums.id, sums.metric`,
        );
        const byDay = await executeRows<{ day: string; metric: string; quantity: string }>(
          tx,
          sql`select to_char(r.day, 'YYYY-MM-DD') as day, r.metric, sum(r.quantity)::text as quantity
            from usage_daily_totals r where ${inRange}
            group by r.day, r.metric having sum(r.records) > 0 order by r.day, r.metric`,
        );
        return { byMetric, byChild, byDataSource, byDay };
      },
      { readOnly: true },
    );
    return c.json(
      {
        from,
        to,
        byMetric: summary.byMetric.map((r) => ({
          metric: r.metric,
          quantity: rangeQuantity(r.metric, r.quantity, days),
        })),
        byChild: summary.byChild.map((r) => ({
          businessUnitId: r.id,
          name: r.name,
          metric: r.metric,
          quantity: rangeQuantity(r.metric, r.quantity, days),
        })),
        byDataSource: summary.byDataSource.map((r) => ({
          dataSourceId: r.id,
          name: r.name ?? '(removed)',
          metric: r.metric,
          quantity: rangeQuantity(r.metric, r.quantity, days),
        })),
        byDay: summary.byDay.map((r) => ({
          day: r.day,
          metric: r.metric,
          quantity: formatMicro(parseMicro(r.quantity) ?? 0n),
        })),
      },
      200,
    );
  });
}
