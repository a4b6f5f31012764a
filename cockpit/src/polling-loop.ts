import { cockpitLog } from './log.js';

/** A queue consumer's life cycle: work while there is work, then wait for the next poll. */
export interface PollingLoop {
  /** Does one unit of work; false when none was due. */
  runOnce(): Promise<boolean>;
  /** Runs until nothing is due. */
  runUntilIdle(): Promise<number>;
  start(): void;
  /** Ends the loop after the unit of work in progress. */
  stop(): Promise<void>;
}

/**
 * Polls `runOnce` back to back while it finds work and `pollMs` apart when it does not. An error
 * (a database that is down or not migrated yet) is reported once per pause, not per poll, and the
 * pause grows to at least 5 s until it passes.
 */
export function pollingLoop(name: string, runOnce: () => Promise<boolean>, pollMs: number): PollingLoop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  return {
    runOnce,
    async runUntilIdle() {
      let n = 0;
      while (await runOnce()) n++;
      return n;
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let pause = pollMs;
          const worked = await runOnce().catch((error: unknown) => {
            cockpitLog.error(`${name} failed`, { error: error instanceof Error ? (error.cause ?? error) : error });
            pause = Math.max(pause, 5000);
            return false;
          });
          if (!worked && running) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, pause);
            });
          }
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
