/**
 * fast-check for property and model-based tests anywhere in the repository (it is a dev
 * dependency of @scc/test only, so tests next to the code import it from here), plus the runner
 * settings they share.
 */
import fc from 'fast-check';

export { fc };

/**
 * A property's time budget. A run that starts after it is spent passes without doing anything, so
 * a slow machine runs fewer cases instead of timing out, and a failure stops shrinking there and
 * reports the smallest counterexample found so far (fast-check's own time limits either fail a
 * passing property for skipped runs or leave an interrupted run going in the background).
 */
export interface TimeBudget {
  /** True once the budget is spent; counts the runs it turned away. */
  spent(): boolean;
}

export interface PropertyRunOptions {
  /** A fixed seed replays the same generated values; without one each call draws (and logs) a new one. */
  seed?: number;
  /** fast-check's `path` of a reported failure: replays exactly that counterexample (needs `seed`). */
  path?: string;
  numRuns: number;
  /** Runs (shrinking included) start only within this many milliseconds. */
  timeBudgetMs: number;
}

/**
 * `fc.assert` for an asynchronous property built around a time budget. On failure the thrown
 * message holds the seed and path to replay it, the shrunk counterexample and the original
 * error's message (not only as `cause`, which test runners may not print).
 */
export async function assertProperty<Ts>(
  build: (budget: TimeBudget) => fc.IAsyncProperty<Ts>,
  options: PropertyRunOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeBudgetMs;
  let turnedAway = 0;
  let failed = false;
  const budget: TimeBudget = {
    spent() {
      if (Date.now() < deadline) return false;
      turnedAway++;
      return true;
    },
  };
  // Drawn here rather than by fast-check, so that a run cut short (a test timeout) can be replayed too.
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  console.info(`fast-check seed ${seed}`);
  try {
    await fc.assert(build(budget), {
      numRuns: options.numRuns,
      seed,
      ...(options.path === undefined ? {} : { path: options.path }),
      includeErrorInReport: true,
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (turnedAway > 0)
      console.warn(
        `time budget of ${options.timeBudgetMs} ms spent: ${turnedAway} ${failed ? 'shrinking steps' : 'runs'} skipped`,
      );
  }
}
