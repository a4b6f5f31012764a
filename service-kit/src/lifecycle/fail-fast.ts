/**
 * The error in one line: its name and message, each cause's message, and where it was thrown.
 * Multi-line stacks interleave badly with other processes' output in a supervisor's log.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  const frame = error instanceof Error ? error.stack?.split('\n').find((line) => /^\s+at /.test(line)) : undefined;
  return `${parts.join('; caused by ')}${frame ? ` (${frame.trim()})` : ''}`.replace(/\s*\n\s*/g, ' ');
}

export interface FailFastOptions {
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * Fail fast: an exception nobody caught or a rejection nobody handled leaves the process in a
 * state nobody reasoned about (a driver's half-closed connection, a loop that stopped polling),
 * so it is logged in one line and the process exits with 1 at once, for its supervisor (the
 * container runtime, systemd, `scripts/run.mjs start`) to start a clean one. SIGINT/SIGTERM keep
 * their graceful handlers in the `main` files.
 */
export function exitOnUncaughtErrors(
  name: string,
  { log = (line) => process.stderr.write(`${line}\n`), exit = (code) => process.exit(code) }: FailFastOptions = {},
): void {
  let failed = false;
  const fail = (kind: string) => (error: unknown) => {
    if (failed) return;
    failed = true;
    log(`${name}: ${kind}, exiting: ${describeError(error)}`);
    exit(1);
  };
  process.on('uncaughtException', fail('uncaught exception'));
  process.on('unhandledRejection', fail('unhandled rejection'));
}
