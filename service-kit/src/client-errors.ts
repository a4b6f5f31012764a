import type { EventEmitter } from 'node:events';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type Problem, problem } from '@scc/contracts/problem';
import { rawSecurityHeaders, type SecurityHeaderOptions } from './api-headers.js';

/** What Node's HTTP parser refused, in the words of a problem. */
function problemOf(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      // Node counts the request line (the URL) and the header fields together.
      return problem('headersTooLarge', `The URL and header fields together exceed ${maxHeaderSize} bytes.`, [
        { field: 'headers', message: `At most ${maxHeaderSize} bytes with the URL` },
      ]);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return problem('payloadTooLarge', 'The chunk extensions are too large.', [
        { field: 'body', message: 'Chunk extensions too large' },
      ]);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem('requestTimeout', 'The request did not arrive in time.');
    default:
      return problem('validation', 'The request is not valid HTTP.', [{ field: 'request', message: 'Malformed' }]);
  }
}

/**
 * Requests Node's HTTP parser refuses before any app sees them (header fields or a URL over
 * `maxHeaderSize`, malformed request lines, timeouts) are answered with a problem+json and our
 * security headers instead of Node's bare status line, then the connection is closed: the parser
 * cannot tell where the next request on it would start.
 */
export function answerClientErrors(server: EventEmitter, options: SecurityHeaderOptions = {}) {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = problemOf(error.code);
    const body = JSON.stringify(answer);
    const status = answer.status;
    const headers = {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...rawSecurityHeaders(options),
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n${body}`);
  });
}
