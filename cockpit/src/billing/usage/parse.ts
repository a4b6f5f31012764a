import { unstorableText } from '@scc/service-kit/hostile-input';
import { EARLIEST_USAGE_DAY } from '../daily-totals.js';

/** One row of an upload: a data source's metrics on one day, exact decimal strings. */
export interface UsageRow {
  line: number;
  dataSourceId: string;
  day: string;
  /**
   * The metrics as stored: a JSON object of metric names to exact decimal strings. Built while
   * checking; names and quantities match strict patterns, so it needs no escaping (nor does COPY's
   * text format).
   */
  metricsJson: string;
}

export interface RowRejection {
  line: number;
  field: string;
  message: string;
}

export type ParsedRow = { row: UsageRow } | { rejection: RowRejection } | undefined;

export const MAX_LINE_BYTES = 16 * 1024;
const MAX_METRICS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const METRIC = /^[a-z][a-z0-9_]{0,62}$/;
const QUANTITY = /^\d{1,15}(?:\.\d{1,6})?$/;

const reject = (line: number, field: string, message: string): ParsedRow => ({ rejection: { line, field, message } });

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date as YYYY-MM-DD, checked without building a Date (an upload holds few distinct days, many rows). */
function validDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && !leap ? 28 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

/**
 * A quantity as a collector sends it: a decimal string, or a JSON number whose shortest form is
 * one (`12.5`, never `1e21`); negative, non-numeric and more than six decimals are refused.
 */
function quantityText(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  // Up to 15 integer digits (below 10¹⁵: no data source stores a zettabyte a day) and 6 decimals.
  return text !== undefined && QUANTITY.test(text) ? text : undefined;
}

/** Checks a row's fields; `today` (UTC date) bounds the day: usage of the future cannot exist yet. */
function checkedRow(
  line: number,
  id: unknown,
  day: unknown,
  rawMetrics: [string, unknown][],
  today: string,
): ParsedRow {
  if (typeof id !== 'string' || !UUID.test(id)) return reject(line, 'dataSourceId', 'A data source id (UUID)');
  if (typeof day !== 'string' || !validDay(day)) return reject(line, 'day', 'A date as YYYY-MM-DD');
  if (day > today) return reject(line, 'day', 'Lies in the future');
  if (day < EARLIEST_USAGE_DAY) return reject(line, 'day', `Before ${EARLIEST_USAGE_DAY}`);
  if (rawMetrics.length === 0) return reject(line, 'metrics', 'Give at least one metric');
  if (rawMetrics.length > MAX_METRICS) return reject(line, 'metrics', `At most ${MAX_METRICS} metrics`);
  let metricsJson = '';
  for (const [name, value] of rawMetrics) {
    if (!METRIC.test(name))
      return reject(line, 'metrics', `Not a metric name: lower-case letters, digits, underscores`);
    const quantity = quantityText(value);
    if (quantity === undefined)
      return reject(line, `metrics.${name}`, 'A non-negative decimal below 10^15 with at most 6 decimals');
    metricsJson += `${metricsJson ? ',' : '{'}"${name}":"${quantity}"`;
  }
  return { row: { line, dataSourceId: id.toLowerCase(), day, metricsJson: `${metricsJson}}` } };
}

/** One JSON line: `{"dataSourceId": "…", "day": "YYYY-MM-DD", "metrics": {"stored_gb": "812.5", …}}`. */
export function parseJsonLine(text: string, line: number, today: string): ParsedRow {
  if (text.trim() === '') return undefined;
  // No check of nesting or characters first: V8's JSON.parse does not recurse, a line is at most
  // 16 KiB, and every value kept must match a strict pattern (ids, dates, decimals, metric names).
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return reject(line, 'line', 'Not a JSON object');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return reject(line, 'line', 'Not a JSON object');
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !['dataSourceId', 'day', 'metrics'].includes(k));
  if (unknown !== undefined) return reject(line, 'line', `Unknown field (only dataSourceId, day, metrics)`);
  const metrics = record.metrics;
  if (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics))
    return reject(line, 'metrics', 'An object of metric names to quantities');
  return checkedRow(line, record.dataSourceId, record.day, Object.entries(metrics), today);
}

