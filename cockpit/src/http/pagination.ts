import { z } from '@hono/zod-openapi';

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(500)
  .openapi({ param: { name: 'limit', in: 'query' }, example: 100 });

export const cursorParam = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor returned by this API')
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page' });

/** Keyset cursors hide the sort key (an ltree path) so clients cannot craft one to probe the tree. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*(\|[0-9a-f-]{36})?$/.test(value) ? value : undefined;
}
