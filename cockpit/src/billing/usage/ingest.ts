import type { UsageIngestResult } from '@scc/contracts/billing';
import { executeRows, type Transaction } from '@scc/db';
import { sql } from 'drizzle-orm';
import {
  type ParsedRow,
  parseCsvHeader,
  parseCsvLine,
  parseJsonLine,
  type RowRejection,
  type SplitLine,
  type UsageRow,
} from './parse.js';

/** Rows per upsert statement: large enough to amortise a round trip, small enough for one JSON parameter. */
export const INGEST_BATCH_ROWS = 5000;
/** Rejections listed in an answer; the count says how many there were in all. */
const LISTED_REJECTIONS = 1000;

export type UploadFormat = 'ndjson' | 'csv';

/**
 * Stores an upload's good rows in the transaction (scoped to the collector's unit) and reports
 * the bad ones by line. Each batch is one upsert: a data source and day seen before is replaced
 * (late data and re-sends), and its `billed_path` stays the one of the first upload; a row whose
 * data source row-level security and the scope filter do not show comes back as unknown.
 * A second row of the same data source and day in one upload is refused: which one would win?
 */
export async function ingestUsage(
  tx: Transaction,
  scopePath: string,
  lines: AsyncIterable<SplitLine>,
  format: UploadFormat,
  today: string,
): Promise<UsageIngestResult> {
  const result: UsageIngestResult = { accepted: 0, replaced: 0, rejected: [], rejectedCount: 0 };
  const rejectRow = (rejection: RowRejection) => {
    result.rejectedCount++;
    if (result.rejected.length < LISTED_REJECTIONS) result.rejected.push(rejection);
  };
  const seen = new Map<string, number>();
  let batch: UsageRow[] = [];
  let csvMetrics: string[] | undefined;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const stored = await upsertBatch(tx, scopePath, rows);
    for (const row of rows) {
      const inserted = stored.get(`${row.dataSourceId} ${row.day}`);
      if (inserted === undefined)
        rejectRow({
          line: row.line,
          field: 'dataSourceId',
          message: 'No such data source in this collector’s subtree',
        });
      else if (inserted) result.accepted++;
      else result.replaced++;
    }
  };
  for await (const split of lines) {
    if ('error' in split) {
      rejectRow({ line: split.line, field: 'line', message: split.error });
      continue;
    }
    let parsed: ParsedRow;
    if (format === 'ndjson') parsed = parseJsonLine(split.text, split.line, today);
    else if (csvMetrics) parsed = parseCsvLine(split.text, split.line, csvMetrics, today);
    else {
      if (split.text.trim() === '') continue;
      const header = parseCsvHeader(split.text);
      if ('rejection' in header) {
        rejectRow({ ...header.rejection, line: split.line });
        return result;
      }
      csvMetrics = header.metrics;
      continue;
    }
    if (!parsed) continue;
    if ('rejection' in parsed) {
      rejectRow(parsed.rejection);
      continue;
    }
    const key = `${parsed.row.dataSourceId} ${parsed.row.day}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rejectRow({ line: split.line, field: 'day', message: `Same data source and day as line ${first}` });
      continue;
    }
    seen.set(key, split.line);
    batch.push(parsed.row);
    if (batch.length >= INGEST_BATCH_ROWS) await flush();
  }
  await flush();
  return result;
}

/** Upserts one batch; answers, per `dataSourceId day`, whether the row was new. */
async function upsertBatch(tx: Transaction, scopePath: string, rows: UsageRow[]): Promise<Map<string, boolean>> {
  const payload = JSON.stringify(rows.map((r) => ({ id: r.dataSourceId, day: r.day, metrics: r.metrics })));
  const stored = await executeRows<{ id: string; day: string; inserted: boolean }>(
    tx,
    sql`insert into usage_records (data_source_id, day, metrics, usage_class, business_unit_id, bu_path, billed_path)
      select r.id, r.day, r.metrics,
        case when d.attributes ->> 'class' = 'critical' then 'critical' else 'other' end,
        d.business_unit_id, d.bu_path, d.bu_path
      from jsonb_to_recordset(${payload}::jsonb) as r(id uuid, day date, metrics jsonb)
      join data_sources d on d.id = r.id and d.bu_path <@ ${scopePath}::ltree
      on conflict (data_source_id, day) do update
        set metrics = excluded.metrics, usage_class = excluded.usage_class, received_at = now()
      returning data_source_id as id, to_char(day, 'YYYY-MM-DD') as day, (xmax = 0) as inserted`,
  );
  return new Map(stored.map((s) => [`${s.id} ${s.day}`, s.inserted]));
}
