import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { expect } from 'vitest';

/**
 * An answer's body as a caller could compare it with another answer's: a problem without its
 * `correlationId`, which names this one request (checked to be its `x-request-id`) and so differs
 * between any two answers without telling anything about what was asked.
 */
export async function comparableBody(response: Response): Promise<string> {
  const text = await response.text();
  if (!response.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)) return text;
  const { correlationId, ...problem } = JSON.parse(text) as Record<string, unknown>;
  expect(correlationId).toBe(response.headers.get('x-request-id'));
  return JSON.stringify(problem);
}
