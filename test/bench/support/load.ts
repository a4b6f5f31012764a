import autocannon from 'autocannon';

/** One request kind as a load generator sends it. */
export interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers outside 2xx and connection errors: any of them makes the run worthless. */
  failed: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function result(latencies: number[], seconds: number, failed: number): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    failed,
  };
}

/**
 * autocannon with `connections` keep-alive connections for `seconds`; every response's time is
 * kept, so percentiles are exact rather than autocannon's fixed set.
 */
export async function load(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const done = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        headers: target.headers ?? {},
        ...(target.body === undefined ? {} : { body: target.body }),
        connections,
        duration: seconds,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) latencies.push(time);
      else failed++;
    });
  });
  return result(latencies, seconds, failed + done.errors + done.timeouts);
}

/**
 * The live feed's handshake, which autocannon cannot time (the answer never ends): `connections`
 * callers each open the stream, wait for its first bytes and hang up, again and again.
 */
export async function handshakes(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const abort = new AbortController();
        try {
          const res = await fetch(target.url, { headers: target.headers ?? {}, signal: abort.signal });
          const first = res.ok ? await res.body?.getReader().read() : undefined;
          if (first?.value?.length) latencies.push(performance.now() - started);
          else failed++;
        } catch {
          failed++;
        } finally {
          abort.abort();
        }
      }
    }),
  );
  return result(latencies, seconds, failed);
}

/** Exactly `amount` requests over `connections` keep-alive connections; resolves with how many failed. */
export async function send(target: Target, connections: number, amount: number): Promise<number> {
  const done = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        headers: target.headers ?? {},
        ...(target.body === undefined ? {} : { body: target.body }),
        connections,
        amount,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    ),
  );
  return done.non2xx + done.errors + done.timeouts;
}
