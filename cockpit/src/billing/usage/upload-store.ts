import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { copyFromStdin, executeRows, type Transaction } from '@scc/db';
import { sql } from 'drizzle-orm';
import type { UsageRow } from './parse.js';

/** Rows per insert into the staging table where COPY is not available (PGlite). */
const STAGING_BATCH_ROWS = 5000;
/** Rows per write to a COPY stream: fewer, larger protocol messages. */
const COPY_CHUNK_ROWS = 1000;

/** COPY's text format: backslash, tab and line breaks escaped (no validated field holds one today). */
const copyField = (text: string) => (/[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, copyEscape) : text);
const copyEscape = (ch: string) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch] ?? ch;

/**
 * An upload's good rows on their way into the transaction's staging table `usage_upload`: on the
 * PostgreSQL server one COPY that streams while the body is still being read and parsed, on
 * PGlite multi-row inserts. Nothing reaches `usage_records` before {@link storeUpload}.
 */
export interface StagedUpload {
  add(row: UsageRow): Promise<void>;
  /** Ends the staging; on failure the copy is abandoned (the transaction rolls back anyway). */
  finish(): Promise<number>;
  abandon(error: unknown): void;
}

export async function stageUpload(tx: Transaction): Promise<StagedUpload> {
  await tx.execute(sql`create temp table usage_upload (
      line integer not null, data_source_id uuid not null, day date not null, metrics jsonb not null)
    on commit drop`);
  const copy = await copyFromStdin(tx, sql`copy usage_upload (line, data_source_id, day, metrics) from stdin`);
  return copy ? copyStaging(copy) : insertStaging(tx);
}

function copyStaging(copy: Writable): StagedUpload {
  let chunk: string[] = [];
  let count = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    if (!copy.write(text)) await once(copy, 'drain');
  };
  return {
    async add(row) {
      count++;
      chunk.push(`${row.line}\t${row.dataSourceId}\t${row.day}\t${copyField(JSON.stringify(row.metrics))}\n`);
      if (chunk.length >= COPY_CHUNK_ROWS) await flush();
    },
    async finish() {
      await flush();
      copy.end();
      await finished(copy);
      return count;
    },
    abandon(error) {
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  };
}

function insertStaging(tx: Transaction): StagedUpload {
  let batch: UsageRow[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const payload = JSON.stringify(
      batch.map((r) => ({ line: r.line, id: r.dataSourceId, day: r.day, metrics: r.metrics })),
    );
    batch = [];
    await tx.execute(sql`insert into usage_upload (line, data_source_id, day, metrics)
      select line, id, day, metrics from jsonb_to_recordset(${payload}::jsonb) as r(line integer, id uuid, day date, metrics jsonb)`);
  };
  return {
    async add(row) {
      count++;
      batch.push(row);
      if (batch.length >= STAGING_BATCH_ROWS) await flush();
    },
    async finish() {
      await flush();
      return count;
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
 * caller's transaction and scope. New days are inserted; a day seen before is locked, its old
 * values taken off the totals, and replaced (its `billed_path` stays the first upload's). The
 * steps are separate statements in this order so that a day another upload inserts at the same
 * time is found by the lock, never counted twice. Totals are written in key order: concurrent
 * uploads of the same units and days wait for each other instead of deadlocking.
 */
export async function storeUpload(tx: Transaction, scopePath: string, staged: number): Promise<StoredUpload> {
  await tx.execute(sql`create temp table usage_incoming (
      line integer not null, data_source_id uuid not null, day date not null, metrics jsonb not null,
      usage_class text not null, business_unit_id uuid not null, bu_path ltree not null)
    on commit drop`);
  await tx.execute(sql`create temp table usage_changes (
      data_source_id uuid not null, day date not null, metrics jsonb not null, usage_class text not null,
      bu_path ltree not null, billed_path ltree not null, sign integer not null)
    on commit drop`);
  await tx.execute(sql`insert into usage_incoming
    select u.line, u.data_source_id, u.day, u.metrics,
      case when d.attributes ->> 'class' = 'critical' then 'critical' else 'other' end,
      d.business_unit_id, d.bu_path
    from usage_upload u join data_sources d on d.id = u.data_source_id and d.bu_path <@ ${scopePath}::ltree`);
  const unknownSourceLines = (
    await executeRows<{ line: number }>(
      tx,
      sql`select u.line from usage_upload u
        where not exists (select 1 from usage_incoming i where i.line = u.line) order by u.line`,
    )
  ).map((r) => r.line);
  const incoming = staged - unknownSourceLines.length;
  const [inserted] = await executeRows<{ count: number }>(
    tx,
    sql`with inserted as (
        insert into usage_records (data_source_id, day, metrics, usage_class, business_unit_id, bu_path, billed_path)
        select data_source_id, day, metrics, usage_class, business_unit_id, bu_path, bu_path from usage_incoming
        order by data_source_id, day
        on conflict (data_source_id, day) do nothing
        returning data_source_id, day, metrics, usage_class, bu_path, billed_path),
      noted as (insert into usage_changes select *, 1 from inserted returning 1)
      select count(*)::int as count from noted`,
  );
  const accepted = inserted?.count ?? 0;
  let replaced = 0;
  if (accepted < incoming) {
    await tx.execute(sql`insert into usage_changes
      select r.data_source_id, r.day, r.metrics, r.usage_class, r.bu_path, r.billed_path, -1
      from usage_records r join usage_incoming i on i.data_source_id = r.data_source_id and i.day = r.day
      where not exists (select 1 from usage_changes c where c.data_source_id = i.data_source_id and c.day = i.day)
      order by r.data_source_id, r.day
      for update of r`);
    const [updated] = await executeRows<{ count: number }>(
      tx,
      sql`with replaced as (
          update usage_records r set metrics = i.metrics, usage_class = i.usage_class, received_at = now()
          from usage_incoming i join usage_changes c
            on c.data_source_id = i.data_source_id and c.day = i.day and c.sign = -1
          where r.data_source_id = i.data_source_id and r.day = i.day
          returning r.data_source_id, r.day, r.metrics, r.usage_class, r.bu_path, r.billed_path),
        noted as (insert into usage_changes select *, 1 from replaced returning 1)
        select count(*)::int as count from noted`,
    );
    replaced = updated?.count ?? 0;
  }
  await tx.execute(sql`insert into usage_daily_totals (day, bu_path, billed_path, usage_class, metric, quantity, records)
    select c.day, c.bu_path, c.billed_path, c.usage_class, m.key, sum(c.sign * m.value::numeric), sum(c.sign)
    from usage_changes c, jsonb_each_text(c.metrics) m
    group by 1, 2, 3, 4, 5
    having sum(c.sign * m.value::numeric) <> 0 or sum(c.sign) <> 0
    order by c.bu_path::text collate "C", 1, 3, 4, 5
    on conflict (bu_path_key, day, billed_path, usage_class, metric) do update
      set quantity = usage_daily_totals.quantity + excluded.quantity,
        records = usage_daily_totals.records + excluded.records`);
  if (accepted + replaced < incoming) {
    // A record of that day exists, but row-level security hides it: it is not this collector's to replace.
    const hidden = await executeRows<{ line: number }>(
      tx,
      sql`select i.line from usage_incoming i where not exists (
          select 1 from usage_changes c where c.data_source_id = i.data_source_id and c.day = i.day and c.sign = 1)`,
    );
    unknownSourceLines.push(...hidden.map((r) => r.line));
  }
  return { accepted, replaced, unknownSourceLines };
}
