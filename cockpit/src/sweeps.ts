import { cockpitLog } from './log.js';

/** Housekeeping that runs beside the workers: once at start, then every `intervalMs`. */
export interface Sweep {
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

/**
 * A sweep of rows nobody needs any more. Any number of cockpit processes may run it at once:
 * each run is one idempotent statement, so two runs only find less to do.
 */
export function periodicSweep(name: string, runOnce: () => Promise<number>, intervalMs: number): Sweep {
  let timer: NodeJS.Timeout | undefined;
  const run = () => void runOnce().catch((error: unknown) => cockpitLog.error(`${name} failed`, { error }));
  return {
    runOnce,
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
