import { createHash } from 'node:crypto';
import type { UsageIngestResult } from '@scc/contracts/billing';
import type { UsageMetrics } from '@scc/db';
import { formatMicro, MICRO } from '../money.js';

/**
 * Where usage comes from: a collector reads what the backup infrastructure measured for a data
 * source on a day. The cockpit only receives it (`POST /v1/usage`); a collector runs beside the
 * infrastructure with its own credential. The demo's is {@link localUsageCollector}.
 */
export interface UsageCollector {
  /** One day's metrics of a data source, or undefined when it reported nothing that day. */
  measure(dataSourceId: string, day: string): UsageMetrics | undefined;
}

export interface UsageReading {
  dataSourceId: string;
  day: string;
  metrics: UsageMetrics;
}

/** A stable number in [0, 1) per key, in millionths, so the same day always measures the same. */
function unit(key: string): bigint {
  return BigInt(Number.parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16) % 1_000_000);
}

/**
 * Realistic, deterministic usage for the demo: each data source has a size (200 GB to 5 TB) that
 * grows by up to 0.3 % a day from 1 January 2026, protected items proportional to it, and daily
 * transfers of 1–4 % of the stored data, higher on weekdays; about one day in fifty is missed and
 * sent late by the next run. Exact decimals throughout.
 */
export function localUsageCollector(): UsageCollector {
  return {
    measure(dataSourceId, day) {
      if (unit(`${dataSourceId}:${day}:missed`) < 20_000n) return undefined;
      const base = 200n * MICRO + (unit(`${dataSourceId}:size`) * 4800n * MICRO) / MICRO;
      const age = BigInt(Math.max(0, Math.round((Date.parse(day) - Date.parse('2026-01-01')) / 86_400_000)));
      const growth = 1_000_000n + (unit(`${dataSourceId}:growth`) * 3000n * age) / MICRO;
      const stored = (base * growth) / MICRO;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const share = 10_000n + (unit(`${dataSourceId}:${day}:transfer`) * 30_000n) / MICRO;
      const transferred = (stored * share * (weekday === 0 || weekday === 6 ? 1n : 2n)) / (2n * MICRO);
      const items = stored / (MICRO / 10n) / 7n;
      return {
        stored_gb: formatMicro((stored / 1000n) * 1000n),
        protected_items: String(items),
        transferred_gb: formatMicro((transferred / 1000n) * 1000n),
      };
    },
  };
}

/** Every reading of the sources over the days (ISO dates), in the order a collector would send them. */
export function readings(
  collector: UsageCollector,
  dataSourceIds: readonly string[],
  days: readonly string[],
): UsageReading[] {
  return days.flatMap((day) =>
    dataSourceIds.flatMap((dataSourceId) => {
      const metrics = collector.measure(dataSourceId, day);
      return metrics ? [{ dataSourceId, day, metrics }] : [];
    }),
  );
}

/** Sends readings to a cockpit's `/v1/usage` as JSON lines, in uploads of `batch` rows. */
export async function sendUsage(
  cockpitUrl: string,
  secret: string,
  rows: readonly UsageReading[],
  batch = 50_000,
): Promise<UsageIngestResult> {
  const total: UsageIngestResult = { accepted: 0, replaced: 0, rejected: [], rejectedCount: 0 };
  for (let at = 0; at < rows.length; at += batch) {
    const body = rows
      .slice(at, at + batch)
      .map((r) => JSON.stringify(r))
      .join('\n');
    const response = await fetch(new URL('/v1/usage', cockpitUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    if (response.status !== 200 && response.status !== 207)
      throw new Error(`usage upload: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as UsageIngestResult;
    total.accepted += result.accepted;
    total.replaced += result.replaced;
    total.rejectedCount += result.rejectedCount;
    total.rejected.push(...result.rejected);
  }
  return total;
}
