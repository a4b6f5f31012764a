import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from './log.js';

/** What {@link requestContext} sets on every request. */
export interface RequestContextVariables {
  requestId: string;
  /** The request's logger: every entry carries its `requestId`. */
  log: Logger;
}

declare module 'hono' {
  interface ContextVariableMap extends RequestContextVariables {}
}

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a caller may choose: 1 to 64 visible ASCII characters. Anything else (control characters
 * that could forge log lines, spaces, non-ASCII, a megabyte of text) is replaced by a fresh one.
 */
const ACCEPTABLE_ID = /^[\x21-\x7e]{1,64}$/;

function acceptableRequestId(value: string | undefined): string | undefined {
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : undefined;
}

/**
 * Hono's `requestId()` keeps an incoming `X-Request-Id` only if it is made of word characters,
 * `-` and `=`, and asks the generator for every other one. The generator widens that to our rule,
 * so ids of proxies and tracing systems (`Root=1-…;Sampled=1`, `abc.def`) survive.
 */
const assignRequestId = requestId({
  limitLength: 64,
  generator: (c) => acceptableRequestId(c.req.header(REQUEST_ID_HEADER)) ?? crypto.randomUUID(),
});

/**
 * Each request's id (`X-Request-Id`) in every place it helps to find what happened to it:
 *
 * - `c.var.log`, a logger whose entries carry it, and one line per request once the answer is
 *   ready: method, path (without the query, which may hold search terms), status, milliseconds.
 *   A streamed answer is logged when it starts.
 * - The answer's `X-Request-Id` header and the `correlationId` of a problem+json answer, however
 *   that answer was built (thrown, returned, or passed on from another service).
 * - `c.var.requestId`, for the calls to other services made on the request's behalf. It is passed
 *   on explicitly: keeping it in an AsyncLocalStorage tracked every promise of every request and
 *   cost a sixth of the cockpit's time per request (BENCHMARKS.md).
 */
export function requestContext(log: Logger): MiddlewareHandler {
  const withId: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    const id = c.var.requestId;
    const requestLog = log.child({ requestId: id });
    c.set('log', requestLog);
    await next();
    if (c.res.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)) await stampProblem(c, id);
    // Set again after the handler: a plain Response returned by it does not carry headers set before.
    c.header(REQUEST_ID_HEADER, id);
    const { status } = c.res;
    requestLog[status >= 500 ? 'warn' : 'info']('request', {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
    });
  };
  return async (c, next) => {
    await assignRequestId(c, async () => {
      await withId(c, next);
    });
  };
}

/** Replaces the answer by one whose problem body names `id`; a body that is not a JSON object stays as it was. */
async function stampProblem(c: Context, id: string): Promise<void> {
  const { status, headers } = c.res;
  const text = await c.res.text();
  const body = parseObject(text);
  const rewritten = new Headers(headers);
  // The body changes length; a length passed on from another service's answer would cut it off.
  rewritten.delete('content-length');
  // Unset first: assigning over an answer copies its headers, the stale length among them.
  c.res = undefined;
  c.res = new Response(body ? JSON.stringify({ ...body, correlationId: id }) : text, { status, headers: rewritten });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
