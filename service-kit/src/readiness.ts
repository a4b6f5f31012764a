export type CheckState = 'up' | 'down';

/**
 * One dependency a process needs before it can serve: true when usable. `false`, a rejection or
 * running past the timeout (the signal aborts then) all count as down.
 */
export type ReadinessCheck = (signal: AbortSignal) => boolean | Promise<boolean>;

export interface ReadinessReport {
  ready: boolean;
  /** Each check by name; never an error text, so nothing (hosts, URLs, users) leaks to a prober. */
  checks: Record<string, CheckState>;
}

export type Readiness = () => Promise<ReadinessReport>;

/** How long one readiness probe waits for its checks; a load balancer probes every few seconds. */
export const READINESS_TIMEOUT_MS = 1000;

/**
 * Runs every check in parallel, each bounded by `timeoutMs`. Probes that arrive while one is
 * running share it, so a slow database does not collect a queue of `select 1`s.
 */
export function readinessOf(checks: Record<string, ReadinessCheck>, timeoutMs = READINESS_TIMEOUT_MS): Readiness {
  let running: Promise<ReadinessReport> | undefined;
  const probe = async (): Promise<ReadinessReport> => {
    const states = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await bounded(check, timeoutMs)] as const),
    );
    return {
      ready: states.every(([, state]) => state === 'up'),
      checks: Object.fromEntries(states),
    };
  };
  return () => {
    running ??= probe().finally(() => {
      running = undefined;
    });
    return running;
  };
}

async function bounded(check: ReadinessCheck, timeoutMs: number): Promise<CheckState> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(false);
    }, timeoutMs);
  });
  try {
    const up = await Promise.race([Promise.resolve().then(() => check(controller.signal)), timedOut]);
    return up === true ? 'up' : 'down';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
