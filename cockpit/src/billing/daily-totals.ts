import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** No usage is of a day before this one (ingest refuses it), nor of a day after today. */
export const EARLIEST_USAGE_DAY = '2000-01-01';

/**
 * The days from `from` to `to` (`to` itself included or not) as a condition for the usage tables,
 * whose indexes are day first (`usage_records`, `usage_daily_totals`): one probe per day, so a
 * subtree's range of paths (`inSubtree`) is read within each day. A plain day range would read
 * every path of every day in it and filter.
 */
export function onEachDay(day: SQLWrapper, from: string, to: string, end: 'to included' | 'to excluded'): SQL {
  const last = end === 'to included' ? sql`${to}::date` : sql`${to}::date - 1`;
  return sql`${day} = any(array(select generate_series(${from}::date, ${last}, interval '1 day')::date))`;
}
