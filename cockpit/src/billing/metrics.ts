/**
 * How a metric's daily values make a month's quantity. Levels (what is stored, what is protected)
 * are billed on their average over the days of the month, so a day not reported counts as zero;
 * flows (what was transferred) and every other metric a product reports are summed.
 */
export const LEVEL_METRICS: ReadonlySet<string> = new Set(['stored_gb', 'protected_items']);

export const WELL_KNOWN_METRICS = ['stored_gb', 'protected_items', 'transferred_gb'] as const;

export const isLevelMetric = (metric: string): boolean => LEVEL_METRICS.has(metric);

/** The price-list metric of a chargeable operation of a kind (`operation.order`). */
export const operationMetric = (kind: string): string => `operation.${kind}`;

/** First day of a month and of the next, as ISO dates, and its number of days. */
export function monthBounds(period: string): { from: string; to: string; days: number } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const days = new Date(Date.UTC(next.year, next.month - 1, 1) - 86_400_000).getUTCDate();
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return { from: iso(year, month), to: iso(next.year, next.month), days };
}
