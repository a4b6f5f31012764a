import { describeError } from './fail-fast.js';

/** Codes of a database that is not there yet (down, starting, restarting, out of connections). */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

/** Whether an error (or one of its causes, which drizzle wraps around the driver's) means "try again later". */
export function isTransientConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface RetryOptions {
  /** Give up once this much time has passed since the first attempt; 0 tries once. */
  timeoutMs: number;
  /** The first pause; each next one doubles, up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Which errors are worth another attempt; others are thrown at once. */
  retryable?: (error: unknown) => boolean;
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, retrying transient failures with exponential backoff for a
 * bounded time and logging one line per retry; then the last error is thrown.
 */
export async function retryWithBackoff<T>(what: string, attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const {
    timeoutMs,
    initialDelayMs = 250,
    maxDelayMs = 5000,
    retryable = isTransientConnectionError,
    log = (line) => process.stderr.write(`${line}\n`),
    now = Date.now,
    sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = options;
  const deadline = now() + timeoutMs;
  let delay = initialDelayMs;
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - now();
      if (!retryable(error) || left <= 0) throw error;
      const pause = Math.min(delay, maxDelayMs, left);
      log(`${what} failed (${describeError(error)}); retry ${retry} in ${Math.ceil(pause / 100) / 10} s`);
      await sleep(pause);
      delay *= 2;
    }
  }
}
