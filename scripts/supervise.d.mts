/** What the supervisor needs of a child process (a `ChildProcess` has it). */
export interface SupervisedChild {
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(signal?: NodeJS.Signals): boolean;
}

export interface SuperviseOptions {
  /** Starts the child; called again for every restart. */
  start: () => SupervisedChild;
  /** For the log lines. */
  name?: string;
  /** A child that ran at least this long before crashing was not a fast crash: the count and the pause start over. */
  minUptimeMs?: number;
  /** Fast crashes in a row after which the supervisor gives up (exit code 1). */
  maxFastCrashes?: number;
  /** The pause before the first restart; doubled after each crash in a row, up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** After `stop`, a child still running this much later gets SIGKILL. */
  killAfterMs?: number;
  log?: (line: string) => void;
  exit?: (code: number) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export declare function supervise(options: SuperviseOptions): { stop(signal?: NodeJS.Signals): void };
