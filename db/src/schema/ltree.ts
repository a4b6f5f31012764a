import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/** A materialised path of business-unit labels (PostgreSQL `ltree`), root first. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

/** Text compared byte by byte (collation "C"), whatever the database's own collation is. */
const bytewiseText = customType<{ data: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});

/**
 * The text of the ltree column `pathColumn`, kept by PostgreSQL beside it: its btree answers a
 * subtree as a range (see `inSubtree`) under row-level security whoever owns the database.
 * Row-level security lets a query's own condition drive an index scan only if its comparison is
 * LEAKPROOF; text comparisons are, ltree's are only when a superuser declared them (migration
 * 0010), which a managed PostgreSQL (RDS, Cloud SQL, Azure) never lets the owner do. Compared
 * byte by byte, the text sorts as the path does: `.` sorts before every character of a label.
 */
export function pathKey(name: string, pathColumn: string) {
  return bytewiseText(name)
    .notNull()
    .generatedAlwaysAs(sql`${sql.identifier(pathColumn)}::text`);
}
