import { describeError } from './lifecycle/fail-fast.js';

export type LogLevel = 'info' | 'warn' | 'error';

/** One log line: who, when, how bad, what, and any fields of the moment (`requestId`, `status` …). */
export interface LogEntry {
  time: string;
  level: LogLevel;
  service: string;
  msg: string;
  [field: string]: unknown;
}

/** Where entries go; tests pass one that collects them. */
export type LogSink = (entry: LogEntry) => void;

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The same logger with `fields` on every entry, e.g. one request's id. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  sink?: LogSink;
  /** Entries below it are dropped. Default `info`. */
  level?: LogLevel;
}

const rank: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/**
 * One JSON object per line, so that a log collector needs no parser of ours: information on
 * stdout, warnings and errors on stderr (where supervisors and people look for failures).
 */
const jsonLines: LogSink = (entry) =>
  (entry.level === 'info' ? process.stdout : process.stderr).write(`${JSON.stringify(entry)}\n`);

/** A structured logger of `service`. Error values in fields become one line each (message, causes, where). */
export function createLogger(service: string, { sink = jsonLines, level = 'info' }: LoggerOptions = {}): Logger {
  const bound = (context: Record<string, unknown>): Logger => {
    const write =
      (entryLevel: LogLevel) =>
      (msg: string, fields: Record<string, unknown> = {}) => {
        if (rank[entryLevel] < rank[level]) return;
        const values = Object.fromEntries(
          Object.entries({ ...context, ...fields }).map(([key, value]) => [
            key,
            value instanceof Error ? describeError(value) : value,
          ]),
        );
        sink({ time: new Date().toISOString(), level: entryLevel, service, msg, ...values });
      };
    return {
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (fields) => bound({ ...context, ...fields }),
    };
  };
  return bound({});
}
