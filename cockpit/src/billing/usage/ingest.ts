import type { UsageIngestResult } from '@scc/contracts/billing';
import type { Transaction } from '@scc/db';
import {
  type ParsedRow,
  parseCsvHeader,
  parseCsvLine,
  parseJsonLine,
  type RowRejection,
  type SplitLine,
  type UsageRow,
} from './parse.js';
import { type StagedUpload, stageUpload, storeUpload } from './upload-store.js';

/** Rejections listed in an answer; the count says how many there were in all. */
const LISTED_REJECTIONS = 1000;

export type UploadFormat = 'ndjson' | 'csv';

/**
 * Stores an upload's good rows in the transaction (scoped to the collector's unit) and reports
 * the bad ones by line (those the parser refuses first, then unknown data sources). The rows are staged while the body is read, then
 * stored at once (`storeUpload`): a data source and day seen before is replaced (late data and
 * re-sends), its `billed_path` stays the one of the first upload; a row whose data source
 * row-level security and the scope filter do not show is reported as unknown.
 * A second row of the same data source and day in one upload is refused: which one would win?
 */
export async function ingestUsage(
  tx: Transaction,
  scopePath: string,
  lines: AsyncIterable<SplitLine[]>,
  format: UploadFormat,
  today: string,
): Promise<UsageIngestResult> {
  const rejections: RowRejection[] = [];
  const staging = await stageUpload(tx);
  const staged = await stageLines(lines, format, today, staging, rejections).catch((error: unknown) => {
    staging.abandon(error);
    throw error;
  });
  await staging.finish();
  const stored = await storeUpload(tx, scopePath, staged);
  for (const line of stored.unknownSourceLines)
    rejections.push({ line, field: 'dataSourceId', message: 'No such data source in this collector’s subtree' });
  return {
    accepted: stored.accepted,
    replaced: stored.replaced,
    rejected: rejections.slice(0, LISTED_REJECTIONS),
    rejectedCount: rejections.length,
  };
}

/** Parses the lines into the staging and counts them; a refused CSV header ends the upload before any row. */
async function stageLines(
  lines: AsyncIterable<SplitLine[]>,
  format: UploadFormat,
  today: string,
  staging: StagedUpload,
  rejections: RowRejection[],
): Promise<number> {
  const seen = new Map<string, number>();
  let csvMetrics: string[] | undefined;
  for await (const batch of lines) {
    const rows: UsageRow[] = [];
    for (const split of batch) {
      if ('error' in split) {
        rejections.push({ line: split.line, field: 'line', message: split.error });
        continue;
      }
      let parsed: ParsedRow;
      if (format === 'ndjson') parsed = parseJsonLine(split.text, split.line, today);
      else if (csvMetrics) parsed = parseCsvLine(split.text, split.line, csvMetrics, today);
      else {
        if (split.text.trim() === '') continue;
        const header = parseCsvHeader(split.text);
        if ('rejection' in header) {
          rejections.push({ ...header.rejection, line: split.line });
          return 0;
        }
        csvMetrics = header.metrics;
        continue;
      }
      if (!parsed) continue;
      if ('rejection' in parsed) {
        rejections.push(parsed.rejection);
        continue;
      }
      const key = `${parsed.row.dataSourceId} ${parsed.row.day}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rejections.push({ line: split.line, field: 'day', message: `Same data source and day as line ${first}` });
        continue;
      }
      seen.set(key, split.line);
      rows.push(parsed.row);
    }
    await staging.add(rows);
  }
  return seen.size;
}
