import { sql } from 'drizzle-orm';
import { pgRole } from 'drizzle-orm/pg-core';

/**
 * The role every cockpit transaction switches to. It owns nothing and cannot bypass
 * row-level security, so a query that forgets its own subtree filter is still filtered.
 */
export const appRole = pgRole('scc_app').existing();

/** The caller's subtree root path, set per transaction; unset means "nothing visible". */
export const scopePath = sql`(select nullif(current_setting('app.scope_path', true), '')::ltree)`;
