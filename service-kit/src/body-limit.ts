import { ProblemError } from '@scc/contracts/problem';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a request body over `maxBytes` with a 413 problem naming `body`, before a route reads
 * it: by its content-length, or, sent in chunks without one, counted as it arrives. A body a
 * caller may make as large as it likes would otherwise be read into memory whole.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw ProblemError.of('payloadTooLarge', `The body is larger than ${maxBytes} bytes.`, [
        { field: 'body', message: `At most ${maxBytes} bytes` },
      ]);
    },
  });
}
