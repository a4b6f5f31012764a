import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { copyFromStdin, executeRows, type Transaction } from '@scc/db';
import { sql } from 'drizzle-orm';
import { holdMovesOff } from '../../hierarchy/move.js';
import { isUniqueViolation } from '../../http/database-errors.js';
import type { UsageRow } from './parse.js';

/** Rows per insert into the staging table where COPY is not available (PGlite). */
const STAGING_BATCH_ROWS = 5000;

/**
 * An upload's good rows on their way into the transaction's staging table `usage_upload`: on the
 * PostgreSQL server one COPY that streams while the body is still being read and parsed, on
 * PGlite multi-row inserts. Nothing reaches `usage_records` before {@link storeUpload}.
 */
export interface StagedUpload {
  /** The rows of one chunk of the body, in one write. */
  add(rows: readonly UsageRow[]): Promise<void>;
  /** Ends the staging; on failure the copy is abandoned (the transaction rolls back anyway). */
  finish(): Promise<void>;
  abandon(error: unknown): void;
}

export async function stageUpload(tx: Transaction): Promise<StagedUpload> {
  await tx.execute(sql`create temp table usage_upload (
      line integer not null, data_source_id uuid not null, day date not null, metrics jsonb not null)
    on commit drop`);
  const copy = await copyFromStdin(tx, sql`copy usage_upload (line, data_source_id, day, metrics) from stdin`);
  return copy ? copyStaging(copy) : insertStaging(tx);
}

/** COPY's text format; a checked row's fields hold no tab, line break or backslash to escape. */
function copyStaging(copy: Writable): StagedUpload {
  return {
    async add(rows) {
      let text = '';
      for (const row of rows) text += `${row.line}\t${row.dataSourceId}\t${row.day}\t${row.metricsJson}\n`;
      if (text && !copy.write(text)) await once(copy, 'drain');
    },
    async finish() {
      copy.end();
      await finished(copy);
    },
    abandon(error) {
      // The stream re-emits the error it is destroyed with; the upload already throws it, and an
      // unheard 'error' event would end the process (a collector whose connection drops).
      copy.once('error', () => {});
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  };
}

function insertStaging(tx: Transaction): StagedUpload {
  let batch: UsageRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const payload = `[${batch.map((r) => `{"line":${r.line},"id":"${r.dataSourceId}","day":"${r.day}","metrics":${r.metricsJson}}`).join(',')}]`;
    batch = [];
    await tx.execute(sql`insert into usage_upload (line, data_source_id, day, metrics)
      select line, id, day, metrics from jsonb_to_recordset(${payload}::jsonb) as r(line integer, id uuid, day date, metrics jsonb)`);
  };
  return {
    async add(rows) {
      batch.push(...rows);
      if (batch.length >= STAGING_BATCH_ROWS) await flush();
    },
    async finish() {
      await flush();
    },
    abandon() {},
  };
}

export interface StoredUpload {
  accepted: number;
  replaced: number;
  /** Lines whose data source this collector's subtree does not hold. */
  unknownSourceLines: number[];
}

/**
 * Moves the staged rows into `usage_records` and their sums into `usage_daily_totals`, in the
 * caller's transaction and scope.
 *
 * New days, nearly every row of a collector's daily upload, take one statement: inserted with
 * their data source's unit and summed per unit, day, class and metric. Grouped by the unit's id,
 * not its path: hashing a uuid is what makes the sums cheap. The insert is tried plain first, in a
 * savepoint: a day seen before makes it fail on the key, and it is redone skipping seen days (a
 * plain insert costs less per row than one that checks each for a conflict).
 *
 * What that insert did not take (a day seen before, an unknown data source, or a day another
 * upload inserted meanwhile, which the insert waited for) is then locked, its old values taken
 * off, and replaced; its `billed_path` stays the first upload's. Insert first, lock after: a day
 * inserted concurrently is found by the lock, never counted twice.
 *
 * The sums wait in `usage_sums` and reach the totals in one statement, in key order: concurrent
 * uploads of the same units and days wait for each other there instead of deadlocking.
 */
