import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

/**
 * The one error shape of every Service Control Center API (RFC 9457 problem details).
 * `errors` names each offending field, so a caller can show the message next to its input.
 * `correlationId` is the answer's `X-Request-Id`: quoted to support, it finds the log lines of the
 * request in both services. (Not `requestId`: in a 422 rejection that names the operation request.)
 */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://scc.example/problems/validation' }),
    title: z.string().openapi({ example: 'Invalid request' }),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string().openapi({ example: 'query.limit' }),
          /** The business rule that refused the field's value, where one did. */
          rule: z.string().optional().openapi({ example: 'max-live-productive' }),
          message: z.string(),
        }),
      )
      .optional(),
    correlationId: z.string().optional().openapi({ example: 'f1c9a8e2-3b7d-4c55-9a0e-6d2b8f4e1a37' }),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = NonNullable<Problem['errors']>[number];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://scc.example/problems/';

/** Stable problem kinds; titles stay vague on purpose where detail would help an attacker. */
export const problemKinds = {
  validation: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  /** A risky action under a TOTP requirement without a fresh step-up (contracts/src/step-up.ts). */
  stepUpRequired: { status: 403, title: 'Step-up required' },
  notFound: { status: 404, title: 'Not found' },
  requestTimeout: { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  payloadTooLarge: { status: 413, title: 'Payload too large' },
  uriTooLong: { status: 414, title: 'URI too long' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  idempotencyKeyReused: { status: 422, title: 'Idempotency-Key reused' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  tooManyRequests: { status: 429, title: 'Too many requests' },
  headersTooLarge: { status: 431, title: 'Request header fields too large' },
  unavailable: { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export function problem(kind: ProblemKind, detail?: string, errors?: FieldError[]): Problem {
  const { status, title } = problemKinds[kind];
  return {
    type: `${PROBLEM_BASE}${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function problemResponse(body: Problem, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** Thrown anywhere in a handler; rendered by {@link onError} as problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly body: Problem,
    readonly headers?: Record<string, string>,
  ) {
    super(body.detail ?? body.title);
  }

  static of(kind: ProblemKind, detail?: string, errors?: FieldError[]): ProblemError {
    return new ProblemError(problem(kind, detail, errors));
  }
}

/** Validator targets in the words a client uses: the JSON body is `body`, path parameters `path`. */
const targetNames: Record<string, string> = { json: 'body', param: 'path', form: 'body' };

export function fieldErrors(validatorTarget: string, error: ZodError): FieldError[] {
  const target = targetNames[validatorTarget] ?? validatorTarget;
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // Unknown keys are reported on the object; name each unknown key as its own field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [target, ...path, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: [target, ...path].join('.'), message: issue.message }];
  });
}

export function validationProblem(target: string, error: ZodError): Problem {
  const errors = fieldErrors(target, error);
  return problem('validation', `Invalid ${errors.map((e) => e.field).join(', ')}`, errors);
}

/** An OpenAPI response entry whose body is a problem. */
export function problemContent(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } } as const;
}

/** OpenAPI response entries shared by every route. */
export const problemResponses = {
  400: problemContent('Invalid input'),
  401: problemContent('Missing or invalid credentials'),
  404: problemContent('Does not exist or lies outside the caller’s subtree'),
} as const;

/** OpenAPI entries of routes that change something: a role too low for it, or a rule refusing it. */
export const changeProblemResponses = {
  ...problemResponses,
  403: problemContent('Inside the caller’s subtree, but the caller’s role does not allow this'),
  409: problemContent('Refused by a rule (a cycle, something left inside, a duplicate …)'),
} as const;
