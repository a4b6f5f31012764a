import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationHook } from './problem-handlers.js';

/**
 * The one way our services build a router: every zod-openapi route of it answers a failed
 * validation with a 400 problem naming the fields. Chain `.openapi()`/`.route()` on the result so
 * the typed `hc` client keeps each route's types.
 */
export function createRouter<E extends Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

/** An OpenAPI response or body entry whose content is JSON of `schema`. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body of `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