export async function storeUpload(tx: Transaction, scopePath: string, staged: number): Promise<StoredUpload> {
  // The rows take their data sources' paths: no move may rewrite those until this commits.
  await holdMovesOff(tx);
  // The sorts of a 50,000-row upload stay in memory (the default 4 MB spills them to disk).
  await tx.execute(sql`select set_config('work_mem', '64MB', true)`);
  await tx.execute(sql`create temp table usage_sums (
      day date not null, bu_path ltree not null, billed_path ltree not null, usage_class text not null,
      metric text not null, quantity numeric not null, records integer not null)
    on commit drop`);
  let seen: Omit<StoredUpload, 'accepted'> = { replaced: 0, unknownSourceLines: [] };
  let accepted: number;
  try {
    accepted = await tx.transaction((plain) => insertNewDays(plain, scopePath, 'plain'));
    if (accepted < staged) seen = { replaced: 0, unknownSourceLines: await unknownSourceLines(tx, scopePath) };
  } catch (error) {
    if (!isUniqueViolation(error, 'usage_records_pkey')) throw error;
    accepted = await insertNewDays(tx, scopePath, 'skipping seen days');
    if (accepted < staged) seen = await replaceSeenDays(tx, scopePath);
  }
  // Only replacements can give a key two sums (old and new values) or cancel one out.
  const sums =
    seen.replaced === 0
      ? sql`usage_sums`
      : sql`(select day, bu_path, billed_path, usage_class, metric, sum(quantity) as quantity, sum(records) as records
          from usage_sums group by 1, 2, 3, 4, 5 having sum(quantity) <> 0 or sum(records) <> 0)`;
  await tx.execute(sql`insert into usage_daily_totals (day, bu_path, billed_path, usage_class, metric, quantity, records)
    select day, bu_path, billed_path, usage_class, metric, quantity, records from ${sums} s
    order by day, bu_path::text collate "C", billed_path, usage_class, metric
    on conflict (day, bu_path_key, billed_path, usage_class, metric) do update
      set quantity = usage_daily_totals.quantity + excluded.quantity,
        records = usage_daily_totals.records + excluded.records`);
  return { accepted, ...seen };
}

/**
 * Inserts the staged rows of known data sources and sets their sums aside; answers how many.
 * Skipping seen days, it notes which it inserted in `usage_inserted`, for {@link replaceSeenDays}.
 */
async function insertNewDays(
  tx: Transaction,
  scopePath: string,
  mode: 'plain' | 'skipping seen days',
): Promise<number> {
  const plain = mode === 'plain';
  if (!plain)
    await tx.execute(sql`create temp table usage_inserted (day date not null, data_source_id uuid not null)
      on commit drop`);
  const [inserted] = await executeRows<{ count: number }>(
    tx,
    sql`with inserted as (
        insert into usage_records (data_source_id, day, metrics, usage_class, business_unit_id, bu_path, billed_path)
        select u.data_source_id, u.day, u.metrics, ${usageClass}, d.business_unit_id, d.bu_path, d.bu_path
        from usage_upload u join data_sources d on d.id = u.data_source_id and d.bu_path <@ ${scopePath}::ltree
        order by u.day, u.data_source_id
        ${plain ? sql`` : sql`on conflict (day, data_source_id) do nothing`}
        returning data_source_id, business_unit_id, day, usage_class, metrics),
      summed as (
        insert into usage_sums
        select s.day, u.path, u.path, s.usage_class, s.metric, s.quantity, s.records
        from (select i.business_unit_id, i.day, i.usage_class, m.key as metric,
            sum(m.value::numeric) as quantity, count(*)::int as records
          from inserted i, jsonb_each_text(i.metrics) m group by 1, 2, 3, 4) s
        join business_units u on u.id = s.business_unit_id)
      ${plain ? sql`` : sql`, noted as (insert into usage_inserted select day, data_source_id from inserted)`}
      select count(*)::int as count from inserted`,
  );
  return inserted?.count ?? 0;
}

