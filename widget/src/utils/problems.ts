import { BffError } from '../api/bff-client.js';
import type { Messages } from '../i18n/index.js';

/** What to tell the user about a failed call: each failed rule or field, else the problem itself. */
export function problemMessages(m: Messages, error: unknown): string[] {
  if (!(error instanceof BffError)) return [m.errorGeneric(0)];
  if (error.kind === 'network') return [m.errorNetwork];
  if (error.retryable) return [m.errorUnavailable];
  if (error.errors.length > 0) return error.errors.map((e) => e.message);
  return [error.detail ?? error.title];
}
