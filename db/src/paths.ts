import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** ltree labels allow only letters, digits and underscores on PostgreSQL 15, so ids lose their dashes. */
export function pathLabel(id: string): string {
  return id.replaceAll('-', '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${pathLabel(id)}` : pathLabel(id);
}

/**
 * `column` lies in the subtree rooted at `path`. Besides the `<@` test it bounds the subtree as a
 * btree range, so an ordered page of a subtree walks a btree index from the subtree's first row and
 * stops after the page, instead of collecting and sorting the whole subtree; `<@` alone keeps the
 * answer exact for any label.
 *
 * With `key`, the column's `pathKey` (tenants, business units), the range is on that text: every
 * descendant of `a.b` sorts between `a.b` and `a.b/` ('/' follows '.' and precedes letters, digits
 * and underscores), and it drives an index scan under row-level security whoever owns the
 * database. Without one, the range is on the ltree itself (every descendant of `a.b` sorts between
 * `a.b` and `a.bz`; 'z' sorts after the hex digits our labels are made of), which only a
 * superuser-migrated database (migration 0010) lets drive an index scan.
 */
export function inSubtree(column: SQLWrapper, path: string, key?: SQLWrapper): SQL {
  const range = key
    ? sql`${key} >= ${path} and ${key} < ${`${path}/`}`
    : sql`${column} >= ${path}::ltree and ${column} < ${`${path}z`}::ltree`;
  return sql`(${column} <@ ${path}::ltree and ${range})`;
}
