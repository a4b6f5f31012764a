import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  type ProblemKind,
  problem,
  problemKinds,
  problemResponse,
  validationProblem,
} from '@scc/contracts/problem';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { createLogger } from './log.js';
import type { RequestContextVariables } from './request-context.js';

/** How every Hono service of ours turns validation failures and thrown errors into problem+json. */

/** The `defaultHook` for every zod-openapi route: a failed validation becomes a 400 naming the fields. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return c.body(JSON.stringify(validationProblem(result.target, result.error)), 400, {
    'content-type': PROBLEM_CONTENT_TYPE,
  });
}

/** For errors of an app that installed no `requestContext`, so none goes unreported. */
const withoutRequestContext = createLogger('unknown');

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(err.body, err.headers);
  if (err instanceof HTTPException) {
    // Hono's validators throw 400 for bodies that are not JSON at all.
    if (err.status === 400)
      return problemResponse(problem('validation', err.message, [{ field: 'body', message: err.message }]));
    const kind = (Object.keys(problemKinds) as ProblemKind[]).find((k) => problemKinds[k].status === err.status);
    return problemResponse(
      kind ? problem(kind) : { ...problem('internal'), status: err.status as ContentfulStatusCode },
    );
  }
  const log = (c.var as Partial<RequestContextVariables>).log ?? withoutRequestContext;
  log.error('unhandled error', { error: err, method: c.req.method, path: c.req.path });
  return problemResponse(problem('internal'));
};

export const onNotFound: NotFoundHandler = () => problemResponse(problem('notFound'));
