import { customType } from 'drizzle-orm/pg-core';

/** A materialised path of business-unit labels (PostgreSQL `ltree`), root first. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});
