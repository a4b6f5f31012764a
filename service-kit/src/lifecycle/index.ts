export { describeError, exitOnUncaughtErrors, type FailFastOptions } from './fail-fast.js';
export { isTransientConnectionError, type RetryOptions, retryWithBackoff } from './retry.js';
