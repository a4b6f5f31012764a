import { BffError } from '../api/bff-client.js';
import { MissingFetchTokenError } from '../controllers/session-token-controller.js';

/** Any failure of a BFF call as a `BffError`: a missing `fetchToken` is a configuration error, a failing one a token error. */
export function toBffError(error: unknown): BffError {
  if (error instanceof BffError) return error;
  if (error instanceof MissingFetchTokenError) {
    return new BffError('config', { type: 'about:blank', title: 'Not configured', status: 0, detail: error.message });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new BffError(
    'token',
    { type: 'about:blank', title: 'Session token unavailable', status: 0, detail },
    { cause: error },
  );
}
