import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** ltree labels allow only letters, digits and underscores on PostgreSQL 15, so ids lose their dashes. */
export function pathLabel(id: string): string {
  return id.replaceAll('-', '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${pathLabel(id)}` : pathLabel(id);
}

/**
 * `column` lies in the subtree rooted at `path`. Besides the `<@` test it bounds the column as a
 * btree range: ltree compares label by label, so every descendant of `a.b` sorts between `a.b` and
 * `a.bz` ('z' sorts after the hex digits our labels are made of). An ordered page of a subtree
 * then walks a btree index from the subtree's first row and stops after the page, instead of
 * collecting and sorting the whole subtree; `<@` alone keeps the answer exact for any label.
 */
export function inSubtree(column: SQLWrapper, path: string): SQL {
  return sql`(${column} <@ ${path}::ltree and ${column} >= ${path}::ltree and ${column} < ${`${path}z`}::ltree)`;
}
