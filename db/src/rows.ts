import type { SQL } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * Raw SQL results differ by driver: postgres.js returns the rows as an array, PGlite as
 * `{ rows }`. These helpers give both engines one shape.
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return [...result] as T[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return [...(result as { rows: T[] }).rows];
  }
  throw new TypeError(`not a query result: ${String(result)}`);
}

/** Runs a raw `sql` query on a database or transaction and returns its rows on either engine. */
export async function executeRows<T = Record<string, unknown>>(
  db: Pick<Database, 'execute'>,
  query: SQL,
): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
