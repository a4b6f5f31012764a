import { writeSync } from 'node:fs';
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
 * Information lines waiting for the end of the event loop's turn. Writing to a file or a pipe is
 * synchronous in Node, and one write per request line took a fifth of the cockpit's time under
 * load (BENCHMARKS.md); one write per turn carries every line of that turn.
 */
let pendingLines = '';
let flushScheduled = false;
let flushesAtExit = false;

function flushLines(): void {
  flushScheduled = false;
  if (!pendingLines) return;
  const lines = pendingLines;
  pendingLines = '';
  process.stdout.write(lines);
}

/** At exit no further turn comes: what is pending is written synchronously. */
function flushLinesAtExit(): void {
  if (pendingLines) writeSync(process.stdout.fd, pendingLines);
  pendingLines = '';
}

/**
 * One JSON object per line, so that a log collector needs no parser of ours: information on
 * stdout, warnings and errors on stderr (where supervisors and people look for failures).
 * Warnings and errors are written at once, after the information lines before them, so a crash
 * loses nothing that led up to it.
 */
const jsonLines: LogSink = (entry) => {
  const line = `${JSON.stringify(entry)}\n`;
  if (entry.level !== 'info') {
    flushLines();
    process.stderr.write(line);
    return;
  }
  pendingLines += line;
  if (flushScheduled) return;
  if (!flushesAtExit) {
    flushesAtExit = true;
    process.on('exit', flushLinesAtExit);
  }
  flushScheduled = true;
  setImmediate(flushLines).unref();
};

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
