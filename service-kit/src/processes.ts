import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * How many processes a service runs (`SCC_COCKPIT_PROCESSES`, `SCC_BFF_PROCESSES`): a whole
 * number from 1 to 64, one per core when unset.
 */
export const ProcessCountSetting = z.coerce
  .number()
  .int()
  .min(1)
  .max(64)
  .default(() => Math.min(availableParallelism(), 64));

export interface ProcessGroupOptions {
  /** Names the processes in log lines: `cockpit`, `BFF`. */
  name: string;
  count: number;
  /** The module each process runs; default: the entry of this process (a `main.ts` forking copies of itself). */
  exec?: string;
  /** Settings on top of this process's environment. */
  env?: Record<string, string>;
  /** Drops what the processes write to stdout (request lines); their warnings and errors on stderr still show. */
  quiet?: boolean;
  /** After `stop`, a process still running this much later is killed. */
  killAfterMs?: number;
  log?: (line: string) => void;
}

export interface ProcessGroup {
  /** Resolves with the shared port once every process listens; rejects when one ends before it listened. */
  readonly listening: Promise<number>;
  /**
   * Resolves with the exit code this process should end with when the group ends by itself: 0 when
   * every process ended cleanly, 1 when it gave up (a process ended before it listened).
   */
  readonly ended: Promise<number>;
  /** Process ids of the running processes. */
  pids(): number[];
  /** SIGTERM to each (their graceful stop); resolves once all have ended. */
  stop(): Promise<void>;
}

/**
 * Runs `count` copies of a service with Node's cluster module: they share one listening port,
 * and this process hands each new connection to the next copy. A copy that crashes after it
 * listened is replaced by a fresh one (its state died with it; the others go on serving). A copy
 * that ends before it ever listened (configuration, database, a bug at start-up) would do so in
 * every replacement too, so the group stops and this process should end with 1, for its own
 * supervisor to decide. A copy that ends cleanly (exit 0: someone stopped it) is not replaced.
 */
export function startProcessGroup(options: ProcessGroupOptions): ProcessGroup {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const killAfterMs = options.killAfterMs ?? 15_000;
  const running = new Map<Worker, { listened: boolean }>();
  let stopping = false;
  let gaveUp = false;
  let port: number | undefined;

  let resolveListening!: (port: number) => void;
  let rejectListening!: (error: Error) => void;
  const listening = new Promise<number>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  // Callers that only await `ended` must not see an unhandled rejection.
  listening.catch(() => {});
  let resolveEnded!: (code: number) => void;
  const ended = new Promise<number>((resolve) => {
    resolveEnded = resolve;
  });
  let allStopped: (() => void) | undefined;

  const fork = () => {
    cluster.setupPrimary({ ...(options.exec ? { exec: options.exec } : {}), silent: options.quiet ?? false });
    const worker = cluster.fork(options.env);
    running.set(worker, { listened: false });
    if (options.quiet) {
      worker.process.stdout?.resume();
      worker.process.stderr?.pipe(process.stderr, { end: false });
    }
    worker.on('listening', (address: { port: number }) => {
      const state = running.get(worker);
      if (state) state.listened = true;
      port ??= address.port;
      if ([...running.values()].every((s) => s.listened)) resolveListening(port);
    });
    worker.once('exit', (code, signal) => onExit(worker, code, signal));
  };

  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    const listened = running.get(worker)?.listened ?? false;
    running.delete(worker);
    const pid = worker.process.pid;
    if (stopping || code === 0) {
      if (running.size > 0) return;
      allStopped?.();
      resolveEnded(gaveUp ? 1 : 0);
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!listened) {
      const reason = `${options.name} process ${pid} ${how} before it listened`;
      log(`${reason}; stopping the other ${options.name} processes`);
      gaveUp = true;
      rejectListening(new Error(reason));
      if (running.size === 0) resolveEnded(1);
      else void stop();
      return;
    }
    log(`${options.name} process ${pid} ${how}; starting a new one`);
    fork();
  };

  const stop = (): Promise<void> => {
    stopping = true;
    if (running.size === 0) return Promise.resolve();
    const stopped = new Promise<void>((resolve) => {
      allStopped = resolve;
    });
    for (const worker of running.keys()) {
      worker.process.kill('SIGTERM');
      setTimeout(() => worker.process.kill('SIGKILL'), killAfterMs).unref();
    }
    return stopped;
  };

  for (let i = 0; i < options.count; i++) fork();
  return {
    listening,
    ended,
    pids: () => [...running.keys()].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
    stop,
  };
}

/**
 * Runs `stop` on the first SIGINT or SIGTERM and ends the process: 0 when it stopped cleanly.
 * Later signals are ignored: a terminal's Ctrl-C reaches every process of the group, and the
 * process that started it sends its own SIGTERM right after.
 */
export function onStopSignal(stop: () => Promise<unknown>, log = (line: string) => process.stderr.write(`${line}\n`)) {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}

/** An HTTP server as `@hono/node-server`'s `serve` answers it (HTTP/2 servers have no `closeAllConnections`). */
export interface ClosableServer {
  close(callback?: (error?: Error) => void): unknown;
  closeAllConnections?: () => void;
}

/**
 * Stops accepting connections and waits for the open ones; after `graceMs` it ends those still
 * open (an event stream would otherwise hold the stop for as long as its client listens).
 */
export function closeServer(server: ClosableServer, graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections?.(), graceMs);
    cutOff.unref();
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
  });
}