/** Staged lines whose data source this subtree does not hold. */
async function unknownSourceLines(tx: Transaction, scopePath: string): Promise<number[]> {
  const rows = await executeRows<{ line: number }>(
    tx,
    sql`select u.line from usage_upload u where not exists (
        select 1 from data_sources d where d.id = u.data_source_id and d.bu_path <@ ${scopePath}::ltree)
      order by u.line`,
  );
  return rows.map((r) => r.line);
}

const usageClass = sql`case when d.attributes ->> 'class' = 'critical' then 'critical' else 'other' end`;

/**
 * The records' key range of the upload's days: whatever join the planner picks reads those days
 * of the key, not all of it (a merge join over the whole key took 5 s at 10 million records).
 */
const uploadedDays = sql`r.day between (select min(day) from usage_incoming) and (select max(day) from usage_incoming)`;

/**
 * The staged lines the insert did not take: replaced where this subtree holds the day's record,
 * else reported (an unknown data source, or a record row-level security hides: not this
 * collector's to replace). The old values are locked and kept aside with sign -1, the new with
 * +1, and their signed sums set aside for the totals.
 */
async function replaceSeenDays(
  tx: Transaction,
  scopePath: string,
): Promise<{ replaced: number; unknownSourceLines: number[] }> {
  await tx.execute(sql`create temp table usage_incoming on commit drop as
    select u.line, u.data_source_id, u.day, u.metrics, ${usageClass} as usage_class, d.id is not null as known
    from usage_upload u left join data_sources d on d.id = u.data_source_id and d.bu_path <@ ${scopePath}::ltree
    where not exists (select 1 from usage_inserted n where n.day = u.day and n.data_source_id = u.data_source_id)`);
  await tx.execute(sql`create temp table usage_changes (
      data_source_id uuid not null, day date not null, metrics jsonb not null, usage_class text not null,
      bu_path ltree not null, billed_path ltree not null, sign integer not null)
    on commit drop`);
  await tx.execute(sql`insert into usage_changes
    select r.data_source_id, r.day, r.metrics, r.usage_class, r.bu_path, r.billed_path, -1
    from usage_records r join usage_incoming i on i.data_source_id = r.data_source_id and i.day = r.day and i.known
    where ${uploadedDays}
    order by r.day, r.data_source_id
    for update of r`);
  const replacedLines = await executeRows<{ line: number }>(
    tx,
    sql`with replaced as (
        update usage_records r set metrics = i.metrics, usage_class = i.usage_class, received_at = now()
        from usage_incoming i
        where r.data_source_id = i.data_source_id and r.day = i.day and i.known and ${uploadedDays}
        returning i.line, r.data_source_id, r.day, r.metrics, r.usage_class, r.bu_path, r.billed_path),
      noted as (insert into usage_changes
        select data_source_id, day, metrics, usage_class, bu_path, billed_path, 1 from replaced)
      select line from replaced`,
  );
  await tx.execute(sql`insert into usage_sums
    select c.day, c.bu_path, c.billed_path, c.usage_class, m.key, c.sign * sum(m.value::numeric), c.sign * count(*)::int
    from usage_changes c, jsonb_each_text(c.metrics) m group by 1, 2, 3, 4, 5, c.sign`);
  const replaced = new Set(replacedLines.map((r) => r.line));
  const leftover = await executeRows<{ line: number }>(tx, sql`select line from usage_incoming order by line`);
  return {
    replaced: replaced.size,
    unknownSourceLines: leftover.map((r) => r.line).filter((line) => !replaced.has(line)),
  };
}
