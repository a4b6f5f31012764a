import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Caller } from './caller.js';

/**
 * `column` lies in the subtree rooted at `path`. The condition stays a bare `column <@ $1::ltree`,
 * which the GiST indexes on the path columns answer; an ordered page of a subtree wants the
 * btree-range form instead (`inSubtree` of @scc/db).
 */
export function under(column: SQLWrapper, path: string): SQL<boolean> {
  return sql<boolean>`${column} <@ ${path}::ltree`;
}

/**
 * `column` lies in the caller's subtree: the explicit filter every cockpit query adds (the second
 * isolation layer in ARCHITECTURE.md), so a query is scoped by itself and not by row-level
 * security alone.
 */
export function inScope(column: SQLWrapper, caller: Caller): SQL<boolean> {
  return under(column, caller.scopePath);
}
