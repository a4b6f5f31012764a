// Keeps `pnpm start`'s process running, with Node built-ins only (scripts/run.mjs runs before
// anything is installed). Restart policy "on failure": a child that crashes (non-zero exit or a
// signal we did not send) starts again after a pause that doubles with each crash in a row; a
// clean exit (0) or our own SIGINT/SIGTERM ends the supervisor too. A child that crashes again
// and again soon after starting is broken, not unlucky: after `maxFastCrashes` such crashes in a
// row the supervisor gives up with exit code 1 rather than loop for ever.

/**
 * @param {import('./supervise.d.mts').SuperviseOptions} options
 * @returns {{ stop(signal?: NodeJS.Signals): void }}
 */
export function supervise(options) {
  const {
    start,
    name = 'the child process',
    minUptimeMs = 30_000,
    maxFastCrashes = 5,
    initialDelayMs = 1000,
    maxDelayMs = 30_000,
    killAfterMs = 15_000,
    log = (line) => console.error(line),
    exit = (code) => process.exit(code),
    now = () => Date.now(),
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (timer) => clearTimeout(timer),
  } = options;

  let child;
  let startedAt = 0;
  let stopping = false;
  let fastCrashes = 0;
  let delay = initialDelayMs;
  let restartTimer;

  const launch = () => {
    restartTimer = undefined;
    startedAt = now();
    child = start();
    child.once('exit', onExit);
  };

  function onExit(code, signal) {
    child = undefined;
    if (stopping || code === 0) return exit(code ?? 0);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (now() - startedAt >= minUptimeMs) {
      fastCrashes = 0;
      delay = initialDelayMs;
    }
    fastCrashes++;
    if (fastCrashes >= maxFastCrashes) {
      log(
        `[supervisor] ${name} ${how}: ${fastCrashes} crashes in a row, each within ${minUptimeMs / 1000} s of starting. ` +
          'Giving up; see the errors above.',
      );
      return exit(1);
    }
    log(
      `[supervisor] ${name} ${how}; restarting in ${delay / 1000} s (crash ${fastCrashes} of ${maxFastCrashes} in a row)`,
    );
    restartTimer = setTimer(launch, delay);
    delay = Math.min(delay * 2, maxDelayMs);
  }

  launch();
  return {
    /** Our own SIGINT/SIGTERM: pass it on and end with the child; between restarts, end at once. */
    stop(signal = 'SIGTERM') {
      stopping = true;
      if (child) {
        child.kill(signal);
        // A child that does not finish its graceful stop in time is ended hard.
        const stuck = child;
        setTimer(() => stuck.kill('SIGKILL'), killAfterMs);
      } else {
        if (restartTimer !== undefined) clearTimer(restartTimer);
        exit(0);
      }
    },
  };
}