/** The CSV header: `data_source_id,day,<metric>,…`; metric columns in any order. */
export function parseCsvHeader(text: string): { metrics: string[] } | { rejection: RowRejection } {
  const cells = splitCsv(text);
  const [id, day, ...metrics] = cells;
  if (id !== 'data_source_id' || day !== 'day')
    return {
      rejection: { line: 1, field: 'header', message: 'Start with data_source_id,day then one column per metric' },
    };
  if (metrics.length === 0)
    return { rejection: { line: 1, field: 'header', message: 'Give at least one metric column' } };
  const bad = metrics.find((m) => !METRIC.test(m));
  if (bad !== undefined)
    return { rejection: { line: 1, field: 'header', message: `Not a metric name: ${bad.slice(0, 64)}` } };
  if (new Set(metrics).size !== metrics.length)
    return { rejection: { line: 1, field: 'header', message: 'A metric column appears twice' } };
  return { metrics };
}

/** One CSV row under its header; an empty cell means the metric was not measured that day. */
export function parseCsvLine(text: string, line: number, metrics: readonly string[], today: string): ParsedRow {
  if (text.trim() === '') return undefined;
  if (unstorableText(text)) return reject(line, 'line', 'Contains a NUL character or invalid Unicode');
  const [id, day, ...values] = splitCsv(text);
  if (values.length !== metrics.length) return reject(line, 'line', `Expected ${metrics.length + 2} columns`);
  const measured = metrics.flatMap((name, i): [string, unknown][] => (values[i] === '' ? [] : [[name, values[i]]]));
  return checkedRow(line, id, day, measured, today);
}

/** Splits a CSV line; a cell may be quoted (`"…"`, with `""` for a quote). No cell spans lines. */
function splitCsv(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (quoted) {
      if (ch === '"' && trimmed[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type SplitLine = { line: number; text: string } | { line: number; error: string };

/**
 * The lines of a byte stream as UTF-8 text, numbered from 1, a batch per chunk read (one await per
 * chunk, not per line: an upload holds hundreds of thousands). The complete lines of each chunk are
 * decoded at once; only when that fails is each decoded alone, to name the line that is not
 * valid UTF-8. A line longer than {@link MAX_LINE_BYTES} is reported and skipped; the rest go on.
 * Throws `BodyTooLarge` once more than `maxBytes` arrived.
 */
export async function* splitLines(body: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<SplitLine[]> {
  let carry: Uint8Array = new Uint8Array(0);
  let overlong = false;
  let line = 0;
  let total = 0;
  const decoded = (bytes: Uint8Array): SplitLine[] => {
    try {
      return utf8
        .decode(bytes)
        .split('\n')
        .map((text) => checked(text));
    } catch {
      const lines: SplitLine[] = [];
      let start = 0;
      for (let at = bytes.indexOf(0x0a); ; at = bytes.indexOf(0x0a, start)) {
        const end = at === -1 ? bytes.length : at;
        try {
          lines.push(checked(utf8.decode(bytes.subarray(start, end))));
        } catch {
          lines.push({ line: ++line, error: 'Not valid UTF-8' });
        }
        if (at === -1) return lines;
        start = at + 1;
      }
    }
  };
  const checked = (text: string): SplitLine => {
    line++;
    if (overlong) {
      overlong = false;
      return { line, error: `Longer than ${MAX_LINE_BYTES} bytes` };
    }
    return text.length > MAX_LINE_BYTES ? { line, error: `Longer than ${MAX_LINE_BYTES} bytes` } : { line, text };
  };
  for await (const chunk of untilBrokenOff(body)) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BodyTooLarge(maxBytes);
    const bytes = carry.byteLength > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const last = bytes.lastIndexOf(0x0a);
    if (last === -1) {
      carry = bytes;
    } else {
      yield decoded(bytes.subarray(0, last));
      carry = bytes.subarray(last + 1);
    }
    if (carry.byteLength > MAX_LINE_BYTES) {
      overlong = true;
      carry = new Uint8Array(0);
    }
  }
  if (carry.byteLength > 0 || overlong) yield decoded(carry);
}

/** The body's chunks; a failure to read them (the collector's connection dropped) is a {@link BodyBrokeOff}. */
async function* untilBrokenOff(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw new BodyBrokeOff(error);
  }
}

export class BodyBrokeOff extends Error {
  constructor(cause: unknown) {
    super('The body broke off before its end', { cause });
  }
}

export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes`);
  }
}
