import { z } from '@hono/zod-openapi';
import { ProblemError } from './problem.js';

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
  // Labels of at most 256 characters (PostgreSQL 15's ltree limit) and a well-formed uuid: anything
  // the database would refuse to cast must be a 400 here, not a 500 from the query.
  return /^[A-Za-z0-9_]{1,256}(\.[A-Za-z0-9_]{1,256})*(\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/.test(
    value,
  )
    ? value
    : undefined;
}

function invalidCursor(): ProblemError {
  return ProblemError.of('validation', 'Invalid query.cursor', [
    { field: 'query.cursor', message: 'Not a cursor returned by this API' },
  ]);
}

/** The position after a business unit (its path); a 400 for anything else, including tenant cursors. */
export function readPathCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const path = decodeCursor(cursor);
  if (path === undefined || path.includes('|')) throw invalidCursor();
  return path;
}

export interface PathIdPosition {
  path: string;
  id: string;
}

/** The position after a row that sorts by (path, id), such as a tenant. */
export function pathIdCursor(position: PathIdPosition): string {
  return encodeCursor(`${position.path}|${position.id}`);
}

export function readPathIdCursor(cursor: string | undefined): PathIdPosition | undefined {
  if (cursor === undefined) return undefined;
  const [path, id] = decodeCursor(cursor)?.split('|') ?? [];
  if (!path || !id) throw invalidCursor();
  return { path, id };
}

/**
 * A position in a list sorted by several text keys (a name and an id, a time and an id). The
 * keys travel as a JSON array, so a path or tenant cursor never parses as one and vice versa.
 */
export function keysetCursor(keys: readonly string[]): string {
  return encodeCursor(JSON.stringify(keys));
}

export function readKeysetCursor<N extends number>(
  cursor: string | undefined,
  length: N,
  isValid: (keys: string[]) => boolean = () => true,
): string[] | undefined {
  if (cursor === undefined) return undefined;
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(keys) ||
    keys.length !== length ||
    !keys.every((k) => typeof k === 'string' && k.length <= 1000) ||
    !isValid(keys)
  ) {
    throw invalidCursor();
  }
  return keys as string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** After a row sorted by (name, id): children of a unit, search results, users by e-mail. */
export function readNameIdCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  const keys = readKeysetCursor(cursor, 2, ([, id]) => UUID.test(id ?? ''));
  return keys ? { name: keys[0] ?? '', id: keys[1] ?? '' } : undefined;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** After a row sorted newest first by (time, id): audit events. */
export function readTimeIdCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const keys = readKeysetCursor(cursor, 2, ([at, id]) => TIMESTAMP.test(at ?? '') && UUID.test(id ?? ''));
  return keys ? { at: keys[0] ?? '', id: keys[1] ?? '' } : undefined;
}
