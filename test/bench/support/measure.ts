/** One printed benchmark line: percentiles over the measured calls, after warm-up calls. */
export interface Row {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export async function measure(
  name: string,
  iterations: number,
  op: () => Promise<unknown>,
  options: { warmup?: number } = {},
): Promise<Row> {
  const warmup = options.warmup ?? Math.min(20, iterations);
  for (let i = 0; i < warmup; i++) await op();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await op();
    samples.push(performance.now() - start);
  }
  return summarize(name, samples);
}

/** p50, p95 and max of latencies in milliseconds. */
export function summarize(name: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { name, samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

export function printTable(rows: Row[]): void {
  console.log('| operation | calls | p50 | p95 | max |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
  }
}

/** One operation measured on several setups (`columns`, in the order of each row's results). */
export function printSideBySide(columns: string[], rows: { name: string; rows: Row[] }[]): void {
  console.log(`| operation | calls | ${columns.map((c) => `${c} p50 | ${c} p95`).join(' | ')} |`);
  console.log(`| --- | --- |${' --- | --- |'.repeat(columns.length)}`);
  for (const { name, rows: measured } of rows) {
    const cells = measured.map((r) => `${ms(r.p50)} | ${ms(r.p95)}`).join(' | ');
    console.log(`| ${name} | ${measured[0]?.samples ?? 0} | ${cells} |`);
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
